import { factories } from "@strapi/strapi"

export default factories.createCoreService("api::constitution-type.constitution-type")
