import type { Core } from "@strapi/strapi"
import { restrictContentApiAccess } from "./access/content-api-access"
import { registerPublishedOnlyContentApi } from "./access/published-only-content-api"
import { registerPublishedPageVersions } from "./api/page/versions/published-version-unchanged"
import { registerFrozenQuestionnaireVersions } from "./api/questionnaire-version/versions/published-version-frozen"
import { registerContentEvents } from "./hooks/content-events"
import { seed } from "./seed/seed"
import { assertProductionSecrets } from "./secret-from-env"

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionSecrets()
    /** Drafts stay in the admin: every content-API read gets the published version. */
    registerPublishedOnlyContentApi(strapi)
    /** Signed content events to commerce (search, storefront revalidation, member pushes). */
    registerContentEvents(strapi)
    /** A published legal or consent text is never changed in place: a change is a new version. */
    registerPublishedPageVersions(strapi)
    /** A published 体质问卷 version is what results were scored with: a change is a new version. */
    registerFrozenQuestionnaireVersions(strapi)
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    /** Reference content at every start, demo content with SEED_DEMO=1 (idempotent). */
    if (process.env.CMS_SEED !== "false") {
      await seed(strapi)
    }
    /** At every start: the public and the storefront token read the storefront's types only. */
    await restrictContentApiAccess(strapi)
  },
}
