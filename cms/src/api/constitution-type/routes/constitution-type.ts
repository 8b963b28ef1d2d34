import { factories } from "@strapi/strapi"

export default factories.createCoreRouter("api::constitution-type.constitution-type")
