import { factories } from "@strapi/strapi"

export default factories.createCoreService("api::questionnaire-version.questionnaire-version")
