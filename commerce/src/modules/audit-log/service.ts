import { MedusaService } from "@medusajs/framework/utils"
import { AuditEntry } from "./models/audit-entry"

/** Who did what, when and from where: read by super admins, written by the admin middleware. */
class AuditLogModuleService extends MedusaService({ AuditEntry }) {}

export default AuditLogModuleService
