import { factories } from "@strapi/strapi"

export default factories.createCoreController("api::clinic-session.clinic-session")
