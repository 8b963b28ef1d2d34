import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../../../../modules/audit-log"
import type AuditLogModuleService from "../../../../modules/audit-log/service"

/**
 * Reads of reconciliation (payments, refunds and bank references per order) go to the audit
 * log like every finance read, once the answer is sent.
 */
export function auditReconciliationRead(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action:
    | "finance.reconciliation_runs"
    | "finance.reconciliation_differences"
    | "finance.offline_receipts"
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
        details: {
          ...(req.validatedQuery ?? {}),
          ...(req.params?.id && { run_id: req.params.id }),
        },
      })
      .catch((error: Error) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`审计日志写入失败：${error.message}`)
      )
  })
}
