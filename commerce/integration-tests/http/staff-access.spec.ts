import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/actors"

jest.setTimeout(240_000)

type Headers = { headers: Record<string, string> }
type Role = "super" | "operations" | "finance" | "lab" | "service" | "expert" | "none"

const ROLES: Record<Role, string[]> = {
  super: ["super_admin"],
  operations: ["operations"],
  finance: ["finance"],
  lab: ["lab"],
  service: ["service"],
  expert: ["expert"],
  none: [],
}

const ALL: Role[] = Object.keys(ROLES) as Role[]

/**
 * Who may call what, written out by hand (not derived from the route table), so a
 * change to the table that opens or closes a route shows up here.
 */
const MATRIX: [method: "GET" | "POST", path: string, allowed: Role[]][] = [
  // Custom routes: affiliate plugin, queues, access and audit.
  ["GET", "/admin/affiliate/settings", ["super", "operations", "finance"]],
  ["POST", "/admin/affiliate/settings", ["super", "operations"]],
  ["GET", "/admin/affiliate/affiliates", ["super", "operations", "finance"]],
  ["POST", "/admin/affiliate/affiliates/aff_missing", ["super", "operations"]],
  ["GET", "/admin/affiliate/ledger", ["super", "finance"]],
  ["GET", "/admin/affiliate/ledger/export", ["super", "finance"]],
  ["GET", "/admin/affiliate/withdrawals", ["super", "finance"]],
  ["POST", "/admin/affiliate/withdrawals/afwd_missing/approve", ["super", "finance"]],
  ["POST", "/admin/affiliate/wechat-transfers", ["super", "finance"]],
  ["GET", "/admin/queues/inbox", ["super", "operations"]],
  ["GET", "/admin/cms/pushes", ["super", "operations"]],
  ["GET", "/admin/access/me", ALL],
  ["GET", "/admin/access/roles", ["super"]],
  ["POST", "/admin/access/roles", ["super"]],
  ["GET", "/admin/access/users", ["super"]],
  ["POST", "/admin/access/users/user_missing/roles", ["super"]],
  ["GET", "/admin/audit-log", ["super"]],
  // Health archive: customer service follows kits; only lab staff move them or read reports.
  ["GET", "/admin/health-archive/kits", ["super", "lab", "service"]],
  ["POST", "/admin/health-archive/kits/kit_missing/receive", ["super", "lab"]],
  ["GET", "/admin/health-archive/report-batches", ["super", "lab", "service"]],
  ["POST", "/admin/health-archive/report-batches", ["super", "lab"]],
  ["GET", "/admin/health-archive/reports/rep_missing/file", ["super", "lab"]],
  // Appointments: operations and customer service run the day view and the clinic rosters.
  ["GET", "/admin/appointments", ["super", "operations", "service"]],
  ["POST", "/admin/appointments/appt_missing/confirm", ["super", "operations", "service"]],
  ["POST", "/admin/appointments/appt_missing/complete", ["super", "operations", "service"]],
  ["POST", "/admin/appointments/appt_missing/cancel", ["super", "operations", "service"]],
  ["POST", "/admin/appointments/appt_missing/reschedule", ["super", "operations", "service"]],
  ["GET", "/admin/clinic-sessions/session_missing/signups", ["super", "operations", "service"]],
  // Areas whose routes come with later issues: the gate already holds.
  ["GET", "/admin/assessments", ["super", "expert"]],
  // A sample of Medusa's own routes.
  ["GET", "/admin/users/me", ALL],
  ["GET", "/admin/stores", ALL],
  ["GET", "/admin/users", ["super"]],
  ["POST", "/admin/users/user_missing", ["super"]],
  ["POST", "/admin/invites", ["super"]],
  ["GET", "/admin/orders", ["super", "operations", "finance", "service"]],
  ["POST", "/admin/orders/order_missing/complete", ["super", "operations"]],
  ["POST", "/admin/orders/order_missing/cancel", ["super", "operations"]],
  ["GET", "/admin/products", ["super", "operations"]],
  ["POST", "/admin/products", ["super", "operations"]],
  ["GET", "/admin/customers", ["super", "operations", "service"]],
  ["POST", "/admin/customers/cus_missing", ["super", "operations", "service"]],
  ["GET", "/admin/payments", ["super", "finance"]],
  ["POST", "/admin/payments/pay_missing/capture", ["super", "finance"]],
  ["POST", "/admin/payments/pay_missing/refund", ["super", "finance"]],
  ["GET", "/admin/regions", ["super", "operations"]],
  ["POST", "/admin/regions", ["super"]],
  ["GET", "/admin/api-keys", ["super", "operations"]],
  ["GET", "/admin/workflows-executions", ["super", "operations"]],
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const staff = {} as Record<Role, Headers>
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      for (const role of ALL) {
        staff[role] = await adminHeaders(
          getContainer(),
          api as never,
          `${role}@staff.local`,
          ROLES[role]
        )
      }
    })

    const call = (method: "GET" | "POST", path: string, who: Headers) =>
      method === "GET"
        ? api.get(path, { ...who, ...noThrow })
        : api.post(path, {}, { ...who, ...noThrow })

    it("lets each role call exactly what it may, and refuses the rest with 403", async () => {
      const wrong: string[] = []
      for (const [method, path, allowed] of MATRIX) {
        for (const role of ALL) {
          const { status, data } = await call(method, path, staff[role])
          const refused = status === 403
          if (refused !== !allowed.includes(role)) {
            wrong.push(`${role} ${method} ${path} → ${status} ${data?.message ?? ""}`)
          }
          if (refused && !String(data?.message).includes("无权访问")) {
            wrong.push(`${role} ${method} ${path}: unclear refusal "${data?.message}"`)
          }
        }
      }
      expect(wrong).toEqual([])

      const anonymous = await api.get("/admin/orders", noThrow)
      expect(anonymous.status).toBe(401)
    })

    it("explains a refusal, logs it, and audits money and role changes", async () => {
      const refused = await call("GET", "/admin/orders", staff.lab)
      expect(refused.data.message).toBe(
        "您的角色（实验室）无权访问「订单与履约」。如需开通，请联系超级管理员。"
      )
      const roleless = await call("GET", "/admin/products", staff.none)
      expect(roleless.data.message).toContain("您的账号尚未分配角色")

      // A custom role from permission sets: read the catalogue, change nothing.
      const bad = await api.post(
        "/admin/access/roles",
        { code: "viewer", name: "只读", permissions: ["catalog:read", "*"] },
        { ...staff.super, ...noThrow }
      )
      expect([bad.status, bad.data.message]).toEqual([400, "未知的权限：*"])
      const { data: created } = await api.post(
        "/admin/access/roles",
        { code: "catalog_viewer", name: "商品只读", permissions: ["catalog:read"] },
        staff.super
      )
      const { data: users } = await api.get("/admin/access/users", staff.super)
      const roleless_user = users.users.find(
        (u: { email: string }) => u.email === "none@staff.local"
      )
      await api.post(
        `/admin/access/users/${roleless_user.id}/roles`,
        { role_ids: [created.role.id] },
        staff.super
      )
      expect((await call("GET", "/admin/products", staff.none)).status).toBe(200)
      expect((await call("POST", "/admin/products", staff.none)).status).toBe(403)
      const mine = (await api.get("/admin/access/me", staff.none)).data
      expect(mine).toEqual({
        roles: [{ id: created.role.id, code: "catalog_viewer", name: "商品只读" }],
        permissions: ["catalog:read"],
      })

      // The last super admin cannot lose the role.
      const me = users.users.find((u: { email: string }) => u.email === "super@staff.local")
      const supers = users.users.filter((u: { roles: { code: string }[] }) =>
        u.roles.some((r) => r.code === "super_admin")
      )
      expect(supers).toHaveLength(1)
      const lockout = await api.post(
        `/admin/access/users/${me.id}/roles`,
        { role_ids: [] },
        { ...staff.super, ...noThrow }
      )
      expect(lockout.status).toBe(400)
      expect(lockout.data.message).toContain("至少需要保留一位超级管理员")

      await call("POST", "/admin/payments/pay_missing/capture", staff.finance)
      const { data: log } = await api.get("/admin/audit-log?limit=200", staff.super)
      const seen = log.entries.map(
        (e: { action: string; actor_email: string; path: string; status: number }) =>
          `${e.actor_email} ${e.action} ${e.path} ${e.status}`
      )
      expect(seen).toEqual(
        expect.arrayContaining([
          "lab@staff.local access.denied /admin/orders 403",
          "super@staff.local access.roles.create /admin/access/roles 201",
          `super@staff.local access.roles.assign /admin/access/users/${roleless_user.id}/roles 200`,
          expect.stringMatching(
            /^finance@staff\.local money:write \/admin\/payments\/pay_missing\/capture 4\d\d$/
          ),
        ])
      )
      const assign = log.entries.find((e: { action: string }) => e.action === "access.roles.assign")
      expect(assign.details).toEqual({ user_id: roleless_user.id, roles: ["catalog_viewer"] })
      // The test client calls from this machine.
      expect(assign.ip).toMatch(/^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/)

      // Nobody rewrites the trail, not even with the app's database account.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await expect(pg.raw("delete from audit_entry")).rejects.toThrow("append-only")
    })
  },
})
