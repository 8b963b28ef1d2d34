import { factories } from "@strapi/strapi"

export default factories.createCoreRouter("api::clinic-session.clinic-session")
