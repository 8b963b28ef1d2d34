import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"
import type AuditLogModuleService from "../../../modules/audit-log/service"
import type { AuditLogQueryType } from "../access/validators"

/** The audit trail, newest first, with each actor's email (super admins only). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery as AuditLogQueryType
  const [entries, count] = await req.scope
    .resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
    .listAndCountAuditEntries(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  const actorIds = [...new Set(entries.map((entry) => entry.actor_id))]
  const users = actorIds.length
    ? await req.scope.resolve(Modules.USER).listUsers({ id: actorIds })
    : []
  const emails = new Map(users.map((user) => [user.id, user.email]))
  res.json({
    entries: entries.map((entry) => ({
      ...entry,
      actor_email: emails.get(entry.actor_id) ?? null,
    })),
    count,
    limit,
    offset,
  })
}
