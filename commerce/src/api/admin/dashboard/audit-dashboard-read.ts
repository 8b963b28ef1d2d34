import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"
import type AuditLogModuleService from "../../../modules/audit-log/service"

/** Every read of the 数据统计 figures goes to the audit log with its query, once answered. */
export function auditDashboardRead(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action: "dashboard.overview" | "dashboard.export" = "dashboard.overview"
) {
  res.on("finish", () => {
    req.scope
      .resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
      .createAuditEntries({
        actor_id: req.auth_context.actor_id,
        action,
        method: req.method,
        path: (req.originalUrl ?? req.url).split(/[?#]/)[0],
        status: res.statusCode,
        ip: clientAddress(req),
        user_agent: req.get("user-agent") ?? null,
        details: req.validatedQuery as Record<string, unknown>,
      })
      .catch((error: Error) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`审计日志写入失败：${error.message}`)
      )
  })
}
