import {
  CONSTITUTION_CODES,
  type Article,
  type CmsClient,
  type ConstitutionClient,
  type ConstitutionCode,
  type ConstitutionVerdict,
  type Product,
  type SavedAssessment,
} from "@health/core"
import { cleanup, render, screen, within } from "@testing-library/react"

const notFound = jest.fn(() => {
  throw new Error("NEXT_NOT_FOUND")
})
jest.mock("next/navigation", () => ({
  notFound: () => notFound(),
  useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }),
}))
// The questionnaire's server action; the test page's test only renders it.
jest.mock("@/lib/constitution-actions", () => ({ assessConstitution: jest.fn() }))
jest.mock("@/lib/require-member", () => ({
  requireMember: async () => ({ token: "tok_member" }),
}))

const cms: Partial<CmsClient> = {}
const constitution: Partial<ConstitutionClient> = {}
const listProducts = jest.fn()
jest.mock("@/lib/backends", () => ({
  cms: new Proxy({}, { get: (_target, name: string) => cms[name as keyof CmsClient] }),
  constitution: new Proxy(
    {},
    { get: (_target, name: string) => constitution[name as keyof ConstitutionClient] }
  ),
  commerce: {
    getRegion: async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }),
    listProducts: (...args: unknown[]) => listProducts(...args),
  },
  optional: async <T,>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))

// Imported after the mocks, as Next would render them.
const HistoryPage = require("@/app/constitution/history/page")
  .default as typeof import("@/app/constitution/history/page").default
const ReportPage = require("@/app/constitution/report/[id]/page")
  .default as typeof import("@/app/constitution/report/[id]/page").default
const TestPage = require("@/app/constitution/test/page")
  .default as typeof import("@/app/constitution/test/page").default

const nine = <T,>(value: T) =>
  Object.fromEntries(CONSTITUTION_CODES.map((code) => [code, value])) as Record<ConstitutionCode, T>

const saved = (
  id: string,
  created_at: string,
  scores: Partial<Record<ConstitutionCode, number>>,
  verdicts: Partial<Record<ConstitutionCode, ConstitutionVerdict>>,
  primary: ConstitutionCode
): SavedAssessment => ({
  id,
  created_at,
  questionnaire_version: 1,
  item_version: "ZYYXH/T157-2009",
  sex: "female",
  scores: { ...nine(10), ...scores },
  verdicts: { ...nine<ConstitutionVerdict>("否"), ...verdicts },
  primary,
  review: null,
})

// Newest first, as commerce lists them: 气虚质 fell from 75 to 25 over three tests.
const HISTORY = [
  saved("ca_3", "2026-11-20T02:00:00Z", { pinghe: 59.38, qixu: 25 }, {}, "qixu"),
  saved(
    "ca_2",
    "2026-08-20T02:00:00Z",
    { pinghe: 40, qixu: 46.88, tanshi: 31.25 },
    { qixu: "是", tanshi: "倾向是" },
    "qixu"
  ),
  saved("ca_1", "2026-05-20T02:00:00Z", { pinghe: 31.25, qixu: 75 }, { qixu: "是" }, "qixu"),
]

const product = (id: string, title: string, tags: string[]): Product => ({
  id,
  title,
  handle: id,
  categories: [],
  tags: tags.map((value) => ({ id: `tag-${value}`, value })),
  variants: [
    {
      id: `${id}-v`,
      title: "标准版",
      calculated_price: { calculated_amount: 699, currency_code: "cny" },
    },
  ],
})
const article = (slug: string, title: string): Article => ({
  documentId: `doc-${slug}`,
  slug,
  title,
  summary: `${title}的摘要`,
  body: "正文",
  tags: [],
  publishedAt: "2026-11-20T02:00:00.000Z",
})

beforeEach(() => {
  for (const key of Object.keys(cms)) delete cms[key as keyof CmsClient]
  for (const key of Object.keys(constitution)) delete constitution[key as keyof ConstitutionClient]
  listProducts.mockReset().mockResolvedValue({ products: [], count: 0 })
  cms.listConstitutionTypes = async () => []
  cms.listArticles = async () => ({
    data: [],
    pagination: { page: 1, pageSize: 3, pageCount: 0, total: 0 },
  })
})
afterEach(() => cleanup())

describe("体质辨识记录 (history page)", () => {
  it("lists every result with an honest title and shows how each type's score moved", async () => {
    constitution.history = async (token, params) => {
      expect([token, params]).toEqual(["tok_member", { limit: 50 }])
      return { assessments: HISTORY, count: 3, limit: 50, offset: 0 }
    }
    render(await HistoryPage())

    const rows = within(screen.getByTestId("constitution-history")).getAllByRole("listitem")
    expect(
      rows.map((row) => [
        row.querySelector("strong")?.textContent,
        row.querySelector("p")?.textContent,
        row.querySelector("a")?.getAttribute("href"),
      ])
    ).toEqual([
      // The latest is 否 everywhere: no type is named, not even the highest (气虚质).
      ["未见明显偏颇体质", "2026-11-20 10:00", "/constitution/report/ca_3"],
      ["气虚质", "2026-08-20 10:00", "/constitution/report/ca_2"],
      ["气虚质", "2026-05-20 10:00", "/constitution/report/ca_1"],
    ])

    const trend = screen.getByTestId("trend-table")
    expect(trend.querySelector("caption")?.textContent).toBe(
      "2026年5月20日 至 2026年11月20日，共 3 次测试"
    )
    const cells = (name: string) =>
      [...within(trend).getByRole("rowheader", { name }).parentElement!.querySelectorAll("td")].map(
        (td) => [td.textContent?.trim(), td.getAttribute("aria-label"), td.className]
      )
    // Latest against the one before: 气虚质 46.88 → 25, 平和质 40 → 59.38, 痰湿质 31.25 → 10.
    expect(cells("气虚质").slice(1)).toEqual([
      ["25.0", null, "num"],
      ["↓ 21.9", "下降 21.9 分", "num trend-better"],
      ["不符合", null, ""],
    ])
    expect(cells("平和质").slice(1)).toEqual([
      ["59.4", null, "num"],
      ["↑ 19.4", "上升 19.4 分", "num trend-better"],
      ["不符合", null, ""],
    ])
    expect(cells("阳虚质").slice(1)).toEqual([
      ["10.0", null, "num"],
      ["→", "基本不变", "num trend-steady"],
      ["不符合", null, ""],
    ])
    // Each type's line runs through all three results, oldest first (气虚质 75 → 46.88 → 25).
    const qixuLine = within(trend)
      .getByRole("rowheader", { name: "气虚质" })
      .parentElement!.querySelector("polyline")
    expect(qixuLine?.getAttribute("points")).toBe("0,6 48,12.75 96,18")
  })
})

describe("体质辨识报告 (report page)", () => {
  it("recommends the products tagged for the member's types and the articles of those types", async () => {
    const [, result] = HISTORY
    constitution.assessment = async (token, id) => {
      expect([token, id]).toEqual(["tok_member", "ca_2"])
      return result
    }
    constitution.history = async () => ({ assessments: HISTORY, count: 3, limit: 24, offset: 0 })
    listProducts.mockResolvedValue({
      products: [
        product("nutrition", "营养代谢基因检测", ["气虚质"]),
        product("ancestry", "祖源分析", ["新品"]),
        product("weight", "体重管理基因检测", ["tanshi"]),
        product("sports", "运动基因检测", ["pinghe"]),
      ],
      count: 4,
    })
    const articlesByTag: Record<string, Article[]> = {
      qixu: [article("qixu-tiaoyang", "气虚质怎么调？")],
      tanshi: [
        article("tanshi-diet", "痰湿体质的饮食"),
        article("qixu-tiaoyang", "气虚质怎么调？"),
      ],
    }
    const asked: string[] = []
    cms.listArticles = async (params = {}) => {
      asked.push(String(params.tag))
      const data = articlesByTag[String(params.tag)] ?? []
      return { data, pagination: { page: 1, pageSize: 3, pageCount: 1, total: data.length } }
    }

    render(
      await ReportPage({
        params: Promise.resolve({ id: "ca_2" }),
        searchParams: Promise.resolve({}),
      })
    )

    expect(screen.getByTestId("primary-type").textContent).toBe("气虚质")
    // Articles are asked for the types that apply only: the primary, then the tendency.
    expect(asked).toEqual(["qixu", "tanshi"])
    const titles = (testId: string) =>
      screen
        .getAllByTestId(testId)
        .map((card) => [card.querySelector(".card-title")?.textContent, card.getAttribute("href")])
    expect(titles("product-card")).toEqual([
      ["营养代谢基因检测", "/products/nutrition"],
      ["体重管理基因检测", "/products/weight"],
    ])
    expect(titles("article-card")).toEqual([
      ["气虚质怎么调？", "/articles/qixu-tiaoyang"],
      ["痰湿体质的饮食", "/articles/tanshi-diet"],
    ])
    expect(screen.getByRole("heading", { name: "推荐检测" }).textContent).toBe("推荐检测")
    expect(screen.getByRole("heading", { name: "调养文章" }).textContent).toBe("调养文章")
  })

  it("names the question bank version an edited version scored the result with (#22)", async () => {
    constitution.history = async () => ({ assessments: HISTORY, count: 3, limit: 24, offset: 0 })
    const page = async () =>
      render(
        await ReportPage({
          params: Promise.resolve({ id: "ca_2" }),
          searchParams: Promise.resolve({}),
        })
      )
    constitution.assessment = async () => ({
      ...HISTORY[1],
      questionnaire_version: 2,
      item_version: "2027 年修订版（第 2 版）",
    })
    await page()
    // It read 「依据…（ZYYXH/T157-2009）」 alone, as if scored with the standard's items.
    expect(screen.getByTestId("report-basis").textContent).toBe(
      "测评时间 2026-08-20 10:00 · 依据中华中医药学会《中医体质分类与判定》（ZYYXH/T157-2009） · 题库：2027 年修订版（第 2 版）"
    )
    cleanup()
    constitution.assessment = async () => HISTORY[1]
    await page()
    expect(screen.getByTestId("report-basis").textContent).toBe(
      "测评时间 2026-08-20 10:00 · 依据中华中医药学会《中医体质分类与判定》（ZYYXH/T157-2009）"
    )
  })

  it("titles a result in which no type applies 未见明显偏颇体质", async () => {
    constitution.assessment = async () => HISTORY[0]
    constitution.history = async () => ({ assessments: HISTORY, count: 3, limit: 24, offset: 0 })
    render(
      await ReportPage({
        params: Promise.resolve({ id: "ca_3" }),
        searchParams: Promise.resolve({}),
      })
    )
    expect(screen.getByTestId("primary-type").textContent).toBe("未见明显偏颇体质")
    expect(screen.getByTestId("report-headline").textContent).toBe(
      "您的各项偏颇体质得分都未达到判定标准，平和质得分也未达到 60 分，得分相对最高的是气虚质，建议注意调养、定期复测。"
    )
  })
})

describe("体质辨识问卷 (test page)", () => {
  it("asks the current question bank version from commerce, and says so when it cannot load", async () => {
    constitution.questionnaire = async (version?: number) => {
      expect(version).toBeUndefined()
      return {
        version: 3,
        label: "2027 年修订版",
        published_at: "2027-01-05T02:00:00.000Z",
        items: [
          {
            code: "q61",
            text: "您稍微活动就觉得乏力吗？",
            sex: "all",
            types: ["qixu"],
            reverse_in: [],
            sort: 1,
          },
        ],
      }
    }
    render(await TestPage())
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("中医体质辨识问卷")
    expect(screen.queryByRole("alert")).toBeNull()
    cleanup()

    constitution.questionnaire = async () => {
      throw new Error("commerce down")
    }
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {})
    render(await TestPage())
    expect(screen.getByRole("alert").textContent).toBe("问卷暂时无法加载，请稍后刷新重试。")
    quiet.mockRestore()
  })
})
