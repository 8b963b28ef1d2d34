import {
  createAssessmentClient,
  createExpertAssessmentClient,
} from "../assessment/assessment-client"
import {
  assessmentReadLabel,
  assessmentStatusLabel,
  draftProblem,
  draftToInput,
  grantEndsAt,
  type ReportDraft,
} from "../assessment/assessment-state"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: Parameters<typeof createAssessmentClient>[0]["fetch"]) => ({
  baseUrl: "http://shop/",
  publishableKey: "pk",
  fetch,
})
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body))

describe("assessment client", () => {
  it("grants with the member's token and withdraws by id", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { assessment: { id: "asmt_1", access: "granted" } } },
      { body: { assessment: { id: "asmt_1", access: "withdrawn" } } }
    )
    const client = createAssessmentClient(options(fetch))
    const input = {
      doctor_id: "doc_1",
      question: "评估",
      ends_at: "2026-12-20T00:00:00.000Z",
      consent: true as const,
      items: [{ item_type: "upload" as const, item_id: "mupl_1" }],
    }
    expect((await client.grant("tok", input)).id).toBe("asmt_1")
    expect(calls[0].url).toBe("http://shop/store/assessments")
    expect(bodyOf(calls[0].init)).toEqual(input)
    expect((await client.withdraw("tok", "asmt/1")).access).toBe("withdrawn")
    expect(calls[1].url).toBe("http://shop/store/assessments/asmt%2F1/withdraw")
  })

  it("carries the Chinese refusal an expert gets once the consent ended", async () => {
    const { fetch, calls } = recordingFetch({
      status: 403,
      body: { message: "本次评估的授权已到期，不能再查看会员的档案资料" },
    })
    const expert = createExpertAssessmentClient(options(fetch))
    const refused = await expert.detail("", "asmt_1").catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("本次评估的授权已到期，不能再查看会员的档案资料")
    expect(calls[0].url).toBe("http://shop/doctor/assessments/asmt_1")
  })
})

describe("assessment state", () => {
  const draft: ReportDraft = {
    title: " 综合评估 ",
    sections: [
      { heading: "解读", body: " 血脂略高 " },
      { heading: "", body: "" },
    ],
    recommendations: [{ kind: "article", ref_id: "tanshi", title: "痰湿体质", reason: " " }],
    reason: "",
  }

  it("labels where an assessment stands", () => {
    expect(assessmentStatusLabel({ access: "granted", version: 0 })).toBe("专家评估中")
    expect(assessmentStatusLabel({ access: "withdrawn", version: 0 })).toBe("已撤回授权")
    expect(assessmentStatusLabel({ access: "expired", version: 2 })).toBe("报告已出具（第 2 版）")
  })

  it("names what each of the expert's reads opened, a lab report's findings included (#22)", () => {
    expect(assessmentReadLabel({ item_type: "report" })).toBe("检测报告")
    expect(assessmentReadLabel({ item_type: "upload" })).toBe("医院资料")
    // Opening a report's findings is logged as report_findings: it was shown as 档案资料.
    expect(assessmentReadLabel({ item_type: "report_findings" })).toBe("检测报告的结果解读")
  })

  it("keeps the end date between 1 and 90 days", () => {
    const now = new Date("2026-12-09T00:00:00Z")
    expect(grantEndsAt(14, now)).toBe("2026-12-23T00:00:00.000Z")
    expect(grantEndsAt(400, now)).toBe("2027-03-09T00:00:00.000Z")
    expect(grantEndsAt(0, now)).toBe("2026-12-10T00:00:00.000Z")
  })

  it("wants a 修订说明 on revisions and sends a trimmed body", () => {
    expect(draftProblem(draft, 0)).toBeNull()
    expect(draftProblem(draft, 1)).toBe("修订报告需要填写修订说明")
    expect(draftProblem({ ...draft, sections: [{ heading: "a", body: " " }] }, 0)).toBe(
      "报告至少需要一节（标题和正文）"
    )
    expect(draftToInput(draft, 0)).toEqual({
      base_version: 0,
      title: "综合评估",
      sections: [{ heading: "解读", body: "血脂略高" }],
      recommendations: [{ kind: "article", ref_id: "tanshi", title: "痰湿体质", reason: null }],
      reason: null,
    })
  })
})
