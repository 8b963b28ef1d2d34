import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allows, AREAS, type Area } from "../../lib/access/permissions"
import { ANY_STAFF, requiredPermission } from "../../lib/access/route-permissions"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"

type AuthContext = { actor_id?: string; actor_type?: string }

/** Areas whose every access is recorded: health data. Money is recorded on change. */
const READS_AUDITED = new Set<Area>(["lab", "assessments"])
const WRITES_AUDITED = new Set<Area>(["money", "affiliate", "customers", "lab", "assessments"])

/** Set by a route to describe its action better than the method and path do. */
export type AuditNote = { action?: string; details?: Record<string, unknown> }

function shouldAudit(needed: ReturnType<typeof requiredPermission>, method: string) {
  const write = !["GET", "HEAD", "OPTIONS"].includes(method)
  if (needed === ANY_STAFF) return false
  // Routes for super admins only (roles, staff, settings changes) are all sensitive.
  if (needed === null || needed === "*") return write
  const [area] = needed.split(":") as [Area]
  return READS_AUDITED.has(area) || (write && WRITES_AUDITED.has(area))
}

function refusal(needed: ReturnType<typeof requiredPermission>, roleNames: string[]) {
  const who = roleNames.length ? `您的角色（${roleNames.join("、")}）` : "您的账号尚未分配角色，"
  const what =
    needed && needed !== ANY_STAFF && needed !== "*"
      ? `「${AREAS[needed.split(":")[0] as Area]}」${needed.endsWith(":write") ? "的修改" : ""}`
      : "此功能（仅超级管理员）"
  return `${who}无权访问${what}。如需开通，请联系超级管理员。`
}

/**
 * Deny by default on every /admin route: each route needs the permission its area
 * requires (lib/access/route-permissions.ts); unlisted routes are for super admins.
 * Refusals answer 403 and are logged; sensitive actions go to the audit log.
 */
export function enforceStaffAccess() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const auth = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
    // Only staff sessions are checked. Medusa's own authentication has already refused
    // anonymous calls; secret API keys are created by super admins for integrations.
    if (!auth?.actor_id || auth.actor_type !== "user") return next()

    const path = (req.originalUrl ?? req.url).split("?")[0]
    const needed = requiredPermission(req.method, path)
    const access = req.scope.resolve<AccessModuleService>(ACCESS_MODULE)
    const roles = await access.rolesOf(auth.actor_id)
    const granted = roles.flatMap((role) => role.permissions as string[])
    const allowed =
      needed === ANY_STAFF || (needed === null ? granted.includes("*") : allows(granted, needed))

    const audit = req.scope.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
    const record = (action: string, status: number, details?: Record<string, unknown>) =>
      audit
        .createAuditEntries({
          actor_id: auth.actor_id!,
          action,
          method: req.method,
          path,
          status,
          ip: req.ip ?? null,
          user_agent: req.get("user-agent") ?? null,
          details: details ?? null,
        })
        .catch((error: Error) =>
          req.scope
            .resolve(ContainerRegistrationKeys.LOGGER)
            .error(`审计日志写入失败：${error.message}`)
        )

    if (!allowed) {
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`access denied: user ${auth.actor_id} ${req.method} ${path} needs ${needed ?? "*"}`)
      await record("access.denied", 403, { needed: needed ?? "*" })
      res.status(403).json({
        type: "not_allowed",
        message: refusal(
          needed,
          roles.map((role) => role.name)
        ),
      })
      return
    }

    if (shouldAudit(needed, req.method)) {
      res.on("finish", () => {
        const note = res.locals?.audit as AuditNote | undefined
        void record(note?.action ?? needed ?? "super_admin", res.statusCode, note?.details)
      })
    }
    next()
  }
}
