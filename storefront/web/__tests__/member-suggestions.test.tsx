import type { Article, Product } from "@health/core"
import { render, screen, within } from "@testing-library/react"

const suggestionTags = jest.fn()
const listArticles = jest.fn()
jest.mock("@/lib/backends", () => ({
  healthArchive: { suggestionTags: (...args: unknown[]) => suggestionTags(...args) },
  cms: { listArticles: (...args: unknown[]) => listArticles(...args) },
  commerce: {
    getRegion: async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }),
    listProducts: async () => ({ products: CATALOG }),
  },
  optional: async <T,>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))

// Imported after the mock, as Next would load them.
const { loadMemberSuggestions } = require("@/lib/member-suggestions")
const { MemberSuggestions } = require("@/components/health/member-suggestions")

const product = (id: string, title: string, tags: string[]): Product => ({
  id,
  title,
  handle: id,
  tags: tags.map((value) => ({ id: `tag-${value}`, value })),
  variants: [
    {
      id: `${id}-v`,
      title: "标准版",
      calculated_price: { calculated_amount: 699, currency_code: "cny" },
    },
  ],
})
const CATALOG = [
  product("folate", "叶酸代谢基因检测", ["MTHFR"]),
  product("sports", "运动基因检测", ["qixu"]),
  product("ancestry", "祖源分析", ["新品"]),
]
const article = (slug: string, title: string): Article => ({
  documentId: `doc-${slug}`,
  slug,
  title,
  summary: `${title}的摘要`,
  body: "正文",
  tags: [],
  publishedAt: "2026-11-20T02:00:00.000Z",
})

describe("为您推荐 on the report page", () => {
  it("suggests for the flagged gene first, then the constitution type; nothing else", async () => {
    suggestionTags.mockResolvedValue(["age-36-55", "gene-mthfr", "qixu"])
    listArticles.mockImplementation(async ({ tag }: { tag: string }) => ({
      data:
        tag === "gene-mthfr"
          ? [article("folate", "MTHFR 突变怎么补叶酸")]
          : tag === "qixu"
            ? [article("qixu", "气虚质怎么调")]
            : [],
    }))
    const suggestions = await loadMemberSuggestions("tok")
    expect(suggestionTags).toHaveBeenCalledWith("tok")
    render(<MemberSuggestions {...suggestions} />)
    const section = screen.getByTestId("member-suggestions")
    expect(
      within(section)
        .getAllByRole("link")
        .map((a) => a.textContent)
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining("叶酸代谢基因检测"),
        expect.stringContaining("运动基因检测"),
        expect.stringContaining("MTHFR 突变怎么补叶酸"),
        expect.stringContaining("气虚质怎么调"),
      ])
    )
    expect(section.textContent).not.toContain("祖源分析")
    expect(section.textContent!.indexOf("叶酸代谢")).toBeLessThan(
      section.textContent!.indexOf("运动基因")
    )
  })

  it("shows nothing when the member has no tags or the archive cannot answer", async () => {
    suggestionTags.mockRejectedValue(new Error("down"))
    const suggestions = await loadMemberSuggestions("tok")
    expect(suggestions).toEqual({ tags: [], articles: [], products: [] })
    const { container } = render(<MemberSuggestions {...suggestions} />)
    expect(container.innerHTML).toBe("")
  })
})
