import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RETENTION_POLICY } from "../../../../lib/privacy/retention-policy"
import { RETENTION_RUN_ACTION } from "../../../../lib/privacy/retention-sweep"
import { AUDIT_LOG_MODULE } from "../../../../modules/audit-log"
import type AuditLogModuleService from "../../../../modules/audit-log/service"

/**
 * GET /admin/privacy/retention: the retention policy (each kind's period, what happens then,
 * the legal reason) and the last daily sweep with its counts per kind (null before the first).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [last] = await req.scope
    .resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
    .listAuditEntries({ action: RETENTION_RUN_ACTION }, { order: { created_at: "DESC" }, take: 1 })
  const details = (last?.details ?? null) as {
    ran_at: string
    counts: Record<string, number>
  } | null
  res.json({ policy: RETENTION_POLICY, last_run: details })
}
