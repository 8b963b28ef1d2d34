import { factories } from "@strapi/strapi"

export default factories.createCoreController("api::constitution-type.constitution-type")
