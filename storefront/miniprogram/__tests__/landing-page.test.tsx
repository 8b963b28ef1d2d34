import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import LandingPage from "../src/packages/landing/index"
import { webLinkRoute } from "../src/lib/web-link-route"
import { calls, fakeBackend, product, region } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

const strapiList = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: data.length } },
})

const page = {
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
      image: { url: "/uploads/hero.png", width: 1200, height: 480 },
      cta_text: "查看检测",
      cta_link: "/products?tag=热销",
    },
    {
      __component: "landing.product-list",
      id: 2,
      heading: "为家人挑选",
      handles: "sports-gene-test",
    },
    {
      __component: "landing.rich-text",
      id: 3,
      body: "## 为什么全家一起测\n\n详见[专题二](/landing/senior-care)",
    },
    {
      __component: "landing.article-list",
      id: 4,
      heading: "基因科普",
      tag: { slug: "gene-testing", name: "基因检测" },
    },
    {
      __component: "landing.image",
      id: 5,
      image: { url: "https://cdn.example/sites.png" },
      alt: "采集点",
      link: "/sites",
    },
    {
      __component: "landing.call-to-action",
      id: 6,
      text: "预约上门采样",
      link: "/account/appointments/book",
    },
    {
      __component: "landing.call-to-action",
      id: 7,
      text: "卫健委说明",
      link: "https://www.nhc.gov.cn/",
      style: "link",
    },
  ],
}

describe("专题页 in the mini-program", () => {
  it("draws the 微官网 page's sections in order, with the shop's products and the tag's articles", async () => {
    const asked: URL[] = []
    fakeBackend({
      "GET /api/landing-pages": ({ url }: { url: URL }) => {
        asked.push(url)
        return { body: strapiList([page]) }
      },
      "GET /store/regions": { regions: [region] },
      "GET /store/products": ({ url }: { url: URL }) => ({
        body: {
          products: url.searchParams.getAll("handle[]").includes(product.handle) ? [product] : [],
          count: 1,
        },
      }),
      "GET /api/articles": ({ url }: { url: URL }) => ({
        body: strapiList(
          url.searchParams.get("filters[tags][slug][$eq]") === "gene-testing"
            ? [
                {
                  documentId: "a1",
                  title: "基因检测能查什么",
                  slug: "gene-faq",
                  publishedAt: "2026-12-01T02:00:00Z",
                },
              ]
            : []
        ),
      }),
    })
    stand.params = { slug: "gene-test-family" }
    render(<LandingPage />)
    const shown = await screen.findByTestId("landing-hero")
    expect(shown.textContent).toContain("家庭基因检测 守护三代健康")
    expect(shown.querySelector("img")?.getAttribute("src")).toBe("http://cms.test/uploads/hero.png")
    // Only pages published to the 微官网.
    expect(asked[0].searchParams.get("filters[publish_to_microsite][$eq]")).toBe("true")
    expect(asked[0].searchParams.get("filters[slug][$eq]")).toBe("gene-test-family")

    const page_ = screen.getByTestId("landing-page")
    await waitFor(() =>
      expect(
        Array.from(page_.querySelectorAll("[data-testid^=landing-]")).map((el) =>
          el.getAttribute("data-testid")
        )
      ).toEqual([
        "landing-hero",
        "landing-hero-cta",
        "landing-products",
        "landing-rich-text",
        "landing-articles",
        "landing-article",
        "landing-image",
        "landing-cta",
        "landing-cta",
      ])
    )
    expect(within(screen.getByTestId("landing-products")).getByText("运动基因检测")).toBeTruthy()
    expect(
      within(screen.getByTestId("landing-rich-text")).getByText("为什么全家一起测").tagName
    ).toBe("H2")
    expect(stand.navigationTitle).toBe("家庭基因检测专题")
    expect(calls()).toContain("GET /store/products")

    // Links the editor wrote for the web open their pages here; outside ones are copied.
    fireEvent.click(screen.getByText("预约上门采样"))
    fireEvent.click(screen.getByTestId("landing-image"))
    fireEvent.click(screen.getByTestId("landing-article"))
    fireEvent.click(screen.getByTestId("landing-hero-cta"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/health/appointments/index" },
      { kind: "navigateTo", url: "/packages/content/sites/index" },
      { kind: "navigateTo", url: "/packages/content/article/index?slug=gene-faq" },
      { kind: "switchTab", url: "/pages/products/index" },
    ])
    fireEvent.click(screen.getByText("卫健委说明"))
    await waitFor(() => expect(stand.toasts).toEqual(["链接已复制，可在浏览器中打开"]))
    expect(webLinkRoute("/landing/senior-care")).toBe("/packages/landing/index?slug=senior-care")
  })

  it("says 未找到 for a page not published (to the 微官网)", async () => {
    fakeBackend({ "GET /api/landing-pages": strapiList([]) })
    stand.params = { slug: "web-only" }
    render(<LandingPage />)
    expect(await screen.findByTestId("state-empty")).toBeTruthy()
    expect(screen.queryByTestId("landing-hero")).toBeNull()
  })

  it("still shows the page when the shop cannot be reached, without its product list", async () => {
    fakeBackend({
      "GET /api/landing-pages": strapiList([page]),
      "GET /store/regions": () => ({ status: 503, body: { message: "维护中" } }),
      "GET /api/articles": strapiList([]),
    })
    stand.params = { slug: "gene-test-family" }
    render(<LandingPage />)
    expect(await screen.findByTestId("landing-hero")).toBeTruthy()
    expect(screen.queryByTestId("landing-products")).toBeNull()
    expect(screen.getAllByTestId("landing-cta")).toHaveLength(2)
  })
})
