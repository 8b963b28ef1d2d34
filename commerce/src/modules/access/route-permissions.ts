import type { Area, Permission } from "./permissions"

/** Any signed-in staff member: what the admin dashboard needs to start. */
export const ANY_STAFF = "staff" as const

type Rule = {
  path: RegExp
  area: Area | typeof ANY_STAFF
  readOnly?: boolean
  /** Reading is as sensitive as writing (health files): reads need the write permission. */
  readNeedsWrite?: boolean
  /** Changes move money (refunds, store credit): they need this area's write permission. */
  writeArea?: Area
}

const under = (...prefixes: string[]) =>
  new RegExp(`^/admin/(?:${prefixes.map((p) => p.replace(/[-/]/g, "\\$&")).join("|")})(?:/|$)`)

/**
 * Admin routes and the area each belongs to; the first match wins. A route that is
 * not listed is open to super admins only (deny by default): add a rule when adding
 * an admin route. Roles, staff users, invites and the audit log are deliberately absent.
 */
const RULES: Rule[] = [
  {
    path: under("users/me", "stores", "feature-flags", "views", "locales", "plugins", "access/me"),
    area: ANY_STAFF,
    readOnly: true,
  },
  { path: under("notifications"), area: ANY_STAFF },
  // Accepting an invitation: the invite token is the credential, and whoever accepts is not
  // staff yet (Medusa authenticates this route itself, allowing unregistered identities).
  { path: under("invites/accept"), area: ANY_STAFF },
  {
    path: under("affiliate/withdrawals", "affiliate/ledger", "affiliate/wechat-transfers"),
    area: "money",
  },
  { path: under("affiliate"), area: "affiliate" },
  { path: under("payments", "payment-collections", "refund-reasons", "finance"), area: "money" },
  // 数据统计 is read by 运营 and 财务: both hold at least orders:read, and no answer names payees.
  { path: under("dashboard"), area: "orders", readOnly: true },
  // Medusa's own routes that pay out or take money: store credit, a new payment on an order,
  // and the return flows, whose receipts and differences are refunded or charged.
  {
    path: /^\/admin\/orders\/[^/]+\/(?:credit-lines|payment-sessions)(?:\/|$)/,
    area: "orders",
    writeArea: "money",
  },
  { path: under("returns", "claims", "exchanges"), area: "orders", writeArea: "money" },
  // Orders by business state (待付款 … 已取消) with their payment state: a read-only list.
  { path: under("orders/business"), area: "orders", readOnly: true },
  {
    path: under(
      "orders",
      "draft-orders",
      "order-edits",
      "order-changes",
      "fulfillments",
      "reservations",
      "return-reasons"
    ),
    area: "orders",
  },
  {
    path: under(
      "products",
      "product-variants",
      "product-categories",
      "product-tags",
      "product-types",
      "product-options",
      "collections",
      "inventory-items",
      "price-lists",
      "price-preferences",
      "promotions",
      "campaigns",
      "uploads"
    ),
    area: "catalog",
  },
  { path: under("customers", "customer-groups"), area: "customers" },
  // 公众号: followers are members; replies and the menu speak to them (运营 and 客服 write).
  { path: under("official-account"), area: "customers" },
  // Report files are health data: lab staff (who upload them) and super admins only.
  { path: under("health-archive/reports"), area: "lab", readNeedsWrite: true },
  { path: under("health-archive", "kits", "reports", "lab"), area: "lab" },
  { path: under("appointments", "clinic-sessions"), area: "appointments" },
  // 陪诊: recording a booking's payment moves money; everything else is the escort area.
  {
    path: /^\/admin\/escort-bookings\/[^/]+\/mark-paid(?:\/|$)/,
    area: "escort",
    writeArea: "money",
  },
  { path: under("escorts", "escort-bookings", "escort-dispatch"), area: "escort" },
  // The synced hospital catalogue (医院目录) and its re-sync from the CMS.
  { path: under("escort-hospitals"), area: "escort" },
  // 陪诊员审核: applications hold ID numbers and documents; every staff read is audited.
  { path: under("escort-admission"), area: "escort" },
  // 培训考试: escorts' training progress and certificates, and the course re-sync.
  { path: under("escort-training"), area: "escort" },
  // 陪诊结算: escort withdrawals are finance's (like affiliate withdrawals); the rest is the
  // escort area but disputes (below).
  { path: under("escort-income/withdrawals"), area: "money" },
  // 医生收入: doctors' withdrawals and their settlement settings are finance's.
  { path: under("doctor-income"), area: "money" },
  // 事件、争议与理赔: the dispatch desk opens, notes and decides cases and disputes; finance
  // reads them, because upholding a case (paid first from the guarantee fund), filing an
  // insurance claim and resolving a dispute (which may refund the member) move money and
  // need money write (财务). The fund's ledger (平台保障金) is finance's.
  {
    path: /^\/admin\/escort-income\/disputes\/[^/]+\/resolve(?:\/|$)/,
    area: "cases",
    writeArea: "money",
  },
  { path: under("escort-income/disputes"), area: "cases" },
  { path: under("escort-income"), area: "escort" },
  {
    path: /^\/admin\/escort-cases\/[^/]+\/(?:uphold|insurance-claim)(?:\/|$)/,
    area: "cases",
    writeArea: "money",
  },
  { path: under("escort-cases"), area: "cases" },
  { path: under("guarantee-fund"), area: "money" },
  // 内容审核: the queue of flagged and reported reviews and the sensitive-word list (运营).
  { path: under("moderation"), area: "moderation" },
  // 在线咨询: staff moderate the questions of experts' group sessions like other content.
  { path: under("group-sessions"), area: "moderation" },
  // 数据保留: the retention policy and the last sweep's counts, read by 运营 (issue #21).
  { path: under("privacy"), area: "operations", readOnly: true },
  { path: under("assessments", "constitution"), area: "assessments" },
  // 问诊: doctors' profiles, licence numbers and prices. 运营 read them.
  // 医生资质审核: doctors' licence documents go through the escorts' admission desk (陪诊,
  // whose reads are all audited); approving one is the only way a licence is verified (it
  // lets a doctor see members' health data).
  {
    path: /^\/admin\/consultations\/doctors\/[^/]+\/license-documents(?:\/|$)/,
    area: "escort",
  },
  { path: under("doctor-licenses"), area: "escort" },
  { path: under("consultations"), area: "operations" },
  // The queue dashboard (/admin/queues) is deliberately absent: super admins only.
  { path: under("workflows-executions", "cms/pushes"), area: "operations" },
  // 推送中心: 运营 compose pushes to members, pick audiences (member data) and read the
  // figures (issue #23); the customers area is the one 运营 write.
  { path: under("marketing-pushes"), area: "customers" },
  {
    path: under(
      "regions",
      "sales-channels",
      "shipping-options",
      "shipping-option-types",
      "shipping-profiles",
      "fulfillment-sets",
      "fulfillment-providers",
      "stock-locations",
      "tax-rates",
      "tax-regions",
      "tax-providers",
      "currencies",
      "api-keys",
      "translations"
    ),
    area: "settings",
  },
]

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * What calling `method path` needs: a permission, `ANY_STAFF`, or `null` when the
 * route is not listed (super admins only). `path` is a registered route pattern (see
 * lib/access/matched-routes.ts), never a request's spelling of it.
 */
export function requiredPermission(
  method: string,
  path: string
): Permission | typeof ANY_STAFF | null {
  const clean = path.split("?")[0].replace(/\/+$/, "")
  const read = READ_METHODS.has(method.toUpperCase())
  for (const rule of RULES) {
    if (!rule.path.test(clean)) continue
    if (rule.area === ANY_STAFF) return rule.readOnly && !read ? null : ANY_STAFF
    if (!read && rule.writeArea) return `${rule.writeArea}:write`
    return `${rule.area}:${read && !rule.readNeedsWrite ? "read" : "write"}`
  }
  return null
}
