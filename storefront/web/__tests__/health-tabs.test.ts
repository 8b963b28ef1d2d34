import { HEALTH_TABS, healthTab, healthTabHref } from "@/lib/health-tabs"

describe("health archive tabs", () => {
  it("opens the tab asked for, and 我的检测 for anything else", () => {
    expect(healthTab("consents")).toBe("consents")
    expect(healthTab(["uploads", "kits"])).toBe("uploads")
    expect(healthTab("admin")).toBe("kits")
    expect(healthTab(undefined)).toBe("kits")
  })

  it("lists the sections in the member's words, linking 我的检测 without a query", () => {
    expect(HEALTH_TABS.map((t) => t.title)).toEqual([
      "我的检测",
      "报告",
      "体质辨识",
      "我的资料",
      "知情同意",
      "访问记录",
      "数据导出与删除",
    ])
    expect(healthTabHref("kits")).toBe("/account/health")
    expect(healthTabHref("data")).toBe("/account/health?tab=data")
  })
})
