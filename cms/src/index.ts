import type { Core } from "@strapi/strapi"
import { seed } from "./seed/seed"

export default {
  register() {},

  /** Demo content, roles and the storefront token, once per database (idempotent). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.CMS_SEED !== "false") {
      await seed(strapi)
    }
  },
}
