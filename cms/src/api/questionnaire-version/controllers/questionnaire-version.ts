import { factories } from "@strapi/strapi"

export default factories.createCoreController("api::questionnaire-version.questionnaire-version")
