import type { Core } from "@strapi/strapi"
import { registerContentEvents } from "./hooks/content-events"
import { seed } from "./seed/seed"

export default {
  /** Signed content events to commerce (search, storefront revalidation, member pushes). */
  register({ strapi }: { strapi: Core.Strapi }) {
    registerContentEvents(strapi)
  },

  /** Demo content, roles and the storefront token, once per database (idempotent). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.CMS_SEED !== "false") {
      await seed(strapi)
    }
  },
}
