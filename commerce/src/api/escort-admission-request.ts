import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { clientAddress } from "../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../modules/audit-log"
import type AuditLogModuleService from "../modules/audit-log/service"
import { ESCORT_ADMISSION_MODULE } from "../modules/escort-admission"
import type EscortAdmissionModuleService from "../modules/escort-admission/service"

/** The admission module and the signed-in escort's own application (any escort status). */
export async function escortAdmissionRequest(req: AuthenticatedMedusaRequest) {
  const admission = req.scope.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const escortId = req.auth_context.actor_id
  return { admission, escortId, application: await admission.applicationOfEscort(escortId) }
}

/** The application, or a 404 telling the applicant to fill it in first. */
export function requireApplication<T>(application: T | null): T {
  if (!application) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "请先填写入驻申请的基本信息")
  }
  return application
}

/**
 * An audit entry for a read or use of an applicant's identity data outside the admin (whose
 * gate records staff reads itself): who, what, which application.
 */
export async function auditAdmissionAccess(
  req: MedusaRequest & { auth_context?: { actor_id?: string } },
  action: string,
  details: Record<string, unknown>
) {
  await req.scope
    .resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
    .createAuditEntries({
      actor_id: req.auth_context?.actor_id ?? "anonymous",
      action,
      method: req.method,
      path: (req.originalUrl ?? req.url).split(/[?#]/)[0],
      status: 200,
      ip: clientAddress(req),
      user_agent: req.get("user-agent") ?? null,
      details,
    })
    .catch((error: Error) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`审计日志写入失败：${error.message}`)
    )
}
