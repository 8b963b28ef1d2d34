import { fireEvent, render, screen } from "@testing-library/react"
import ArticlePage from "../src/packages/content/article/index"
import Articles from "../src/packages/content/articles/index"
import TagArticles from "../src/packages/content/tag/index"
import Search from "../src/packages/content/search/index"
import LandingPage from "../src/packages/landing/index"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

const strapiList = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: data.length } },
})

const article = (slug: string, title: string, publish_to_microsite: boolean) => ({
  documentId: `doc-${slug}`,
  slug,
  title,
  body: `${title}的正文`,
  publish_to_microsite,
  publishedAt: "2026-12-01T02:00:00Z",
})

/** The CMS's articles: one on the 微官网, one for the web only; Strapi honours the filter. */
const ARTICLES = [article("autumn", "秋季养生", true), article("web-only", "仅官网文章", false)]

function cmsWithArticles() {
  const asked: URL[] = []
  const answer = ({ url }: { url: URL }) => {
    asked.push(url)
    const microsite = url.searchParams.get("filters[publish_to_microsite][$eq]")
    const slug = url.searchParams.get("filters[slug][$eq]")
    return {
      body: strapiList(
        ARTICLES.filter(
          (a) =>
            (microsite === null || String(a.publish_to_microsite) === microsite) &&
            (slug === null || a.slug === slug)
        )
      ),
    }
  }
  return { asked, answer }
}

describe("the mini-program's article lists show only what is published to the 微官网", () => {
  it("健康资讯 asks the CMS for 微官网 articles only", async () => {
    const { asked, answer } = cmsWithArticles()
    fakeBackend({ "GET /api/articles": answer })
    render(<Articles />)
    const shown = await screen.findAllByTestId("article")
    expect(shown.map((el) => el.textContent)).toEqual([expect.stringContaining("秋季养生")])
    expect(asked[0].searchParams.get("filters[publish_to_microsite][$eq]")).toBe("true")
  })

  it("a tag's page lists its 微官网 articles only", async () => {
    const { asked, answer } = cmsWithArticles()
    fakeBackend({
      "GET /api/tags": strapiList([{ documentId: "t1", name: "养生", slug: "care" }]),
      "GET /api/articles": answer,
    })
    stand.params = { slug: "care" }
    render(<TagArticles />)
    const shown = await screen.findAllByTestId("tag-article")
    expect(shown.map((el) => el.textContent)).toEqual([expect.stringContaining("秋季养生")])
    expect(asked[0].searchParams.get("filters[tags][slug][$eq]")).toBe("care")
    expect(asked[0].searchParams.get("filters[publish_to_microsite][$eq]")).toBe("true")
  })

  it("a 专题页's article list does too", async () => {
    const { asked, answer } = cmsWithArticles()
    fakeBackend({
      "GET /api/landing-pages": strapiList([
        {
          documentId: "lp1",
          slug: "autumn",
          title: "秋季专题",
          publish_to_microsite: true,
          sections: [{ __component: "landing.article-list", id: 1, heading: "养生文章" }],
        },
      ]),
      "GET /api/articles": answer,
    })
    stand.params = { slug: "autumn" }
    render(<LandingPage />)
    const shown = await screen.findAllByTestId("landing-article")
    expect(shown.map((el) => el.textContent)).toEqual([expect.stringContaining("秋季养生")])
    expect(asked[0].searchParams.get("filters[publish_to_microsite][$eq]")).toBe("true")
  })
})

describe("the mini-program's article page shows only an article published to the 微官网", () => {
  it("shows a flagged article with its body", async () => {
    const { asked, answer } = cmsWithArticles()
    fakeBackend({ "GET /api/articles": answer })
    stand.params = { slug: "autumn" }
    render(<ArticlePage />)
    expect((await screen.findByTestId("article-body")).textContent).toContain("秋季养生的正文")
    expect(asked).toHaveLength(1)
    expect(asked[0].searchParams.get("filters[publish_to_microsite][$eq]")).toBe("true")
  })

  it("says an article published for the web only is not on the 微官网, without its body", async () => {
    const { asked, answer } = cmsWithArticles()
    fakeBackend({ "GET /api/articles": answer })
    stand.params = { slug: "web-only" }
    render(<ArticlePage />)
    expect((await screen.findByTestId("article-unavailable")).textContent).toBe(
      "该内容未在微官网发布"
    )
    expect(screen.queryByTestId("article-body")).toBeNull()
    expect(screen.queryByText(/仅官网文章/)).toBeNull()
    // The second question asks only whether it exists, never for its body.
    expect(asked.map((url) => url.searchParams.get("fields[0]"))).toEqual([null, "slug"])
  })

  it("says a slug with no article is not found", async () => {
    const { answer } = cmsWithArticles()
    fakeBackend({ "GET /api/articles": answer })
    stand.params = { slug: "nothing-here" }
    render(<ArticlePage />)
    expect((await screen.findByTestId("article-unavailable")).textContent).toBe("页面不存在")
  })
})

describe("the mini-program's search finds only 微官网 articles", () => {
  const hit = (a: (typeof ARTICLES)[number]) => ({
    type: "article",
    id: a.documentId,
    title: a.title,
    subtitle: null,
    url: `/articles/${a.slug}`,
  })

  it("names itself to commerce's search, which leaves out articles off the 微官网", async () => {
    const channels: (string | undefined)[] = []
    fakeBackend({
      // As commerce's /store/search does: the mini-program's channel finds flagged articles only.
      "GET /store/search": ({ headers }: { headers: Record<string, string> }) => {
        const channel = headers["x-storefront-channel"]
        channels.push(channel)
        const found = ARTICLES.filter((a) => channel !== "miniprogram" || a.publish_to_microsite)
        return {
          body: {
            hits: found.map(hit),
            count: found.length,
            type: "all",
            groups: {
              product: { hits: [], count: 0 },
              article: { hits: found.map(hit), count: found.length },
              site: { hits: [], count: 0 },
            },
          },
        }
      },
    })
    stand.params = { q: "文章" }
    render(<Search />)
    await screen.findByTestId("search-results")
    expect(channels).toEqual(["miniprogram"])
    expect(screen.getByTestId("search-tab-article").textContent).toBe("健康资讯 1")
    fireEvent.click(screen.getByTestId("search-tab-article"))
    expect(screen.getAllByTestId("search-hit").map((h) => h.textContent)).toEqual(["秋季养生"])
  })
})
