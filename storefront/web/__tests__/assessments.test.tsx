import {
  createExpertAssessmentClient,
  type ExpertAssessmentDetail,
  type FetchLike,
} from "@health/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { grantFormInput } from "@/app/account/assessments/grant-form"
import { draftFrom, ExpertAssessment } from "@/app/doctor/assessments/[id]/expert-assessment"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

function fakeRelay(routes: Record<string, (body: unknown) => { status?: number; body: unknown }>) {
  const sent: { call: string; body: unknown }[] = []
  const fetch: FetchLike = async (url, init) => {
    const call = `${init?.method ?? "GET"} ${url.replace(DOCTOR_RELAY_BASE, "")}`
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    sent.push({ call, body })
    const route = routes[call]
    if (!route) return answer(404, { message: "没有找到这份评估" })
    const given = route(body)
    return answer(given.status ?? 200, given.body)
  }
  return {
    api: createExpertAssessmentClient({ baseUrl: DOCTOR_RELAY_BASE, publishableKey: "", fetch }),
    sent,
  }
}

const detail = (extra: Partial<ExpertAssessmentDetail> = {}): ExpertAssessmentDetail => ({
  assessment: {
    id: "asmt_1",
    doctor_id: "doc_1",
    question: "请结合体检结果评估",
    consent_at: "2026-12-08T00:00:00.000Z",
    consent_withdrawn_at: null,
    ends_at: "2026-12-22T00:00:00.000Z",
    access: "granted",
    version: 0,
    created_at: "2026-12-08T00:00:00.000Z",
  },
  items: [
    {
      id: "asmti_1",
      item_type: "upload",
      item_id: "mupl_1",
      label: "医院资料",
      withdrawn_at: null,
      url: "/doctor/assessments/asmt_1/items/asmti_1",
    },
  ],
  versions: [],
  ...extra,
})

describe("申请检测评估 form", () => {
  const form = (fields: [string, string][]) => {
    const data = new FormData()
    for (const [name, value] of fields) data.append(name, value)
    return data
  }
  const filled: [string, string][] = [
    ["doctor_id", "doc_1"],
    ["question", " 评估风险 "],
    ["item", "upload:mupl_1"],
    ["item", "constitution:cass_1"],
    ["item", "bogus:x"],
    ["days", "30"],
    ["consent", "on"],
  ]

  it("sends the chosen items, the question and an end date from the days", () => {
    const now = new Date("2026-12-09T00:00:00Z")
    expect(grantFormInput(form(filled), now)).toEqual({
      input: {
        doctor_id: "doc_1",
        question: "评估风险",
        ends_at: "2027-01-08T00:00:00.000Z",
        consent: true,
        items: [
          { item_type: "upload", item_id: "mupl_1" },
          { item_type: "constitution", item_id: "cass_1" },
        ],
      },
    })
  })

  it("needs the separate consent and at least one item", () => {
    expect(grantFormInput(form(filled.filter(([name]) => name !== "consent")))).toEqual({
      error: "请阅读并同意《档案资料授权书》后再提交",
    })
    expect(grantFormInput(form(filled.filter(([name]) => name !== "item")))).toEqual({
      error: "请至少选择一份档案资料",
    })
  })
})

describe("检测评估 at the desk", () => {
  it("links each granted item through the relay and publishes the first version", async () => {
    const { api, sent } = fakeRelay({
      "GET /doctor/assessments/asmt_1": () => ({ body: detail() }),
      "POST /doctor/assessments/asmt_1/report": () => ({
        status: 201,
        body: { version: { version: 1 } },
      }),
    })
    render(<ExpertAssessment id="asmt_1" api={api} />)
    const link = await screen.findByRole("link", { name: "医院资料" })
    expect(link.getAttribute("href")).toBe(
      `${DOCTOR_RELAY_BASE}/doctor/assessments/asmt_1/items/asmti_1`
    )
    fireEvent.change(screen.getByLabelText("第 1 节正文"), { target: { value: "血脂略高" } })
    fireEvent.click(screen.getByRole("button", { name: "发布报告并推送给会员" }))
    await screen.findByText("已发布第 1 版，会员已收到通知")
    const published = sent.find((s) => s.call.startsWith("POST"))!
    expect(published.body).toEqual({
      base_version: 0,
      title: "检测评估报告",
      sections: [{ heading: "检测结果解读", body: "血脂略高" }],
      recommendations: [],
      reason: null,
    })
  })

  it("opens a granted report's findings only when the expert asks (each opening is logged)", async () => {
    const report = {
      id: "asmti_2",
      item_type: "report" as const,
      item_id: "rep_1",
      label: "检测报告",
      withdrawn_at: null,
      url: "/doctor/assessments/asmt_1/items/asmti_2",
      findings_url: "/doctor/assessments/asmt_1/items/asmti_2/findings",
    }
    const { api, sent } = fakeRelay({
      "GET /doctor/assessments/asmt_1": () => ({ body: detail({ items: [report] }) }),
      "GET /doctor/assessments/asmt_1/items/asmti_2/findings": () => ({
        body: {
          findings: {
            findings: [
              {
                item: "叶酸代谢能力",
                gene: "MTHFR",
                result: "TT",
                risk: "high",
                reference: "CC",
                risk_label: "高风险",
              },
            ],
            source: "staff",
            recorded_at: "2026-12-08T00:00:00.000Z",
          },
        },
      }),
    })
    render(<ExpertAssessment id="asmt_1" api={api} />)
    const open = await screen.findByRole("button", { name: "查看结果解读" })
    expect(sent.map((s) => s.call)).toEqual(["GET /doctor/assessments/asmt_1"])
    fireEvent.click(open)
    const summary = await screen.findByTestId("report-findings")
    expect(summary.textContent).toContain("叶酸代谢能力")
    expect(screen.getByTestId("report-findings-pdf").getAttribute("href")).toBe(
      `${DOCTOR_RELAY_BASE}/doctor/assessments/asmt_1/items/asmti_2`
    )
  })

  it("asks for a 修订说明 before a revision and shows the refusal once the consent ended", async () => {
    const v1 = {
      version: 1,
      title: "综合评估",
      sections: [{ heading: "解读", body: "正文" }],
      recommendations: [],
      reason: null,
      expert_name: "李慧敏",
      published_at: "2026-12-08T00:00:00.000Z",
    }
    const revising = detail({
      assessment: { ...detail().assessment, version: 1 },
      versions: [v1],
    })
    expect(draftFrom(revising).title).toBe("综合评估")
    const { api, sent } = fakeRelay({
      "GET /doctor/assessments/asmt_1": () => ({ body: revising }),
    })
    const revision = render(<ExpertAssessment id="asmt_1" api={api} />)
    fireEvent.click(await screen.findByRole("button", { name: "发布修订版" }))
    await screen.findByText("修订报告需要填写修订说明")
    expect(sent.filter((s) => s.call.startsWith("POST"))).toEqual([])
    revision.unmount()

    const ended = fakeRelay({
      "GET /doctor/assessments/asmt_2": () => ({
        status: 403,
        body: { message: "本次评估的授权已到期，不能再查看会员的档案资料" },
      }),
    })
    render(<ExpertAssessment id="asmt_2" api={ended.api} />)
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "本次评估的授权已到期，不能再查看会员的档案资料"
      )
    )
  })
})
