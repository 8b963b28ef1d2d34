import Taro from "@tarojs/taro"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import MyAssessments from "../src/packages/assessment/list/index"
import AssessmentPage from "../src/packages/assessment/detail/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
  session.setToken("tok_1")
})
afterEach(() => jest.restoreAllMocks())

const texts = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent)

const assessment = (overrides: Record<string, unknown> = {}) => ({
  id: "asmt_1",
  doctor_id: "doc_1",
  question: "结合基因报告看看饮食",
  consent_at: "2026-12-01T02:00:00.000Z",
  consent_withdrawn_at: null,
  ends_at: "2026-12-15T02:00:00.000Z",
  access: "granted",
  version: 0,
  created_at: "2026-12-01T02:00:00.000Z",
  doctor_name: "王医生",
  ...overrides,
})

const version = (n: number, reason: string | null = null) => ({
  version: n,
  title: "检测评估报告",
  sections: [{ heading: "总体评估", body: `第 ${n} 版：饮食偏咸，注意控盐` }],
  recommendations: [
    { kind: "product", ref_id: "sports-gene-test", title: "运动基因检测", reason: "了解运动能力" },
    { kind: "article", ref_id: "low-salt", title: "低盐饮食指南", reason: null },
  ],
  reason,
  expert_name: "王医生",
  published_at: `2026-12-0${n + 2}T02:00:00.000Z`,
})

const detail = (overrides: Record<string, unknown> = {}, versions = [version(1)]) => ({
  assessment: assessment({ version: versions.length, ...overrides }),
  doctor: { id: "doc_1", name: "王医生", title: "主任医师", hospital: "岳阳市人民医院" },
  items: [
    {
      id: "asi_1",
      item_type: "report",
      item_id: "rep_1",
      label: "检测报告 · 运动基因检测",
      withdrawn_at: null,
      url: null,
    },
    {
      id: "asi_2",
      item_type: "upload",
      item_id: "up_1",
      label: "医院资料 · 体检.pdf",
      withdrawn_at: "2026-12-02T00:00:00.000Z",
      url: null,
    },
  ],
  versions,
  reads: [
    { at: "2026-12-02T01:00:00.000Z", item_type: "report", item_id: "rep_1", reader: "王医生" },
  ],
})

const grantChoices = {
  "GET /store/consultation-doctors": {
    doctors: [
      { id: "doc_1", name: "王医生", title: "主任医师" },
      { id: "doc_2", name: "李医生", title: null },
    ],
  },
  "GET /store/health-archive/kits": {
    kits: [
      { id: "kit_1", product_title: "运动基因检测", report: { id: "rep_1" } },
      { id: "kit_2", product_title: "叶酸代谢检测", report: null },
    ],
  },
  "GET /store/health-archive/uploads": {
    uploads: [{ id: "up_1", filename: "体检.pdf", created_at: "2026-12-01T00:00:00.000Z" }],
  },
  "GET /store/constitution/assessments": {
    assessments: [{ id: "con_1", created_at: "2026-11-20T02:00:00.000Z" }],
    count: 1,
  },
}

describe("检测评估: the member's list", () => {
  it("lists each assessment with where its report and consent stand, and opens one", async () => {
    fakeBackend({
      ...grantChoices,
      "GET /store/assessments": {
        assessments: [
          assessment({ id: "asmt_2", version: 2 }),
          assessment({ access: "withdrawn", doctor_name: undefined }),
        ],
      },
    })
    render(<MyAssessments />)
    expect(await screen.findAllByTestId("assessment-row")).toHaveLength(2)
    expect(texts("assessment-row")[0]).toContain("王医生 · 报告已出具（第 2 版）")
    expect(texts("assessment-row")[0]).toContain(
      "申请于 2026-12-01 10:00 · 授权至 2026-12-15 10:00"
    )
    expect(texts("assessment-row")[1]).toContain("专家 · 已撤回授权")
    fireEvent.click(screen.getAllByTestId("assessment-row")[0])
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: "/packages/assessment/detail/index?id=asmt_2",
    })
  })

  it("says there are none yet (the form still offered), retries a failed read, and sends a visitor to sign in", async () => {
    fakeBackend({ ...grantChoices, "GET /store/assessments": { assessments: [] } })
    const first = render(<MyAssessments />)
    expect((await screen.findByTestId("my-assessments-empty")).textContent).toBe(
      "还没有检测评估。选择专家和档案资料，专家会出具检测评估报告。"
    )
    expect(screen.getByTestId("assessment-grant-form")).toBeTruthy()
    first.unmount()

    let fail = true
    fakeBackend({
      ...grantChoices,
      "GET /store/assessments": () =>
        fail ? { status: 503, body: { message: "x" } } : { body: { assessments: [] } },
    })
    const second = render(<MyAssessments />)
    expect((await screen.findByTestId("state-error")).textContent).toContain("网络繁忙")
    fail = false
    fireEvent.click(screen.getByText("重试"))
    await screen.findByTestId("my-assessments-empty")
    second.unmount()

    session.signOut()
    render(<MyAssessments />)
    await waitFor(() => expect(stand.navigations.at(-1)?.kind).toBe("redirectTo"))
    expect(stand.navigations.at(-1)?.url).toMatch(/^\/pages\/login\/index\?next=/)
  })
})

describe("检测评估: asking for one", () => {
  it("offers the experts and every grantable archive item, checks the form, then grants and opens the assessment", async () => {
    const sent: unknown[] = []
    fakeBackend({
      ...grantChoices,
      "GET /store/assessments": { assessments: [] },
      "POST /store/assessments": ({
        body,
        headers,
      }: {
        body: unknown
        headers: Record<string, string>
      }) => {
        sent.push([body, headers.authorization])
        return { status: 201, body: { assessment: assessment({ id: "asmt_9" }) } }
      },
    })
    render(<MyAssessments />)
    await waitFor(() => expect(screen.getAllByTestId("assessment-item")).toHaveLength(3))
    expect(texts("assessment-doctor")).toEqual(["王医生 · 主任医师", "李医生"])
    // Only kits with a report can be granted; uploads and constitution results too.
    expect(texts("assessment-item")).toEqual([
      "检测报告 · 运动基因检测",
      "医院资料 · 体检.pdf",
      "体质辨识结果 · 2026-11-20 10:00",
    ])

    const submit = () => fireEvent.click(screen.getByTestId("assessment-grant-submit"))
    const error = () => screen.getByTestId("assessment-grant-error").textContent
    submit()
    expect(error()).toBe("请选择评估专家")
    fireEvent.click(screen.getAllByTestId("assessment-doctor")[0])
    submit()
    expect(error()).toBe("请填写希望专家评估的内容")
    fireEvent.change(screen.getByTestId("assessment-question"), {
      target: { value: "  结合基因报告看看饮食  " },
    })
    submit()
    expect(error()).toBe("请至少选择一份档案资料")
    fireEvent.click(screen.getAllByTestId("assessment-item")[0])
    fireEvent.click(screen.getAllByTestId("assessment-item")[2])
    fireEvent.click(screen.getAllByTestId("assessment-item")[1])
    fireEvent.click(screen.getAllByTestId("assessment-item")[1]) // ticked, then unticked
    submit()
    expect(error()).toBe("请阅读并同意《档案资料授权书》后再提交")
    expect(sent).toEqual([])

    fireEvent.click(screen.getByTestId("assessment-consent"))
    fireEvent.click(screen.getByText("30 天"))
    const before = Date.now()
    submit()
    await waitFor(() =>
      expect(stand.navigations.at(-1)).toEqual({
        kind: "redirectTo",
        url: "/packages/assessment/detail/index?id=asmt_9",
      })
    )
    const [[body, authorization]] = sent as [[Record<string, unknown>, string]]
    expect(authorization).toBe("Bearer tok_1")
    expect(body).toMatchObject({
      doctor_id: "doc_1",
      question: "结合基因报告看看饮食",
      consent: true,
      items: [
        { item_type: "report", item_id: "rep_1" },
        { item_type: "constitution", item_id: "con_1" },
      ],
    })
    const days = (Date.parse(body.ends_at as string) - before) / 86_400_000
    expect(days).toBeGreaterThan(29.99)
    expect(days).toBeLessThan(30.01)
  })

  it("shows commerce's refusal and says so when there is nothing to grant", async () => {
    fakeBackend({
      "GET /store/assessments": { assessments: [] },
      "GET /store/consultation-doctors": { doctors: [{ id: "doc_1", name: "王医生" }] },
      "GET /store/health-archive/kits": { kits: [] },
      "GET /store/health-archive/uploads": { uploads: [] },
      "GET /store/constitution/assessments": { assessments: [], count: 0 },
    })
    const { unmount } = render(<MyAssessments />)
    expect((await screen.findByTestId("assessment-no-items")).textContent).toBe(
      "健康档案里还没有可授权的资料。"
    )
    unmount()

    fakeBackend({
      ...grantChoices,
      "GET /store/assessments": { assessments: [] },
      "POST /store/assessments": refuse(400, "该专家暂不接受检测评估"),
    })
    render(<MyAssessments />)
    await waitFor(() => expect(screen.getAllByTestId("assessment-item")).toHaveLength(3))
    fireEvent.click(screen.getAllByTestId("assessment-doctor")[1])
    fireEvent.change(screen.getByTestId("assessment-question"), { target: { value: "看看体质" } })
    fireEvent.click(screen.getAllByTestId("assessment-item")[0])
    fireEvent.click(screen.getByTestId("assessment-consent"))
    fireEvent.click(screen.getByTestId("assessment-grant-submit"))
    expect((await screen.findByTestId("assessment-grant-error")).textContent).toBe(
      "该专家暂不接受检测评估"
    )
    expect(stand.navigations).toEqual([])
  })
})

describe("检测评估报告", () => {
  it("shows the newest version's sections and recommendations, every version, the items and the expert's reads", async () => {
    stand.params = { id: "asmt_1" }
    fakeBackend({
      "GET /store/assessments/asmt_1": detail({}, [version(1), version(2, "补充运动建议")]),
    })
    render(<AssessmentPage />)
    const report = await screen.findByTestId("assessment-report")
    expect(report.textContent).toContain(
      "第 2 版 · 王医生 · 2026-12-04 10:00 · 修订说明：补充运动建议"
    )
    expect(texts("assessment-section")).toEqual(["总体评估第 2 版：饮食偏咸，注意控盐"])
    expect(texts("assessment-recommendation")).toEqual([
      "商品 · 运动基因检测 · 了解运动能力›",
      "文章 · 低盐饮食指南›",
    ])
    expect(texts("assessment-version").map((t) => t?.replace("查看 PDF", ""))).toEqual([
      "第 1 版 · 2026-12-03 10:00",
      "第 2 版 · 2026-12-04 10:00 · 补充运动建议",
    ])
    expect(screen.getByTestId("assessment-consent-state").textContent).toBe(
      "授权中 · 授权至 2026-12-15 10:00"
    )
    expect(texts("assessment-granted-item")).toEqual([
      "检测报告 · 运动基因检测",
      "医院资料 · 体检.pdf（已收回）",
    ])
    expect(texts("assessment-read")).toEqual(["2026-12-02 09:00 · 王医生 查看了检测报告"])

    fireEvent.click(screen.getAllByTestId("assessment-recommendation")[0])
    expect(stand.navigations.at(-1)?.url).toBe("/pages/product/index?handle=sports-gene-test")
    fireEvent.click(screen.getAllByTestId("assessment-recommendation")[1])
    expect(stand.navigations.at(-1)?.url).toBe("/packages/content/article/index?slug=low-salt")
  })

  it("opens a version's PDF with the member's token in WeChat, and points to the web in H5", async () => {
    stand.params = { id: "asmt_1" }
    fakeBackend({ "GET /store/assessments/asmt_1": detail({}, [version(1), version(2, "修订")]) })
    const openDocument = jest.spyOn(Taro, "openDocument")
    const showModal = jest.spyOn(Taro, "showModal")
    render(<AssessmentPage />)
    await screen.findByTestId("assessment-report")

    fireEvent.click(screen.getAllByTestId("assessment-pdf")[0])
    await waitFor(() => expect(showModal).toHaveBeenCalled())
    expect(showModal.mock.calls[0][0]).toMatchObject({
      content: "请在网页版「检测评估」中查看和下载 PDF。",
    })
    expect(stand.downloads).toEqual([])

    process.env.TARO_ENV = "weapp"
    fireEvent.click(screen.getAllByTestId("assessment-pdf")[0])
    await waitFor(() => expect(openDocument).toHaveBeenCalled())
    expect(stand.downloads).toEqual([
      {
        url: "http://commerce.test/store/assessments/asmt_1/pdf?version=1",
        header: { authorization: "Bearer tok_1", "x-publishable-api-key": "pk_test" },
      },
    ])
    expect(openDocument.mock.calls[0][0]).toMatchObject({
      filePath: "wxfile://tmp/store/assessments/asmt_1/pdf",
      fileType: "pdf",
    })
  })

  it("says the expert is still at work before the first version, and withdraws the consent", async () => {
    stand.params = { id: "asmt_1" }
    let current = detail({}, [])
    fakeBackend({
      "GET /store/assessments/asmt_1": () => ({ body: current }),
      "POST /store/assessments/asmt_1/withdraw": () => {
        current = { ...current, assessment: { ...current.assessment, access: "withdrawn" } }
        return { body: { assessment: current.assessment } }
      },
    })
    render(<AssessmentPage />)
    expect((await screen.findByTestId("assessment-waiting")).textContent).toBe(
      "专家正在评估，出具报告后会通过消息中心通知您。"
    )
    fireEvent.click(screen.getByTestId("assessment-withdraw"))
    await waitFor(() =>
      expect(screen.getByTestId("assessment-consent-state").textContent).toBe(
        "已撤回授权 · 授权至 2026-12-15 10:00"
      )
    )
    expect(screen.queryByTestId("assessment-withdraw")).toBeNull()
    expect(calls()).toContain("POST /store/assessments/asmt_1/withdraw")
    expect(stand.toasts).toContain("已撤回授权")
  })

  it("keeps the consent when the member cancels, and shows commerce's answer for another member's assessment", async () => {
    stand.params = { id: "asmt_1" }
    fakeBackend({ "GET /store/assessments/asmt_1": detail({}, []) })
    jest.spyOn(Taro, "showModal").mockResolvedValue({ confirm: false, cancel: true } as never)
    const { unmount } = render(<AssessmentPage />)
    fireEvent.click(await screen.findByTestId("assessment-withdraw"))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(calls()).not.toContain("POST /store/assessments/asmt_1/withdraw")
    unmount()

    stand.params = { id: "asmt_other" }
    fakeBackend({ "GET /store/assessments/asmt_other": refuse(404, "没有找到这份检测评估") })
    render(<AssessmentPage />)
    expect((await screen.findByTestId("state-error")).textContent).toContain("没有找到这份检测评估")
  })
})
