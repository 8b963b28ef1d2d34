import type { Article, CmsClient, LandingPage, Product } from "@health/core"
import { cleanup, render, screen, within } from "@testing-library/react"
import { ArticleListSection } from "@/components/landing/article-list-section"
import { CallToActionSection } from "@/components/landing/call-to-action-section"
import { HeroSection } from "@/components/landing/hero-section"
import { ImageSection } from "@/components/landing/image-section"
import { ProductListSection } from "@/components/landing/product-list-section"
import { RichTextSection } from "@/components/landing/rich-text-section"

const notFound = jest.fn(() => {
  throw new Error("NEXT_NOT_FOUND")
})
jest.mock("next/navigation", () => ({ notFound: () => notFound() }))

const getLandingPage = jest.fn()
const listArticles = jest.fn()
const listProducts = jest.fn()
jest.mock("@/lib/backends", () => ({
  cms: {
    getLandingPage: (...args: unknown[]) => getLandingPage(...args),
    listArticles: (...args: unknown[]) => listArticles(...args),
  } satisfies Partial<CmsClient>,
  commerce: {
    getRegion: async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }),
    listProducts: (...args: unknown[]) => listProducts(...args),
    productTagIds: async () => ["ptag_hot"],
  },
  optional: async <T,>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))

// Imported after the mocks, as Next would render it.
const landing = require("@/app/landing/[slug]/page") as typeof import("@/app/landing/[slug]/page")

const product = (handle: string, title: string, tags: string[] = []): Product => ({
  id: `prod_${handle}`,
  title,
  handle,
  tags: tags.map((value) => ({ id: `ptag_${value}`, value })),
  variants: [
    {
      id: `var_${handle}`,
      title: "标准版",
      calculated_price: { calculated_amount: 1999, currency_code: "cny" },
    },
  ],
})
const article: Article = {
  documentId: "a1",
  title: "基因检测能查什么",
  slug: "what-gene-tests-find",
  publishedAt: "2026-12-01T02:00:00.000Z",
}

afterEach(cleanup)

describe("专题页 sections", () => {
  it("hero: the title as heading, the picture at its own size, the button to the editor's link", () => {
    render(
      <HeroSection
        section={{
          __component: "landing.hero",
          id: 1,
          title: "家庭基因检测 守护三代健康",
          subtitle: "一次采样，全家受益",
          image: { url: "https://media.test/uploads/hero.png", width: 1440, height: 560 },
          cta_text: "查看热销检测",
          cta_link: "/products?tag=热销",
        }}
      />
    )
    const hero = screen.getByTestId("landing-hero")
    expect(within(hero).getByRole("heading", { level: 1 }).textContent).toBe(
      "家庭基因检测 守护三代健康"
    )
    const image = hero.querySelector("img")!
    expect([image.getAttribute("width"), image.getAttribute("height")]).toEqual(["1440", "560"])
    expect(screen.getByTestId("landing-hero-cta").getAttribute("href")).toBe("/products?tag=热销")
  })

  it("product list: a card per product with its badge, and the 热销 list linked", () => {
    render(
      <ProductListSection
        section={{
          __component: "landing.product-list",
          id: 2,
          heading: "热销检测",
          product_tag: "热销",
          products: [
            product("tumor-risk", "肿瘤易感基因检测", ["热销"]),
            product("sports", "运动基因检测"),
          ],
        }}
      />
    )
    const list = screen.getByTestId("landing-products")
    expect(within(list).getByRole("heading", { level: 2 }).textContent).toBe("热销检测")
    const cards = within(list).getAllByTestId("product-card")
    expect(cards.map((card) => card.getAttribute("href"))).toEqual([
      "/products/tumor-risk",
      "/products/sports",
    ])
    expect(within(cards[0]).getByText("热销")).toBeTruthy()
    expect(
      within(list)
        .getByText(/查看更多检测/)
        .getAttribute("href")
    ).toBe(`/products?tag=${encodeURIComponent("热销")}`)
  })

  it("product and article lists with nothing in them are not drawn", () => {
    const { container } = render(
      <>
        <ProductListSection
          section={{ __component: "landing.product-list", id: 2, products: [] }}
        />
        <ArticleListSection
          section={{ __component: "landing.article-list", id: 3, articles: [] }}
        />
      </>
    )
    expect(container.innerHTML).toBe("")
  })

  it("article list: the category's latest articles and a link to the category", () => {
    render(
      <ArticleListSection
        section={{
          __component: "landing.article-list",
          id: 3,
          heading: "基因科普",
          category: { slug: "gene-science", name: "基因科普" },
          articles: [article],
        }}
      />
    )
    const list = screen.getByTestId("landing-articles")
    expect(within(list).getByTestId("article-card").getAttribute("href")).toBe(
      "/articles/what-gene-tests-find"
    )
    expect(
      within(list)
        .getByText(/更多资讯/)
        .getAttribute("href")
    ).toBe("/articles?category=gene-science")
  })

  it("rich text: Markdown drawn as elements, with no way to run script", () => {
    render(
      <RichTextSection
        section={{
          __component: "landing.rich-text",
          id: 4,
          body: '## 为什么全家一起测\n\n| 成员 | 检测 |\n| --- | --- |\n| 孩子 | 天赋 |\n\n<img src="x" onerror="window.hacked=1"><a href="javascript:alert(1)">点我</a>',
        }}
      />
    )
    const text = screen.getByTestId("landing-rich-text")
    expect(within(text).getByRole("heading", { level: 2 }).textContent).toBe("为什么全家一起测")
    expect(text.querySelectorAll("td")).toHaveLength(2)
    expect(text.innerHTML).not.toMatch(/onerror|javascript:/)
  })

  it("image: explicit size, the alt text, and its link; an unsafe link is no link", () => {
    render(
      <>
        <ImageSection
          section={{
            __component: "landing.image",
            id: 5,
            image: { url: "https://media.test/uploads/sites.png", width: 800, height: 300 },
            alt: "岳阳就近采集点",
            link: "/sites",
          }}
        />
        <ImageSection
          section={{
            __component: "landing.image",
            id: 6,
            image: { url: "https://media.test/uploads/x.png" },
            alt: "无尺寸",
            link: "javascript:alert(1)",
          }}
        />
      </>
    )
    const [linked, unsafe] = screen.getAllByTestId("landing-image")
    const image = within(linked).getByAltText("岳阳就近采集点")
    expect([image.getAttribute("width"), image.getAttribute("height")]).toEqual(["800", "300"])
    expect(image.closest("a")?.getAttribute("href")).toBe("/sites")
    const fallback = within(unsafe).getByAltText("无尺寸")
    expect([fallback.getAttribute("width"), fallback.getAttribute("height")]).toEqual([
      "1200",
      "600",
    ])
    expect(unsafe.querySelector("a")).toBeNull()
  })

  it("call to action: a button to a site page, an outside address in a new tab", () => {
    render(
      <>
        <CallToActionSection
          section={{
            __component: "landing.call-to-action",
            id: 7,
            text: "预约上门采样",
            link: "/account/appointments/book",
          }}
        />
        <CallToActionSection
          section={{
            __component: "landing.call-to-action",
            id: 8,
            text: "卫健委说明",
            link: "https://www.nhc.gov.cn/",
            style: "link",
          }}
        />
      </>
    )
    const book = screen.getByText("预约上门采样")
    expect(book.getAttribute("href")).toBe("/account/appointments/book")
    expect(book.className).toBe("button primary")
    const outside = screen.getByText("卫健委说明")
    expect([outside.getAttribute("target"), outside.getAttribute("rel")]).toEqual([
      "_blank",
      "noopener noreferrer",
    ])
  })
})

describe("/landing/[slug]", () => {
  const page: LandingPage = {
    documentId: "lp1",
    slug: "gene-test-family",
    title: "家庭基因检测专题",
    seo_description: "为全家选对基因检测",
    publish_to_microsite: true,
    sections: [
      {
        __component: "landing.hero",
        id: 1,
        title: "家庭基因检测 守护三代健康",
        image: { url: "https://media.test/uploads/hero.png", width: 1200, height: 480 },
      },
      { __component: "landing.product-list", id: 2, heading: "为家人挑选", handles: "sports" },
      { __component: "landing.article-list", id: 3, heading: "基因科普" },
      { __component: "landing.rich-text", id: 4, body: "全家**一起**测" },
      {
        __component: "landing.call-to-action",
        id: 5,
        text: "预约上门采样",
        link: "/account/appointments/book",
      },
    ],
  }
  const params = (slug: string) => ({ params: Promise.resolve({ slug }) })

  beforeEach(() => {
    notFound.mockClear()
    getLandingPage.mockReset()
    listProducts
      .mockReset()
      .mockResolvedValue({ products: [product("sports", "运动基因检测")], count: 1 })
    listArticles.mockReset().mockResolvedValue({
      data: [article],
      pagination: { page: 1, pageSize: 4, pageCount: 1, total: 1 },
    })
  })

  it("draws every section of the published page, in order, with the shop's products", async () => {
    getLandingPage.mockResolvedValue(page)
    render(await landing.default(params("gene-test-family")))
    expect(getLandingPage).toHaveBeenCalledWith("gene-test-family")
    const shown = screen.getByTestId("landing-page")
    expect(
      Array.from(shown.querySelectorAll("[data-testid^=landing-]")).map((el) =>
        el.getAttribute("data-testid")
      )
    ).toEqual([
      "landing-hero",
      "landing-products",
      "landing-articles",
      "landing-rich-text",
      "landing-cta",
    ])
    expect(listProducts).toHaveBeenCalledWith({ regionId: "reg_cn", handles: ["sports"], limit: 1 })
    expect(within(shown).getByText("运动基因检测")).toBeTruthy()
    expect(within(shown).getAllByRole("heading", { level: 1 })).toHaveLength(1)
  })

  it("takes its title, description and share picture from the page's SEO fields", async () => {
    getLandingPage.mockResolvedValue(page)
    const metadata = await landing.generateMetadata(params("gene-test-family"))
    expect(metadata).toMatchObject({
      title: "家庭基因检测专题",
      description: "为全家选对基因检测",
      openGraph: {
        images: [{ url: "https://media.test/uploads/hero.png", width: 1200, height: 480 }],
      },
    })
  })

  it("is a 404 for an unknown or unpublished slug, and for one that cannot be a slug", async () => {
    getLandingPage.mockResolvedValue(null)
    await expect(landing.default(params("no-such-page"))).rejects.toThrow("NEXT_NOT_FOUND")
    await expect(landing.default(params("../admin"))).rejects.toThrow("NEXT_NOT_FOUND")
    expect(getLandingPage).toHaveBeenCalledTimes(1)
  })

  it("says the content is unavailable while the CMS is down", async () => {
    getLandingPage.mockRejectedValue(new Error("CMS down"))
    render(await landing.default(params("gene-test-family")))
    expect(screen.getByTestId("cms-unavailable").textContent).toContain("专题内容")
  })
})
