import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allows, AREAS, type Area } from "../../modules/access/permissions"
import { clientAddress } from "../../lib/http/client-address"
import { matchedRoutePatterns, type RouterOwner } from "../../lib/access/matched-routes"
import { ANY_STAFF, requiredPermission } from "../../modules/access/route-permissions"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"

type AuthContext = { actor_id?: string; actor_type?: string }

/** Areas whose every access is recorded: health data. Money is recorded on change. */
// 内容审核 reads open reported messages, and its decisions hide what people wrote: both audited.
const READS_AUDITED = new Set<Area>(["lab", "assessments", "escort", "cases", "moderation"])
const WRITES_AUDITED = new Set<Area>([
  "money",
  "affiliate",
  "customers",
  "lab",
  "assessments",
  "moderation",
])

/** The signed-in staff member's permissions, for guards that look at the data too. */
export const staffPermissionsOf = (res: MedusaResponse): string[] =>
  (res.locals?.staff_permissions as string[] | undefined) ?? []

/** Set by a route to describe its action better than the method and path do. */
export type AuditNote = { action?: string; details?: Record<string, unknown> }

type Needed = ReturnType<typeof requiredPermission>

/** The raw path as Express's router compares it: percent-encoding kept, no query or hash. */
const rawPathOf = (req: MedusaRequest) => (req.originalUrl ?? req.url).split(/[?#]/)[0]

/**
 * What the request needs, decided by the route patterns that will actually run, never by
 * the URL's spelling (Express matches case-insensitively and ignores a trailing slash).
 * Every matched pattern's permission is needed; a path no route matches is for super
 * admins only (deny by default).
 */
export function permissionsForRequest(
  app: RouterOwner,
  method: string,
  rawPath: string
): { patterns: string[]; needed: Needed[] } {
  const patterns = matchedRoutePatterns(app, method, rawPath)
  const needed = patterns.length ? patterns.map((p) => requiredPermission(method, p)) : [null]
  return { patterns, needed: [...new Set(needed)] }
}

function isAllowed(needed: Needed, granted: string[]) {
  if (needed === ANY_STAFF) return true
  return needed === null ? granted.includes("*") : allows(granted, needed)
}

function shouldAudit(needed: Needed, method: string) {
  const write = !["GET", "HEAD", "OPTIONS"].includes(method)
  if (needed === ANY_STAFF) return false
  // Routes for super admins only (roles, staff, settings changes) are all sensitive.
  if (needed === null || needed === "*") return write
  const [area] = needed.split(":") as [Area]
  return READS_AUDITED.has(area) || (write && WRITES_AUDITED.has(area))
}

function refusal(needed: Needed, roleNames: string[]) {
  const who = roleNames.length ? `您的角色（${roleNames.join("、")}）` : "您的账号尚未分配角色，"
  const what =
    needed && needed !== ANY_STAFF && needed !== "*"
      ? `「${AREAS[needed.split(":")[0] as Area]}」${needed.endsWith(":write") ? "的修改" : ""}`
      : "此功能（仅超级管理员）"
  return `${who}无权访问${what}。如需开通，请联系超级管理员。`
}

/** Super-admin-only first, then writes, then reads, then any staff: for the audit record. */
function strictest(all: Needed[]): Needed {
  const rank = (n: Needed) => (n === null ? 0 : n === ANY_STAFF ? 3 : n.endsWith(":write") ? 1 : 2)
  return [...all].sort((a, b) => rank(a) - rank(b))[0] ?? null
}

/**
 * Deny by default on every /admin route: each route needs the permission its area
 * requires (modules/access/route-permissions.ts); unlisted routes are for super admins.
 * Refusals answer 403 and are logged; sensitive actions go to the audit log.
 */
export function enforceStaffAccess() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const auth = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
    // Only staff sessions are checked. Medusa's own authentication has already refused
    // anonymous calls; secret API keys are created by super admins for integrations.
    if (!auth?.actor_id || auth.actor_type !== "user") return next()

    const path = rawPathOf(req)
    const { patterns, needed: neededAll } = permissionsForRequest(
      req.app as unknown as RouterOwner,
      req.method,
      path
    )
    const access = req.scope.resolve<AccessModuleService>(ACCESS_MODULE)
    const roles = await access.rolesOf(auth.actor_id)
    const granted = roles.flatMap((role) => role.permissions as string[])
    const refused = neededAll.find((one) => !isAllowed(one, granted))
    const allowed = refused === undefined
    // The permission checked: the one refused, else the strictest of those granted.
    const needed: Needed = refused !== undefined ? refused : strictest(neededAll)
    const checked = { needed: needed ?? "*", route: patterns[0] ?? null }

    const audit = req.scope.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
    const record = (action: string, status: number, details?: Record<string, unknown>) =>
      audit
        .createAuditEntries({
          actor_id: auth.actor_id!,
          action,
          method: req.method,
          path,
          status,
          ip: clientAddress(req),
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
        .warn(
          `access denied: user ${auth.actor_id} ${req.method} ${path} (${checked.route ?? "no route"}) needs ${checked.needed}`
        )
      await record("access.denied", 403, checked)
      res.status(403).json({
        type: "not_allowed",
        message: refusal(
          needed,
          roles.map((role) => role.name)
        ),
      })
      return
    }

    res.locals.staff_permissions = granted
    if (neededAll.some((one) => shouldAudit(one, req.method))) {
      res.on("finish", () => {
        const note = res.locals?.audit as AuditNote | undefined
        void record(note?.action ?? needed ?? "super_admin", res.statusCode, {
          ...checked,
          ...note?.details,
        })
      })
    }
    next()
  }
}
