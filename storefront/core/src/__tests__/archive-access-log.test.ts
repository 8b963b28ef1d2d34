import { accessActor, accessLogLine, createArchiveAccessClient } from "../index"
import type { ArchiveAccessEntry } from "@health/contracts"

const entry = (changes: Partial<ArchiveAccessEntry>): ArchiveAccessEntry => ({
  id: "aacc_1",
  at: "2026-12-07T02:30:00.000Z",
  actor: "self",
  actor_name: null,
  action: "view",
  resource_type: "upload",
  ...changes,
})

describe("档案访问记录 wording", () => {
  it("names the reader: the member, a doctor by name, never a staff account", () => {
    expect(accessActor(entry({}))).toBe("您本人")
    expect(accessActor(entry({ actor: "doctor", actor_name: "李慧敏" }))).toBe("医生 李慧敏")
    expect(accessActor(entry({ actor: "doctor" }))).toBe("医生")
    expect(accessActor(entry({ actor: "staff" }))).toBe("平台工作人员")
    expect(accessActor(entry({ actor: "system" }))).toBe("系统")
  })

  it("says what was done to what, in Beijing time", () => {
    expect(accessLogLine(entry({}))).toEqual({
      when: "2026-12-07 10:30",
      text: "您本人 查看了上传的医院资料",
    })
    expect(
      accessLogLine(
        entry({
          actor: "doctor",
          actor_name: "李慧敏",
          action: "assessment_expert_view",
          resource_type: "report_findings",
        })
      ).text
    ).toBe("医生 李慧敏 查看了（检测评估授权）检测报告的结果解读")
    // The saved people: those tested and those booked for (就诊人).
    expect(accessLogLine(entry({ action: "list", resource_type: "person" })).text).toBe(
      "您本人 查看了就诊人或受检人信息"
    )
    expect(
      accessLogLine(entry({ action: "withdraw_assessment_consent", resource_type: "assessment" }))
        .text
    ).toBe("您本人 撤回了专家对检测评估的查看授权")
    // An action or resource this build does not know still reads sensibly.
    expect(accessLogLine(entry({ action: "escort_read", resource_type: "x" })).text).toBe(
      "您本人 查看了健康档案中的资料"
    )
    expect(accessLogLine(entry({ action: "relabel", resource_type: "report" })).text).toBe(
      "您本人 处理了检测报告"
    )
  })

  it("asks commerce for a page with the member's token", async () => {
    const calls: string[] = []
    const client = createArchiveAccessClient({
      baseUrl: "https://api.example",
      publishableKey: "pk",
      fetch: async (url, init) => {
        calls.push(`${url} ${(init?.headers as Record<string, string>)?.authorization}`)
        return {
          ok: true,
          status: 200,
          text: async () => JSON.stringify({ entries: [], count: 0, offset: 20, limit: 20 }),
        } as unknown as Response
      },
    })
    expect(await client.page("tok", { offset: 20 })).toEqual({
      entries: [],
      count: 0,
      offset: 20,
      limit: 20,
    })
    expect(calls).toEqual([
      "https://api.example/store/health-archive/access-log?offset=20&limit=20 Bearer tok",
    ])
  })
})
