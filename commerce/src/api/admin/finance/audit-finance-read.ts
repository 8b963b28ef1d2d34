import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"
import type AuditLogModuleService from "../../../modules/audit-log/service"

export type FinanceReadAction =
  | "finance.summary"
  | "finance.export"
  | "finance.entries"
  | "finance.commissions"
  | "finance.commission_entries"
  | "finance.commission_statement"

/**
 * Every read of finance figures goes to the audit log, with the period, breakdown, filters
 * and affiliate asked for (the staff guard records money routes only on change), once the answer is sent.
 */
export function auditFinanceRead(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action: FinanceReadAction
) {
  const query = req.validatedQuery as Record<string, unknown>
  const details = {
    ...query,
    ...(action === "finance.summary" || action === "finance.export"
      ? { group_by: query.group_by ?? null }
      : {}),
    ...(req.params?.id && { affiliate_id: req.params.id }),
  }
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
        details,
      })
      .catch((error: Error) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`审计日志写入失败：${error.message}`)
      )
  })
}
