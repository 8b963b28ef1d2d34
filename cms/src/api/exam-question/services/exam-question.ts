import { factories } from "@strapi/strapi"

export default factories.createCoreService("api::exam-question.exam-question")
