import { factories } from "@strapi/strapi"

export default factories.createCoreService("api::questionnaire-item.questionnaire-item")
