/** The sections of /account/health, each behind `?tab=`. */
export const HEALTH_TABS = [
  { id: "kits", title: "我的检测" },
  { id: "reports", title: "报告" },
  { id: "assessments", title: "体质辨识" },
  { id: "uploads", title: "我的资料" },
  { id: "consents", title: "知情同意" },
  { id: "access", title: "访问记录" },
  { id: "data", title: "数据导出与删除" },
] as const

export type HealthTab = (typeof HEALTH_TABS)[number]["id"]

/** The tab a query string asks for; anything unknown opens 我的检测. */
export function healthTab(value: string | string[] | undefined): HealthTab {
  const wanted = Array.isArray(value) ? value[0] : value
  return HEALTH_TABS.find((tab) => tab.id === wanted)?.id ?? "kits"
}

export const healthTabHref = (tab: HealthTab) =>
  tab === "kits" ? "/account/health" : `/account/health?tab=${tab}`
