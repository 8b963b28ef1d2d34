import type { ArchiveAccessPage } from "@health/core"
import { render, screen } from "@testing-library/react"

const page = jest.fn<Promise<ArchiveAccessPage>, [string, { offset?: number; limit?: number }]>()

jest.mock("@/lib/backends", () => ({
  archiveAccess: {
    page: (...args: [string, { offset?: number; limit?: number }]) => page(...args),
  },
  healthArchive: {},
}))
jest.mock("@/lib/health-archive-actions", () => ({}))

// Imported after the mocks, as Next would render it.
const { AccessLogSection } =
  require("@/components/health/archive-sections") as typeof import("@/components/health/archive-sections")

describe("访问记录", () => {
  beforeEach(() => page.mockReset())

  it("lists who read what in Beijing time, a page at a time", async () => {
    page.mockResolvedValue({
      entries: [
        {
          id: "aacc_2",
          at: "2026-12-07T02:30:00.000Z",
          actor: "doctor",
          actor_name: "李慧敏",
          action: "assessment_expert_view",
          resource_type: "report",
        },
        {
          id: "aacc_1",
          at: "2026-12-06T16:05:00.000Z",
          actor: "staff",
          actor_name: null,
          action: "view",
          resource_type: "report_findings",
        },
      ],
      count: 45,
      offset: 20,
      limit: 20,
    })
    render(await AccessLogSection({ token: "tok", page: 2 }))
    expect(page).toHaveBeenCalledWith("tok", { offset: 20, limit: 20 })
    expect(screen.getAllByTestId("access-log-entry").map((li) => li.textContent)).toEqual([
      "2026-12-07 10:30 医生 李慧敏 查看了（检测评估授权）检测报告",
      "2026-12-07 00:05 平台工作人员 查看了检测报告的结果解读",
    ])
    expect(screen.getByText("第 2 / 3 页")).toBeTruthy()
    expect(screen.getByRole("link", { name: "上一页" }).getAttribute("href")).toBe(
      "/account/health?tab=access&page=1"
    )
    expect(screen.getByRole("link", { name: "下一页" }).getAttribute("href")).toBe(
      "/account/health?tab=access&page=3"
    )
  })

  it("says what will appear when there is nothing yet, and when it cannot load", async () => {
    page.mockResolvedValue({ entries: [], count: 0, offset: 0, limit: 20 })
    render(await AccessLogSection({ token: "tok", page: 1 }))
    expect(screen.getByTestId("access-log-empty").textContent).toContain("还没有访问记录")

    page.mockRejectedValue(new Error("down"))
    jest.spyOn(console, "error").mockImplementation(() => {})
    render(await AccessLogSection({ token: "tok", page: 1 }))
    expect(screen.getByRole("alert").textContent).toBe("健康档案暂时无法加载，请稍后刷新重试")
  })
})
