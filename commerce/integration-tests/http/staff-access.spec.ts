import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { SPELLINGS, spell } from "../helpers/path-spellings"
import { allows, SYSTEM_ROLES, type Permission } from "../../src/modules/access/permissions"

jest.setTimeout(240_000)

type Headers = { headers: Record<string, string> }
type Role = "super" | "operations" | "finance" | "lab" | "service" | "expert" | "dispatch" | "none"

const ROLES: Record<Role, string[]> = {
  super: ["super_admin"],
  operations: ["operations"],
  finance: ["finance"],
  lab: ["lab"],
  service: ["service"],
  expert: ["expert"],
  dispatch: ["escort_dispatch"],
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
  ["GET", "/admin/queues/payments", ["super"]],
  ["GET", "/admin/queues/affiliate-maturation", ["super"]],
  ["GET", "/admin/queues", ["super"]],
  ["POST", "/admin/queues/payments/jobs/job_missing/retry", ["super"]],
  ["POST", "/admin/queues/payments/retry-failed", ["super"]],
  ["GET", "/admin/cms/pushes", ["super", "operations"]],
  // 推送中心 (customers area): its content picker reads articles, products and offers.
  ["GET", "/admin/marketing-pushes/content?type=escort", ["super", "operations", "service"]],
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
  // 陪诊: the dispatchers' desk; recording an offline payment moves money.
  // 问诊: 运营 read the doctors; syncing and setting phone, licence and prices are a super
  // admin's. A licence is verified only by approving its document (below).
  ["GET", "/admin/consultations/doctors", ["super", "operations"]],
  ["POST", "/admin/consultations/doctors/sync", ["super"]],
  ["POST", "/admin/consultations/doctors/doc_missing", ["super"]],
  // 医生资质审核: the admission desk (陪诊) reads licence documents (audited) and decides.
  ["GET", "/admin/doctor-licenses", ["super", "dispatch"]],
  ["GET", "/admin/consultations/doctors/doc_missing/license-documents", ["super", "dispatch"]],
  [
    "GET",
    "/admin/consultations/doctors/doc_missing/license-documents/docld_missing",
    ["super", "dispatch"],
  ],
  [
    "POST",
    "/admin/consultations/doctors/doc_missing/license-documents/docld_missing/review",
    ["super", "dispatch"],
  ],
  ["GET", "/admin/escort-bookings", ["super", "dispatch"]],
  ["GET", "/admin/escort-bookings/escbk_missing", ["super", "dispatch"]],
  ["POST", "/admin/escort-bookings/escbk_missing/assign", ["super", "dispatch"]],
  ["POST", "/admin/escort-bookings/escbk_missing/mark-paid", ["super", "finance"]],
  // A booking's member ↔ escort messages: the dispatchers read them (audit-logged).
  ["GET", "/admin/escort-bookings/escbk_missing/messages", ["super", "dispatch"]],
  ["GET", "/admin/escort-dispatch/alerts", ["super", "dispatch"]],
  ["GET", "/admin/escort-hospitals", ["super", "dispatch"]],
  ["POST", "/admin/escort-hospitals/sync", ["super", "dispatch"]],
  // 陪诊结算: the escort area reads and sets shares; money moves with money:write (财务).
  ["GET", "/admin/escort-income/earnings", ["super", "dispatch"]],
  // Finance reads the disputes it resolves and the cases it pays (cases:read).
  ["GET", "/admin/escort-income/disputes", ["super", "dispatch", "finance"]],
  ["POST", "/admin/escort-income/disputes/escdsp_missing/resolve", ["super", "finance"]],
  ["POST", "/admin/escort-income/settings", ["super", "dispatch"]],
  ["GET", "/admin/escort-income/withdrawals", ["super", "finance"]],
  // 事件与理赔: the dispatch desk opens and decides cases; paying (uphold, insurance claim) and
  // the guarantee fund's ledger are finance's, who therefore read the cases too.
  ["GET", "/admin/escort-cases", ["super", "dispatch", "finance"]],
  ["GET", "/admin/escort-cases/esccase_missing", ["super", "dispatch", "finance"]],
  ["POST", "/admin/escort-cases/esccase_missing/dismiss", ["super", "dispatch"]],
  ["POST", "/admin/escort-cases/esccase_missing/uphold", ["super", "finance"]],
  ["POST", "/admin/escort-cases/esccase_missing/insurance-claim", ["super", "finance"]],
  ["GET", "/admin/guarantee-fund", ["super", "finance"]],
  ["POST", "/admin/guarantee-fund/entries", ["super", "finance"]],
  ["POST", "/admin/escort-income/withdrawals/escwd_missing/pay", ["super", "finance"]],
  // 医生收入: doctors' withdrawals and their settlement settings are finance's (money).
  ["GET", "/admin/doctor-income/withdrawals", ["super", "finance"]],
  ["POST", "/admin/doctor-income/withdrawals/docwd_missing/pay", ["super", "finance"]],
  ["POST", "/admin/doctor-income/withdrawals/docwd_missing/reject", ["super", "finance"]],
  ["POST", "/admin/doctor-income/withdrawals/docwd_missing/approve", ["super", "finance"]],
  ["POST", "/admin/doctor-income/withdrawals/docwd_missing/wechat-transfer", ["super", "finance"]],
  ["GET", "/admin/doctor-income/settings", ["super", "finance"]],
  ["POST", "/admin/doctor-income/settings", ["super", "finance"]],
  // 陪诊员审核: applications (ID numbers, documents) are the dispatch desk's; reads audited.
  ["GET", "/admin/escort-admission", ["super", "dispatch"]],
  ["GET", "/admin/escort-admission/escapp_missing", ["super", "dispatch"]],
  ["GET", "/admin/escort-admission/escapp_missing/documents/escdoc_missing", ["super", "dispatch"]],
  [
    "POST",
    "/admin/escort-admission/escapp_missing/documents/escdoc_missing/review",
    ["super", "dispatch"],
  ],
  ["POST", "/admin/escort-admission/escapp_missing/activate", ["super", "dispatch"]],
  // 内容审核: the moderation queue and the sensitive-word list are 运营's.
  ["GET", "/admin/moderation/items", ["super", "operations"]],
  ["POST", "/admin/moderation/items/modi_missing/approve", ["super", "operations"]],
  ["POST", "/admin/moderation/items/modi_missing/reject", ["super", "operations"]],
  ["GET", "/admin/moderation/words", ["super", "operations"]],
  ["POST", "/admin/moderation/words", ["super", "operations"]],
  ["POST", "/admin/moderation/words/modw_missing", ["super", "operations"]],
  // 在线咨询: staff with 内容审核 moderate the questions of experts' group sessions.
  ["GET", "/admin/group-sessions", ["super", "operations"]],
  ["GET", "/admin/group-sessions/gsess_missing", ["super", "operations"]],
  [
    "POST",
    "/admin/group-sessions/gsess_missing/questions/gsq_missing/approve",
    ["super", "operations"],
  ],
  [
    "POST",
    "/admin/group-sessions/gsess_missing/questions/gsq_missing/reject",
    ["super", "operations"],
  ],
  // Experts read constitution results; a path no route answers is for super admins only.
  ["GET", "/admin/constitution/assessments", ["super", "expert"]],
  ["GET", "/admin/assessments", ["super"]],
  // A sample of Medusa's own routes.
  ["GET", "/admin/users/me", ALL],
  ["GET", "/admin/stores", ALL],
  ["GET", "/admin/users", ["super"]],
  ["POST", "/admin/users/user_missing", ["super"]],
  ["POST", "/admin/invites", ["super"]],
  ["GET", "/admin/orders", ["super", "operations", "finance", "service"]],
  ["POST", "/admin/orders/order_missing/complete", ["super", "operations"]],
  ["POST", "/admin/orders/order_missing/cancel", ["super", "operations"]],
  // Money moves through Medusa's order flows too: store credit, returns, claims, exchanges.
  ["POST", "/admin/orders/order_missing/credit-lines", ["super", "finance"]],
  ["POST", "/admin/returns", ["super", "finance"]],
  ["GET", "/admin/returns", ["super", "operations", "finance", "service"]],
  ["POST", "/admin/claims", ["super", "finance"]],
  ["POST", "/admin/exchanges", ["super", "finance"]],
  ["GET", "/admin/access/routes", ["super"]],
  ["GET", "/admin/products", ["super", "operations"]],
  ["POST", "/admin/products", ["super", "operations"]],
  // 发布到微官网 of a product: catalog staff, like the product itself.
  ["GET", "/admin/products/prod_missing/microsite", ["super", "operations"]],
  ["POST", "/admin/products/prod_missing/microsite", ["super", "operations"]],
  ["GET", "/admin/customers", ["super", "operations", "service"]],
  ["POST", "/admin/customers/cus_missing", ["super", "operations", "service"]],
  ["GET", "/admin/payments", ["super", "finance"]],
  ["GET", "/admin/finance/summary", ["super", "finance"]],
  ["GET", "/admin/finance/export", ["super", "finance"]],
  ["GET", "/admin/finance/entries", ["super", "finance"]],
  ["GET", "/admin/finance/commissions", ["super", "finance"]],
  ["GET", "/admin/finance/commissions/aff_missing/entries", ["super", "finance"]],
  ["GET", "/admin/finance/commissions/aff_missing/statement", ["super", "finance"]],
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
      // A row's roles at once (the gate answers each alone); the rows one after another, in order.
      for (const [method, path, allowed] of MATRIX) {
        await Promise.all(
          ALL.map(async (role) => {
            const { status, data } = await call(method, path, staff[role])
            const refused = status === 403
            if (refused !== !allowed.includes(role)) {
              wrong.push(`${role} ${method} ${path} → ${status} ${data?.message ?? ""}`)
            }
            if (refused && !String(data?.message).includes("无权访问")) {
              wrong.push(`${role} ${method} ${path}: unclear refusal "${data?.message}"`)
            }
          })
        )
      }
      expect(wrong).toEqual([])

      const anonymous = await api.get("/admin/orders", noThrow)
      expect(anonymous.status).toBe(401)
    })

    it("walks every admin route of the running app × every role × path spellings: no allow where the table denies", async () => {
      const { data } = await api.get("/admin/access/routes", staff.super)
      const routes = data.routes as { method: string; pattern: string; permission: string }[]
      // Ours, the plugins' and Medusa's own: enumerated from the router, not a hand list.
      const patterns = new Set(routes.map((r) => `${r.method} ${r.pattern}`))
      for (const known of [
        "POST /admin/affiliate/withdrawals/:id/:action",
        "GET /admin/health-archive/reports/:id/file",
        "POST /admin/orders/:id/cancel",
        "POST /admin/payments/:id/refund",
        "GET /admin/access/routes",
      ])
        expect(patterns).toContain(known)
      expect(routes.length).toBeGreaterThan(300)

      const permissionsOf = (role: Role) =>
        SYSTEM_ROLES.filter((r) => ROLES[role].includes(r.code)).flatMap((r) => r.permissions)
      const mayCall = (role: Role, permission: string) =>
        permission === "staff" ||
        (permission !== "*" && allows(permissionsOf(role), permission as Permission))

      type Probe = {
        role: Role
        method: string
        path: string
        allowed: boolean
        pattern: string
        kind: (typeof SPELLINGS)[number]
      }
      const probes: Probe[] = []
      routes.forEach((route, index) => {
        ALL.filter((role) => role !== "super").forEach((role, roleIndex) => {
          const allowed = mayCall(role, route.permission)
          // Allowed writes would run for real; refusals never reach a handler. Allowed live
          // streams (workflow execution subscriptions) stay open by design.
          if (allowed && (route.method !== "GET" || route.pattern.endsWith("/subscribe"))) return
          // The canonical path and one other spelling, rotating over routes and roles so every
          // kind is tried on hundreds of refused pairs (checked below). A third spelling for each
          // pair made the walk half as long again, and it outgrew its timeout as routes were added.
          const kinds = allowed
            ? ["canonical" as const]
            : ["canonical" as const, SPELLINGS[1 + ((index + roleIndex) % (SPELLINGS.length - 1))]]
          for (const kind of new Set(kinds))
            probes.push({
              role,
              method: route.method,
              path: spell(route.pattern, kind),
              allowed,
              pattern: route.pattern,
              kind,
            })
        })
      })

      const wrong: string[] = []
      const send = async (probe: Probe) => {
        const response = await api.request({
          method: probe.method,
          url: probe.path,
          data: probe.method === "GET" ? undefined : {},
          timeout: 20_000,
          ...staff[probe.role],
          ...noThrow,
        })
        const refusedByGate = response.status === 403 && response.data?.type === "not_allowed"
        if (!probe.allowed && !refusedByGate)
          wrong.push(
            `${probe.role} ${probe.method} ${probe.path} (${probe.pattern}) → ${response.status}`
          )
        if (probe.allowed && response.status === 403)
          wrong.push(`${probe.role} ${probe.method} ${probe.path} refused though allowed`)
      }
      for (let i = 0; i < probes.length; i += 16)
        await Promise.all(probes.slice(i, i + 16).map(send))
      expect(wrong).toEqual([])
      // Enough probes for the walk to mean something, every spelling among them many times.
      expect(probes.length).toBeGreaterThan(1500)
      for (const kind of SPELLINGS)
        expect(probes.filter((probe) => probe.kind === kind).length).toBeGreaterThan(100)
      // Thousands of requests, and more with every route: a busy machine took over 240 s.
    }, 900_000)

    it("decides by the route that runs: other spellings of money and health routes are refused, the audit names the route", async () => {
      const probes: [Role, "GET" | "POST", string][] = [
        ["operations", "POST", "/admin/affiliate/Withdrawals/afwd_x/approve"],
        ["operations", "POST", "/admin/affiliate/WITHDRAWALS/afwd_x/pay"],
        ["operations", "GET", "/admin/affiliate/withdrawals/"],
        ["operations", "GET", "/admin/affiliate/Ledger/export"],
        ["service", "GET", "/admin/health-archive/Reports/rep_x/file"],
        ["service", "GET", "/admin//health-archive/reports/rep_x/file"],
        ["service", "GET", "/admin/health-archive/%72eports/rep_x/file"],
        ["operations", "POST", "/admin/PAYMENTS/pay_x/refund"],
        ["operations", "POST", "/admin/orders/order_x/credit-lines"],
        ["operations", "POST", "/admin/returns"],
        ["operations", "POST", "/admin/Exchanges"],
      ]
      for (const [role, method, path] of probes) {
        const { status, data } = await call(method, path, staff[role])
        expect([role, path, status, data?.type]).toEqual([role, path, 403, "not_allowed"])
      }
      const { data: log } = await api.get("/admin/audit-log?limit=200", staff.super)
      const denied = log.entries.find(
        (e: { action: string; path: string }) =>
          e.action === "access.denied" && e.path === "/admin/affiliate/Withdrawals/afwd_x/approve"
      )
      expect(denied.details).toEqual({
        needed: "money:write",
        route: "/admin/affiliate/withdrawals/:id/:action",
      })
    })

    it("takes uploads by content: pictures and PDFs only, stored under the type they are", async () => {
      const upload = (name: string, bytes: Buffer, type: string) => {
        const form = new FormData()
        form.append("files", new Blob([new Uint8Array(bytes)], { type }), name)
        return api.post("/admin/uploads", form, { ...staff.operations, ...noThrow })
      }
      const html = await upload("a.html", Buffer.from("<script>alert(1)</script>"), "text/html")
      expect([html.status, html.data.message]).toEqual([
        400,
        "只能上传图片（JPG、PNG、WebP）或 PDF 文件：「a」不是，未上传任何文件。",
      ])
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
      expect((await upload("logo.svg", svg, "image/svg+xml")).status).toBe(400)

      // A real PNG whose name says HTML is kept as what it is.
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6300010000050001" +
          "0d0a2db40000000049454e44ae426082",
        "hex"
      )
      const stored = await upload("banner.html", png, "text/html")
      expect(stored.status).toBe(200)
      expect(stored.data.files[0].url).toMatch(/banner\.png$/)

      const presigned = await api.post(
        "/admin/uploads/presigned-urls",
        { originalname: "x.html", mime_type: "text/html", size: 10 },
        { ...staff.operations, ...noThrow }
      )
      expect(presigned.status).toBe(400)
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
      // The guard writes an audit entry once its response has finished: read until it is there.
      const capture =
        /^finance@staff\.local money:write \/admin\/payments\/pay_missing\/capture 4\d\d$/
      const log = await eventually(
        async () => (await api.get("/admin/audit-log?limit=200", staff.super)).data,
        (read) =>
          read.entries.some(
            (e: { actor_email: string; action: string; path: string; status: number }) =>
              capture.test(`${e.actor_email} ${e.action} ${e.path} ${e.status}`)
          )
      )
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
      expect(assign.details).toEqual({
        needed: "*",
        route: "/admin/access/users/:id/roles",
        user_id: roleless_user.id,
        roles: ["catalog_viewer"],
      })
      // The test client calls from this machine.
      expect(assign.ip).toMatch(/^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/)

      // Nobody rewrites the trail, not even with the app's database account.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await expect(pg.raw("delete from audit_entry")).rejects.toThrow("append-only")
    })
  },
})
