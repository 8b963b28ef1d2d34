import { factories } from "@strapi/strapi"

export default factories.createCoreService("api::clinic-session.clinic-session")
