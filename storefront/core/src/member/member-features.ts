/**
 * What a member can do, and where: each feature names the web pages (Next app routes as
 * `storefront/web/app` spells them; a health-archive tab as `?tab=`) and the mini-program
 * pages (as `app.config.ts` lists them) that offer it. The parity test compares this list with
 * both apps, so a web member page without a mini-program page shows up as a failure.
 */
export type MemberFeature = {
  id: string
  title: string
  web: string[]
  mini: string[]
}

export const MEMBER_FEATURES: MemberFeature[] = [
  { id: "home", title: "首页", web: ["/"], mini: ["pages/index/index"] },
  {
    id: "products",
    title: "检测产品",
    // /catalogue/products/… is the filtered list itself, served from cache (web's proxy rewrites).
    web: ["/products", "/products/[handle]", "/catalogue/products/[query]"],
    mini: ["pages/products/index", "pages/product/index"],
  },
  { id: "search", title: "站内搜索", web: ["/search"], mini: ["packages/content/search/index"] },
  {
    id: "cart-checkout",
    title: "购物车与结算",
    web: ["/cart", "/checkout", "/checkout/pay", "/checkout/done/[id]"],
    mini: ["pages/cart/index", "packages/shop/checkout/index"],
  },
  {
    id: "sign-in",
    title: "登录、注册与找回密码",
    web: ["/account/sign-in", "/account/forgot-password", "/account/reset-password"],
    mini: ["pages/login/index"],
  },
  {
    id: "password",
    title: "修改密码",
    web: ["/account/password"],
    mini: ["packages/member/password/index"],
  },
  { id: "account", title: "我的", web: ["/account"], mini: ["pages/account/index"] },
  {
    id: "profile",
    title: "个人资料",
    web: ["/account/profile"],
    mini: ["packages/member/profile/index"],
  },
  {
    id: "addresses",
    title: "收货地址（地址簿，小程序另可从微信导入）",
    web: ["/account/addresses", "/account/addresses/new", "/account/addresses/[id]/edit"],
    mini: ["packages/addresses/list/index", "packages/addresses/edit/index"],
  },
  {
    id: "orders",
    title: "我的订单（取消、已使用/未使用、改地址、改检测方式）",
    web: ["/account/orders", "/account/orders/[id]", "/account/orders/[id]/test-method"],
    mini: ["packages/shop/orders/index"],
  },
  {
    id: "kits-reports",
    title: "检测进度与报告",
    web: [
      "/account/health",
      "/account/health?tab=kits",
      "/account/health?tab=reports",
      "/account/health/kits/[id]",
      "/account/health/reports/[id]",
    ],
    mini: ["packages/health/reports/index"],
  },
  {
    id: "kit-activation",
    title: "激活检测盒",
    web: ["/account/health/activate"],
    mini: ["packages/health/activate/index"],
  },
  {
    id: "record-uploads",
    title: "上传健康资料（拍照或相册）",
    web: ["/account/health?tab=uploads"],
    mini: ["packages/health/uploads/index"],
  },
  {
    id: "consents",
    title: "知情同意与撤回",
    web: ["/account/health?tab=consents"],
    mini: ["packages/health/consents/index"],
  },
  {
    id: "access-log",
    title: "档案访问记录（谁在何时查看或修改了健康档案）",
    web: ["/account/health?tab=access"],
    mini: ["packages/health/access-log/index"],
  },
  {
    id: "archive-data",
    title: "健康档案导出与删除",
    web: ["/account/health?tab=data"],
    mini: ["packages/health/archive-data/index"],
  },
  {
    id: "constitution",
    title: "体质辨识",
    web: [
      "/account/health?tab=assessments",
      "/constitution",
      "/constitution/test",
      "/constitution/result",
      "/constitution/report/[id]",
    ],
    mini: ["packages/health/constitution/index", "packages/health/constitution-report/index"],
  },
  {
    id: "constitution-history",
    title: "体质辨识记录与趋势",
    web: ["/constitution/history"],
    mini: ["packages/health/constitution-history/index"],
  },
  {
    id: "appointments",
    title: "预约到店采样",
    web: ["/account/appointments", "/account/appointments/book"],
    mini: ["packages/health/appointments/index"],
  },
  {
    id: "clinic-sessions",
    title: "线下义诊报名与候补",
    web: ["/account/appointments/book"],
    mini: ["packages/health/clinic/index"],
  },
  {
    id: "collection-sites",
    title: "采集点与附近的采集点",
    web: ["/sites"],
    mini: ["packages/content/sites/index"],
  },
  {
    id: "articles",
    title: "健康资讯",
    web: ["/articles", "/articles/[slug]", "/catalogue/articles/[query]"],
    mini: ["packages/content/articles/index", "packages/content/article/index"],
  },
  {
    id: "tags",
    title: "按标签浏览资讯",
    web: ["/tags/[slug]"],
    mini: ["packages/content/tag/index"],
  },
  {
    id: "landing-pages",
    title: "专题页（活动与品牌）",
    web: ["/landing/[slug]"],
    mini: ["packages/landing/index"],
  },
  {
    id: "privacy",
    title: "隐私政策与协议、同意书",
    web: ["/privacy", "/pages/[slug]"],
    mini: ["packages/content/privacy/index"],
  },
  {
    id: "inbox",
    title: "消息中心",
    web: ["/account/inbox"],
    mini: ["packages/member/inbox/index"],
  },
  {
    id: "affiliate",
    title: "分销中心",
    web: ["/account/affiliate"],
    mini: [
      "packages/affiliate/center/index",
      "packages/affiliate/poster/index",
      "packages/affiliate/withdraw/index",
    ],
  },
  {
    id: "escort",
    title: "陪诊预约",
    web: ["/escort", "/escort/book", "/account/escort", "/account/escort/[id]"],
    mini: [
      "packages/escort/book/index",
      "packages/escort/list/index",
      "packages/escort/detail/index",
    ],
  },
  {
    id: "consultations",
    title: "在线问诊（找医生、图文/电话/视频预约与支付、问诊记录与对话）",
    web: [
      "/consult",
      "/consult/doctors/[id]",
      "/account/consultations",
      "/account/consultations/[id]",
    ],
    mini: [
      "packages/consult/doctors/index",
      "packages/consult/doctor/index",
      "packages/consult/list/index",
      "packages/consult/detail/index",
    ],
  },
  {
    id: "consultation-video",
    title: "视频问诊",
    web: ["/account/consultations/[id]/video"],
    mini: ["packages/member/consultation-video/index"],
  },
  {
    id: "assessments",
    title: "检测评估（授权专家查看档案资料、评估报告与查看记录）",
    web: ["/account/assessments", "/account/assessments/[id]"],
    mini: ["packages/assessment/list/index", "packages/assessment/detail/index"],
  },
  {
    id: "group-sessions",
    title: "专家在线咨询（定时答疑直播间、提问与审核）",
    web: ["/consult/group-sessions", "/consult/group-sessions/[id]"],
    mini: ["packages/group-session/list/index", "packages/group-session/room/index"],
  },
]

/**
 * Member features the web has and the mini-program does not yet, each with why. The parity
 * test insists they still lack a page (an entry cannot outlive its gap) and that nothing else
 * is missing; closing one means adding its mini page to MEMBER_FEATURES and removing it here.
 */
export const MINI_PROGRAM_GAPS: { web: string[]; reason: string }[] = []

/** Web pages that are not member features: the staff apps (own clients) and the offline fallback. */
export const NOT_MEMBER_PAGES: { prefix: string; reason: string }[] = [
  { prefix: "/doctor", reason: "医生工作台（员工）" },
  { prefix: "/escort-app", reason: "陪诊员工作台（员工，小程序另有 packages/escort-app）" },
  { prefix: "/offline", reason: "网页应用断网时的后备页（service worker 提供），小程序无需此页" },
]

export type MemberFeatureGaps = {
  /** Web member pages no feature (nor a declared gap) accounts for. */
  undeclaredWeb: string[]
  /** Feature web entries that name a page the web no longer has. */
  staleWeb: string[]
  /** Feature mini pages missing from the mini-program, as "feature: page". */
  missingMini: string[]
  /** Declared gaps that a mini page now closes or whose web page is gone. */
  staleGaps: string[]
}

/**
 * Compares the declared features with the pages both apps really have. `webRoutes` are the web
 * app's routes (with health-archive tabs as `?tab=`), `miniPages` the pages app.config lists.
 */
export function memberFeatureGaps(
  webRoutes: string[],
  miniPages: string[],
  features: MemberFeature[] = MEMBER_FEATURES,
  gaps: { web: string[] }[] = MINI_PROGRAM_GAPS
): MemberFeatureGaps {
  const web = new Set(webRoutes)
  const mini = new Set(miniPages)
  const declared = new Set([...features.flatMap((f) => f.web), ...gaps.flatMap((g) => g.web)])
  const staffPage = (route: string) =>
    NOT_MEMBER_PAGES.some(({ prefix }) => route === prefix || route.startsWith(`${prefix}/`))
  const covered = new Set(features.flatMap((f) => f.web))
  return {
    undeclaredWeb: webRoutes.filter((route) => !staffPage(route) && !declared.has(route)),
    staleWeb: features.flatMap((f) => f.web.filter((route) => !web.has(route))),
    missingMini: features.flatMap((f) =>
      f.mini.length === 0
        ? [`${f.id}: （没有小程序页面）`]
        : f.mini.filter((page) => !mini.has(page)).map((page) => `${f.id}: ${page}`)
    ),
    staleGaps: gaps.flatMap((g) => g.web.filter((route) => !web.has(route) || covered.has(route))),
  }
}
