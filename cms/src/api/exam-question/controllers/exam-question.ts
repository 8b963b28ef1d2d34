import { factories } from "@strapi/strapi"

export default factories.createCoreController("api::exam-question.exam-question")
