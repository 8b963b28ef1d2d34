import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Taro from "@tarojs/taro"
import ConstitutionTest from "../src/packages/health/constitution/index"
import ConstitutionReport from "../src/packages/health/constitution-report/index"
import { LAST_RESULT_KEY } from "../src/packages/health/constitution-report/last-result"
import ActivateKit from "../src/packages/health/activate/index"
import Reports from "../src/packages/health/reports/index"
import { StateView } from "../src/components/state-view"
import { session } from "../src/lib/session"
import { CONSTITUTION_CODES } from "@health/core/constitution/index"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

const strapiList = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
})
const codes = ["pinghe", "qixu", "yangxu", "yinxu", "tanshi", "shire", "xueyu", "qiyu", "tebing"]
const scores = Object.fromEntries(codes.map((c) => [c, c === "qixu" ? 62.5 : 20]))
const verdicts = Object.fromEntries(codes.map((c) => [c, c === "qixu" ? "是" : "否"]))

describe("constitution test", () => {
  it("asks the questions for the chosen sex one at a time and shows the scored report", async () => {
    const items = [
      {
        documentId: "i1",
        code: "q01",
        text: "您精力充沛吗？",
        types: ["pinghe"],
        reverse_in: [],
        sex: "all",
        sort: 1,
      },
      {
        documentId: "i2",
        code: "q41",
        text: "您带下色黄吗？／您阴囊潮湿吗？",
        text_female: "您带下色黄吗？",
        text_male: "您阴囊潮湿吗？",
        types: ["shire"],
        reverse_in: [],
        sex: "all",
        sort: 41,
        version: "2026-12",
      },
    ]
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/constitution/questionnaire": {
        questionnaire: { version: 3, label: "2027 年修订版", published_at: null, items },
      },
      "POST /store/constitution/assessments": ({ body }: { body: unknown }) => {
        sent.push(body)
        return {
          body: {
            assessment: { item_version: "v1", scores, verdicts, primary: "qixu", saved: false },
          },
        }
      },
    })
    render(<ConstitutionTest />)
    fireEvent.click(await screen.findByText("女"))
    expect(screen.getByText("您精力充沛吗？").textContent).toBe("您精力充沛吗？")
    fireEvent.click(screen.getByText("经常（相当）"))
    expect(screen.getByText("您带下色黄吗？").textContent).toBe("您带下色黄吗？")
    expect(screen.queryByText("您阴囊潮湿吗？")).toBeNull()
    expect(screen.queryByText("提交查看结果")).toBeNull()
    fireEvent.click(screen.getByText("没有（根本不）"))
    fireEvent.click(screen.getByText("提交查看结果"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(sent).toEqual([{ sex: "female", answers: { q01: 4, q41: 1 }, questionnaire_version: 3 }])
    expect(stand.navigations[0].url).toBe("/packages/health/constitution-report/index?id=last")

    // The visitor's report reads the result the test left behind.
    stand.params = { id: "last" }
    render(<ConstitutionReport />)
    expect((await screen.findByTestId("constitution-headline")).textContent).toBe(
      "您的体质以气虚质为主。"
    )
    expect(screen.getByTestId("constitution-title").textContent).toBe("气虚质")
    const report = screen.getByTestId("constitution-report").textContent ?? ""
    expect(report).toContain("气虚质62.5")
    expect(report).toContain("登录后测试，结果将保存到健康档案")
  })
})

const NINE = <T,>(value: T) => Object.fromEntries(CONSTITUTION_CODES.map((code) => [code, value]))

describe("constitution report", () => {
  it("shows the expert's report, and when and why it was revised", async () => {
    session.setToken("tok_1")
    const assessment = (review: object) => ({
      id: "ca_1",
      created_at: "2026-11-20T02:00:00Z",
      item_version: "ccmq-2009",
      sex: "female",
      scores: { ...NINE(0), pinghe: 40, qixu: 62.5 },
      verdicts: { ...NINE("否"), qixu: "是" },
      primary: "qixu",
      review: {
        expert_name: "王",
        published_at: "2026-11-25T02:00:00Z",
        sections: { summary: "以补气健脾为主", diet: "黄芪炖鸡" },
        ...review,
      },
    })
    fakeBackend({
      "GET /store/constitution/assessments/ca_1": {
        assessment: assessment({
          revision: 2,
          revised_at: "2026-11-26T01:30:00Z",
          revision_reason: "更正黄芪用量",
        }),
      },
    })
    stand.params = { id: "ca_1" }
    render(<ConstitutionReport />)
    expect((await screen.findByTestId("review-revision")).textContent).toBe(
      "已于 2026-11-26 09:30 修订（第 2 版）：更正黄芪用量"
    )
    expect(screen.getByTestId("constitution-report").textContent).toContain("以补气健脾为主")
  })

  it("names no type when none applies, rather than the highest-scoring one", async () => {
    Taro.setStorageSync(LAST_RESULT_KEY, {
      item_version: "ZYYXH/T157-2009",
      scores: { ...NINE(10), pinghe: 59.38, qixu: 15.63 },
      verdicts: NINE("否"),
      primary: "qixu",
      saved: false,
    })
    stand.params = { id: "last" }
    render(<ConstitutionReport />)
    expect((await screen.findByTestId("constitution-title")).textContent).toBe("未见明显偏颇体质")
    expect(screen.getByTestId("constitution-headline").textContent).toBe(
      "您的各项偏颇体质得分都未达到判定标准，平和质得分也未达到 60 分，得分相对最高的是气虚质，建议注意调养、定期复测。"
    )
  })
})

describe("kit activation", () => {
  it("checks the barcode as it is typed and requires the testing consent", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/health-archive/persons": { persons: [] },
      "GET /api/pages": ({ url }: { url: URL }) => ({
        body: strapiList([
          {
            documentId: "p",
            slug: url.searchParams.get("filters[slug][$eq]"),
            title: "同意书",
            version: "2026-01",
          },
        ]),
      }),
    })
    render(<ActivateKit />)
    const input = await screen.findByPlaceholderText("GT 开头，共 12 位")
    fireEvent.change(input, { target: { value: "GT12" } })
    expect(screen.getByTestId("barcode-check").textContent).toBe("还差 8 位")
    fireEvent.change(input, { target: { value: "XX" } })
    expect(screen.getByTestId("barcode-check").textContent).toBe(
      "条码格式不正确：应为 GT 加 10 位数字"
    )
    fireEvent.click(screen.getByText("确认激活"))
    expect(
      (await screen.findByText("条码格式不正确：应为 GT 加 10 位数字", { selector: ".error-text" }))
        .className
    ).toContain("error-text")
    expect(stand.requests.map((r) => r.method ?? "GET")).not.toContain("POST")
  })
})

describe("kits and reports", () => {
  it("says how to start when there are no kits yet", async () => {
    session.setToken("tok_1")
    fakeBackend({ "GET /store/health-archive/kits": { kits: [], count: 0 } })
    render(<Reports />)
    await screen.findByText("暂无检测盒。购买检测后，收到检测盒即可激活。")
  })

  it("sends a visitor to sign in and back", async () => {
    render(<Reports />)
    await waitFor(() =>
      expect(stand.navigations).toEqual([
        { kind: "redirectTo", url: "/pages/login/index?next=%2Fpages%2Ftest%2Findex" },
      ])
    )
  })
})

describe("StateView", () => {
  it("shows loading, the error with 重试, the empty state and the data", () => {
    const retry = jest.fn()
    const { rerender } = render(<StateView result={{ state: "loading" }}>{() => "data"}</StateView>)
    expect(screen.getByTestId("state-loading").textContent).toBe("加载中…")
    rerender(
      <StateView result={{ state: "error", message: "商品暂时无法加载" }} onRetry={retry}>
        {() => "data"}
      </StateView>
    )
    fireEvent.click(screen.getByText("重试"))
    expect(retry).toHaveBeenCalled()
    rerender(
      <StateView
        result={{ state: "ready", data: [] as number[] }}
        isEmpty={(d) => !d.length}
        empty="空"
      >
        {() => "data"}
      </StateView>
    )
    expect(screen.getByTestId("state-empty").textContent).toBe("空")
    rerender(
      <StateView result={{ state: "ready", data: [1] }} isEmpty={(d) => !d.length} empty="空">
        {(d) => `共 ${d.length} 条`}
      </StateView>
    )
    expect(screen.getByText("共 1 条").textContent).toBe("共 1 条")
  })
})
