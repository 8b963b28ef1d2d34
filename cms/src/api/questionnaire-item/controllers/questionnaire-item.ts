import { factories } from "@strapi/strapi"

export default factories.createCoreController("api::questionnaire-item.questionnaire-item")
