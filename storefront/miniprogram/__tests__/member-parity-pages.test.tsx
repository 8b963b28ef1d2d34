import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import ArchiveData from "../src/packages/health/archive-data/index"
import ClinicSessions from "../src/packages/health/clinic/index"
import ConstitutionHistory from "../src/packages/health/constitution-history/index"
import Privacy from "../src/packages/content/privacy/index"
import TagArticles from "../src/packages/content/tag/index"
import { webLinkRoute } from "../src/lib/web-link-route"
import ChangePassword from "../src/packages/member/password/index"
import { CONSTITUTION_CODES } from "@health/core/constitution/index"
import Consents from "../src/packages/health/consents/index"
import Uploads from "../src/packages/health/uploads/index"
import Search from "../src/packages/content/search/index"
import Sites from "../src/packages/content/sites/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

const strapiList = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
})
const text = (testId: string) => screen.getByTestId(testId).textContent

const upload = (id: string, filename: string) => ({
  id,
  kind: "image",
  filename,
  mime_type: "image/jpeg",
  size: 2048,
  note: "体检",
  created_at: "2026-12-01T02:00:00.000Z",
})

describe("我的资料 (record uploads)", () => {
  it("uploads photos from the camera or album one by one with the note, then lists them", async () => {
    session.setToken("tok_1")
    let listed = [upload("up_0", "旧病历.jpg")]
    fakeBackend({ "GET /store/health-archive/uploads": () => ({ body: { uploads: listed } }) })
    stand.chosenMedia = ["wxfile://tmp/a.jpg", "wxfile://tmp/b.jpg"]
    stand.uploadAnswer = {
      statusCode: 201,
      data: JSON.stringify({ uploads: [upload("up_1", "a.jpg")] }),
    }
    render(<Uploads />)
    expect((await screen.findAllByTestId("upload")).length).toBe(1)

    fireEvent.change(screen.getByTestId("upload-note"), { target: { value: "体检" } })
    listed = [upload("up_1", "a.jpg"), upload("up_2", "b.jpg"), ...listed]
    fireEvent.click(screen.getByTestId("upload-photos"))
    await waitFor(() => expect(screen.getAllByTestId("upload")).toHaveLength(3))
    expect(stand.uploads.map((u) => [u.url, u.name, u.filePath])).toEqual([
      ["http://commerce.test/store/health-archive/uploads", "files", "wxfile://tmp/a.jpg"],
      ["http://commerce.test/store/health-archive/uploads", "files", "wxfile://tmp/b.jpg"],
    ])
    expect(stand.uploads[0].header?.authorization).toBe("Bearer tok_1")
    expect((stand.uploads[0] as { formData?: unknown }).formData).toEqual({ note: "体检" })
    expect(stand.toasts).toContain("已上传 2 张")
  })

  it("says why commerce refused a file and uploads nothing when the member cancels", async () => {
    session.setToken("tok_1")
    fakeBackend({ "GET /store/health-archive/uploads": { uploads: [] } })
    render(<Uploads />)
    await screen.findByText("还没有上传资料")
    fireEvent.click(screen.getByTestId("upload-photos"))
    await waitFor(() =>
      expect(screen.getByTestId("upload-photos").hasAttribute("disabled")).toBe(false)
    )
    expect(stand.uploads).toHaveLength(0)

    stand.chosenMedia = ["wxfile://tmp/a.heic"]
    stand.uploadAnswer = {
      statusCode: 400,
      data: JSON.stringify({ message: "“a.heic”不是照片（JPG、PNG、WebP）或 PDF 文件" }),
    }
    fireEvent.click(screen.getByTestId("upload-photos"))
    expect(await screen.findByTestId("upload-problem")).toHaveProperty(
      "textContent",
      "“a.heic”不是照片（JPG、PNG、WebP）或 PDF 文件"
    )
  })

  it("deletes an upload after the member confirms", async () => {
    session.setToken("tok_1")
    let listed = [upload("up_1", "a.jpg")]
    fakeBackend({
      "GET /store/health-archive/uploads": () => ({ body: { uploads: listed } }),
      "DELETE /store/health-archive/uploads/up_1": () => {
        listed = []
        return { status: 200, body: { id: "up_1", deleted: true } }
      },
    })
    render(<Uploads />)
    fireEvent.click(await screen.findByTestId("upload-delete"))
    await screen.findByText("还没有上传资料")
    expect(calls()).toContain("DELETE /store/health-archive/uploads/up_1")
  })
})

describe("知情同意 (consents)", () => {
  it("withdraws a consent in force and shows it withdrawn; a refusal is said in Chinese", async () => {
    session.setToken("tok_1")
    const consent = {
      id: "con_1",
      kit_id: "kit_1",
      kind: "storage",
      kind_label: "样本保存同意",
      version: "2026-01",
      signed_at: "2026-11-01T02:00:00.000Z",
      withdrawn_at: null as string | null,
    }
    let refuseNext = true
    fakeBackend({
      "GET /store/health-archive/consents": () => ({ body: { consents: [consent] } }),
      "POST /store/health-archive/consents/con_1/withdraw": () => {
        if (refuseNext) {
          refuseNext = false
          return { status: 409, body: { message: "该同意已撤回" } }
        }
        consent.withdrawn_at = "2026-12-07T02:00:00.000Z"
        return { body: { consent } }
      },
    })
    render(<Consents />)
    fireEvent.click(await screen.findByTestId("consent-withdraw"))
    expect((await screen.findByTestId("consent-problem")).textContent).toBe("该同意已撤回")
    fireEvent.click(screen.getByTestId("consent-withdraw"))
    expect((await screen.findByTestId("consent-withdrawn")).textContent).toBe("已撤回")
    expect(screen.queryByTestId("consent-problem")).toBeNull()
  })
})

describe("数据导出与删除 (archive export and deletion)", () => {
  it("exports the zip with the member's token and hands it to a WeChat chat", async () => {
    process.env.TARO_ENV = "weapp"
    session.setToken("tok_1")
    render(<ArchiveData />)
    fireEvent.click(screen.getByTestId("archive-export"))
    expect((await screen.findByTestId("archive-notice")).textContent).toBe(
      "导出文件已生成，请妥善保管"
    )
    expect(stand.downloads.map((d) => [d.url, d.header?.authorization])).toEqual([
      ["http://commerce.test/store/health-archive/export", "Bearer tok_1"],
    ])
    expect(stand.sharedFiles).toEqual([
      { filePath: "wxfile://tmp/store/health-archive/export", fileName: "健康档案.zip" },
    ])
  })

  it("deletes the archive only once 删除 is typed, sending the word to commerce", async () => {
    session.setToken("tok_1")
    const sent: unknown[] = []
    fakeBackend({
      "DELETE /store/health-archive": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 200, body: { deleted: true } }
      },
    })
    render(<ArchiveData />)
    const button = screen.getByTestId("archive-delete")
    expect(button.hasAttribute("disabled")).toBe(true)
    fireEvent.change(screen.getByTestId("archive-delete-word"), { target: { value: "删" } })
    expect(button.hasAttribute("disabled")).toBe(true)
    fireEvent.change(screen.getByTestId("archive-delete-word"), { target: { value: "删除" } })
    expect(button.hasAttribute("disabled")).toBe(false)
    fireEvent.click(button)
    expect((await screen.findByTestId("archive-notice")).textContent).toBe(
      "健康档案已删除，全部知情同意已撤回"
    )
    expect(sent).toEqual([{ confirm: "删除" }])
  })
})

describe("线下义诊 (clinic sessions)", () => {
  it("joins the waitlist of a full session and shows the place, then leaves it", async () => {
    session.setToken("tok_1")
    const clinic = {
      documentId: "cs_1",
      title: "岳阳中医义诊",
      starts_at: "2026-12-20T01:00:00.000Z",
      place: "岳阳楼区社区中心",
      capacity: 1,
      expert: { documentId: "ex_1", name: "李医生" },
    }
    const waitlisted = {
      id: "su_1",
      session: {
        id: "cs_1",
        title: clinic.title,
        starts_at: clinic.starts_at,
        place: clinic.place,
      },
      status: "waitlisted",
      status_label: "候补中",
      waitlist_position: 1,
      queued_at: "2026-12-07T02:00:00.000Z",
      promoted_at: null,
      cancelled_at: null,
    }
    let mine: typeof waitlisted | null = null
    const state = () => ({
      session_id: "cs_1",
      confirmed_count: 1,
      waitlist_count: mine ? 1 : 0,
      signup: mine,
    })
    fakeBackend({
      "GET /api/clinic-sessions": strapiList([clinic]),
      "GET /store/clinic-signups": () => ({ body: { signups: mine ? [mine] : [] } }),
      "GET /store/clinic-sessions/cs_1/signups": () => ({ body: state() }),
      "POST /store/clinic-sessions/cs_1/signups": () => {
        mine = waitlisted
        return { status: 201, body: state() }
      },
      "POST /store/clinic-sessions/cs_1/signups/cancel": () => {
        const was = { ...waitlisted, status: "cancelled" }
        mine = null
        return { body: { signup: was, confirmed_count: 1, waitlist_count: 0 } }
      },
    })
    render(<ClinicSessions />)
    expect((await screen.findByTestId("clinic-note")).textContent).toBe("名额已满，可加入候补")
    fireEvent.click(screen.getByTestId("clinic-action"))
    await waitFor(() => expect(text("clinic-note")).toBe("候补第 1 位，有名额时会通知您"))
    expect(stand.toasts).toContain("已加入候补，第 1 位")
    expect(text("my-clinic-signup")).toContain("候补第 1 位")
    expect(text("clinic-action")).toBe("退出候补")

    fireEvent.click(screen.getByTestId("clinic-action"))
    await waitFor(() => expect(text("clinic-note")).toBe("名额已满，可加入候补"))
    expect(screen.queryByTestId("my-clinic-signups")).toBeNull()
  })
})

describe("附近的采集点 (nearest collection sites)", () => {
  const site = (
    documentId: string,
    name: string,
    latitude: number | null,
    longitude: number | null
  ) => ({
    documentId,
    name,
    slug: documentId,
    city: "岳阳市",
    address: `${name}地址`,
    latitude,
    longitude,
    active: true,
  })
  const sites = [
    site("far", "长沙采集点", 28.23, 112.94),
    site("none", "无坐标采集点", null, null),
    site("near", "岳阳楼采集点", 29.38, 113.1),
  ]

  it("asks for the place only on the tap and puts the nearest first with distances", async () => {
    fakeBackend({ "GET /api/collection-sites": strapiList(sites) })
    render(<Sites />)
    await screen.findAllByTestId("site")
    expect(stand.locationAsks).toBe(0)
    const names = () =>
      screen.getAllByTestId("site").map((el) => el.querySelector(".section__title")?.textContent)
    expect(names()).toEqual(["长沙采集点", "无坐标采集点", "岳阳楼采集点"])

    fireEvent.click(screen.getByTestId("sites-nearest"))
    await screen.findByTestId("sites-sorted")
    expect(stand.locationAsks).toBe(1)
    expect(names()).toEqual(["岳阳楼采集点", "长沙采集点", "无坐标采集点"])
    expect(screen.getAllByTestId("site-distance").map((el) => el.textContent)).toEqual([
      "3.1 公里",
      "128 公里",
    ])
  })

  it("keeps the plain list and says why when the member refuses the location", async () => {
    stand.location = { errMsg: "getLocation:fail auth deny" }
    fakeBackend({ "GET /api/collection-sites": strapiList(sites) })
    render(<Sites />)
    await screen.findAllByTestId("site")
    fireEvent.click(screen.getByTestId("sites-nearest"))
    expect((await screen.findByTestId("sites-location-problem")).textContent).toContain(
      "未获得位置权限，已为您列出全部采集点"
    )
    expect(screen.getAllByTestId("site")).toHaveLength(3)
    expect(screen.queryByTestId("site-distance")).toBeNull()
  })
})

describe("搜索 (site search)", () => {
  const hit = (type: string, id: string, title: string, url: string) => ({
    type,
    id,
    title,
    subtitle: null,
    url,
    highlight: title.replace("基因", "<mark>基因</mark>"),
  })
  const results = (limit: number) => ({
    hits: [],
    count: 0,
    type: "all",
    groups: {
      product: { hits: [hit("product", "p1", "运动基因检测", "/products/sports-gene")], count: 1 },
      article: {
        hits: [hit("article", "a1", "基因与健康", "/articles/gene-health")].slice(0, limit),
        count: 4,
      },
      site: { hits: [], count: 0 },
    },
  })

  it("suggests while typing and opens a suggestion's page in the mini-program", async () => {
    const limits: string[] = []
    fakeBackend({
      "GET /store/search": ({ url }: { url: URL }) => {
        limits.push(`${url.searchParams.get("q")}:${url.searchParams.get("limit")}`)
        return { body: results(Number(url.searchParams.get("limit"))) }
      },
    })
    render(<Search />)
    fireEvent.change(screen.getByTestId("search-input"), { target: { value: "基因" } })
    const suggestions = await screen.findAllByTestId("search-suggestion")
    expect(suggestions.map((s) => s.textContent)).toEqual([
      "检测产品运动基因检测",
      "健康资讯基因与健康",
    ])
    // The marked words are their own piece, as the web highlights them.
    expect(suggestions[0].querySelector(".price")?.textContent).toBe("基因")
    expect(limits).toEqual(["基因:3"])
    fireEvent.click(suggestions[1])
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/content/article/index?slug=gene-health" },
    ])
  })

  it("shows the results in tabs with counts, and the reason when search is down", async () => {
    let down = false
    fakeBackend({
      "GET /store/search": () =>
        down ? refuse(503, "搜索暂时不可用，请稍后再试")() : { body: results(20) },
    })
    stand.params = { q: "基因" }
    render(<Search />)
    await screen.findByTestId("search-results")
    expect(text("search-tab-product")).toBe("检测产品 1")
    expect(text("search-tab-article")).toBe("健康资讯 4")
    expect(screen.getAllByTestId("search-hit").map((h) => h.textContent)).toEqual(["运动基因检测"])
    fireEvent.click(screen.getByTestId("search-tab-article"))
    expect(screen.getAllByTestId("search-hit").map((h) => h.textContent)).toEqual(["基因与健康"])

    down = true
    fireEvent.click(screen.getByTestId("search-submit"))
    expect((await screen.findByTestId("search-problem")).textContent).toBe(
      "搜索暂时不可用，请稍后再试"
    )
  })
})

describe("体质辨识记录, 标签 and 隐私政策", () => {
  const NINE = <T,>(value: T) => Object.fromEntries(CONSTITUTION_CODES.map((code) => [code, value]))
  const result = (id: string, created_at: string, qixu: number) => ({
    id,
    created_at,
    item_version: "ccmq-2009",
    sex: "female",
    scores: { ...NINE(20), qixu },
    verdicts: { ...NINE("否"), qixu: "是" },
    primary: "qixu",
    review: null,
  })

  it("lists the member's results with each type's latest score and change", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/constitution/assessments": {
        assessments: [
          result("ca_2", "2026-12-01T02:00:00Z", 50),
          result("ca_1", "2026-09-01T02:00:00Z", 62.5),
        ],
        count: 2,
      },
    })
    render(<ConstitutionHistory />)
    const items = await screen.findAllByTestId("constitution-history-item")
    expect(items).toHaveLength(2)
    const qixu = screen
      .getAllByTestId("trend-row")
      .find((row) => row.textContent?.startsWith("气虚质"))
    expect(qixu?.textContent).toBe("气虚质50.0 ↓ -12.5")
    fireEvent.click(items[0])
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/health/constitution-report/index?id=ca_2" },
    ])
  })

  it("shows a tag's articles, and the CMS privacy policy at its version", async () => {
    fakeBackend({
      "GET /api/tags": strapiList([{ documentId: "t1", name: "运动", slug: "sport" }]),
      "GET /api/articles": ({ url }: { url: URL }) => ({
        body: strapiList(
          url.searchParams.get("filters[tags][slug][$eq]") === "sport"
            ? [
                {
                  documentId: "a1",
                  title: "运动与基因",
                  slug: "sport-gene",
                  publishedAt: "2026-12-01T02:00:00Z",
                },
              ]
            : []
        ),
      }),
      "GET /api/pages": strapiList([
        {
          documentId: "p1",
          slug: "privacy-policy",
          title: "隐私政策",
          version: "2026-06",
          body: "我们**只**收集必要信息。",
        },
      ]),
    })
    stand.params = { slug: "sport" }
    render(<TagArticles />)
    expect((await screen.findByTestId("tag-article")).textContent).toContain("运动与基因")
    expect(screen.getByTestId("tag").textContent).toContain("#运动")

    stand.params = {}
    render(<Privacy />)
    await waitFor(() => expect(text("privacy")).toContain("版本：2026-06"))
    expect(text("privacy-body")).toContain("收集必要信息")
    expect(webLinkRoute("/tags/sport")).toBe("/packages/content/tag/index?slug=sport")
    expect(webLinkRoute("https://shop.example/pages/escort-applicant-consent")).toBe(
      "/packages/content/privacy/index?slug=escort-applicant-consent"
    )
    expect(webLinkRoute("https://shop.example/privacy")).toBe("/packages/content/privacy/index")
    expect(webLinkRoute("/constitution/history")).toBe(
      "/packages/health/constitution-history/index"
    )
  })
})

describe("修改密码 (change password)", () => {
  it("checks the form as the web does and sends the change; a wrong password is said in Chinese", async () => {
    session.setToken("tok_1")
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/customers/me": { customer: { id: "cus_1", email: "a@health.local" } },
      "POST /store/customers/me/password": ({ body }: { body: { current_password: string } }) => {
        sent.push(body)
        return body.current_password === "Old12345"
          ? { status: 200, body: { ok: true } }
          : { status: 400, body: { message: "当前密码不正确" } }
      },
    })
    render(<ChangePassword />)
    const type = (testId: string, value: string) =>
      fireEvent.change(screen.getByTestId(testId), { target: { value } })
    await screen.findByTestId("password-current")
    type("password-current", "Wrong123")
    type("password-new", "New12345")
    type("password-confirm", "New1234")
    fireEvent.click(screen.getByTestId("password-submit"))
    expect(text("password-problem")).toBe("两次输入的新密码不一致")
    expect(sent).toEqual([])

    type("password-confirm", "New12345")
    fireEvent.click(screen.getByTestId("password-submit"))
    await waitFor(() => expect(text("password-problem")).toBe("当前密码不正确"))
    type("password-current", "Old12345")
    fireEvent.click(screen.getByTestId("password-submit"))
    expect((await screen.findByTestId("password-notice")).textContent).toBe(
      "密码已修改，下次请用新密码登录"
    )
    expect(sent).toHaveLength(2)
  })

  it("tells a WeChat or phone member they have no password", async () => {
    session.setToken("tok_1")
    fakeBackend({ "GET /store/customers/me": { customer: { id: "cus_1", email: null } } })
    render(<ChangePassword />)
    expect((await screen.findByTestId("no-password")).textContent).toContain("没有登录密码")
  })
})
