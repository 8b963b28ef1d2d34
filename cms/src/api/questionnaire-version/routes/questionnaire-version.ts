import { factories } from "@strapi/strapi"

export default factories.createCoreRouter("api::questionnaire-version.questionnaire-version")
