import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientAddress } from "../../../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"
import type AuditLogModuleService from "../../../modules/audit-log/service"
import type { FinanceSummaryQueryType } from "./validators"

/**
 * Every read of finance figures goes to the audit log, with the period and breakdown asked
 * for (the staff guard records money routes only on change), once the answer is sent.
 */
export function auditFinanceRead(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action: "finance.summary" | "finance.export"
) {
  const query = req.validatedQuery as FinanceSummaryQueryType
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
        details: { from: query.from, to: query.to, group_by: query.group_by ?? null },
      })
      .catch((error: Error) =>
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .error(`审计日志写入失败：${error.message}`)
      )
  })
}
