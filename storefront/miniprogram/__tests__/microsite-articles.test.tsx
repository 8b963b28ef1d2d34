import { render, screen } from "@testing-library/react"
import Articles from "../src/packages/content/articles/index"
import TagArticles from "../src/packages/content/tag/index"
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
    return {
      body: strapiList(
        ARTICLES.filter((a) => microsite === null || String(a.publish_to_microsite) === microsite)
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
