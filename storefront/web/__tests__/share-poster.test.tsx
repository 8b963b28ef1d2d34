/** @jest-environment node */
import { Resvg } from "@resvg/resvg-js"
import { readFileSync } from "node:fs"
import QRCode from "qrcode"

const affiliateMe = jest.fn()
const memberMe = jest.fn()
const getProduct = jest.fn()
let token: string | undefined = "tok"
// `npm test` installs fonts-droid-fallback first; a missing font fails here rather than skipping.
const settings = {
  reportCjkFont:
    process.env.REPORT_CJK_FONT || "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
}
jest.mock("@/lib/env", () => ({ env: settings }))
jest.mock("@/lib/backends", () => ({
  member: {
    me: (...args: unknown[]) => memberMe(...args),
    affiliate: { me: (...args: unknown[]) => affiliateMe(...args) },
  },
  commerce: {
    getRegion: async () => ({ id: "reg_cn", currency_code: "cny" }),
    getProduct: (...args: unknown[]) => getProduct(...args),
  },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

// Imported after the mocks, as the route would be inside Next.
const { GET } =
  require("@/app/api/affiliate/poster/route") as typeof import("@/app/api/affiliate/poster/route")
const poster = require("@/lib/share-poster") as typeof import("@/lib/share-poster")

const product = {
  id: "prod_1",
  title: "肿瘤易感基因检测",
  subtitle: "22 种常见肿瘤风险评估",
  handle: "tumor-risk-gene-test",
  thumbnail: "http://localhost:9000/static/tumor.svg",
  variants: [
    { id: "v1", calculated_price: { calculated_amount: 699 } },
    { id: "v2", calculated_price: { calculated_amount: 1258 } },
  ],
}
const productSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#fde68a"/><text x="40" y="200" font-size="48">肿瘤易感</text></svg>`

const realFetch = global.fetch
beforeEach(() => {
  token = "tok"
  affiliateMe.mockResolvedValue({
    code: "ABC2345",
    link: "http://localhost:8000/r/ABC2345",
    status: "distributor",
  })
  memberMe.mockResolvedValue({ first_name: "小明", last_name: "王" })
  getProduct.mockResolvedValue(product)
  global.fetch = jest.fn(
    async () => new Response(productSvg, { headers: { "content-type": "image/svg+xml" } })
  ) as typeof fetch
})
afterAll(() => {
  global.fetch = realFetch
})

const { posterPrice } =
  require("@/lib/product-poster-price") as typeof import("@/lib/product-poster-price")

const get = (query: string) => GET(new Request(`http://web/api/affiliate/poster${query}`))

describe("product share poster", () => {
  it("says the product, its price, the masked member and carries the product link with the code", () => {
    const content = poster.productPosterContent({
      brand: "健康服务平台",
      product,
      price: { lowest: 699, highest: 1258 },
      member: { first_name: "小明", last_name: "王" },
      code: "ABC2345",
      referralLink: "http://localhost:8000/r/ABC2345",
    })
    expect(content).toEqual({
      brand: "健康服务平台",
      title: "肿瘤易感基因检测",
      subtitle: "22 种常见肿瘤风险评估",
      priceText: "¥699.00 起",
      memberLine: "王** 为您推荐",
      codeLine: "长按识别二维码 · 推荐码 ABC2345",
      qrPayload: "http://localhost:8000/products/tumor-risk-gene-test?ref=ABC2345",
    })
    const single = poster.productPosterContent({
      brand: "健康服务平台",
      product: { title: "叶酸代谢", handle: "folate" },
      price: { lowest: 199.9, highest: 199.9 },
      member: {},
      code: "ABC2345",
      referralLink: "https://shop.example.cn/r/ABC2345",
    })
    expect(single.priceText).toBe("¥199.90")
    expect(single.memberLine).toBe("会员 为您推荐")
    expect(single.qrPayload).toBe("https://shop.example.cn/products/folate?ref=ABC2345")
  })

  it("draws a QR code whose modules are the product link's, where the layout puts it", async () => {
    const content = poster.productPosterContent({
      brand: "健康服务平台",
      product,
      price: { lowest: 699, highest: 699 },
      member: { first_name: "小明", last_name: "王" },
      code: "ABC2345",
      referralLink: "http://localhost:8000/r/ABC2345",
    })
    const svg = await poster.productPosterSvg(
      content,
      { product: null, qr: await poster.posterQrDataUri(content.qrPayload) },
      {
        cjk: new Uint8Array(readFileSync(settings.reportCjkFont)),
        latin: await poster.posterLatinFont(),
      }
    )
    const image = new Resvg(svg, { fitTo: { mode: "zoom", value: poster.POSTER_SCALE } }).render()
    expect([image.width, image.height]).toEqual([1500, 2400])
    // `pixels` copies the whole bitmap on every read: read it once.
    const pixels = image.pixels
    const { modules } = QRCode.create(content.qrPayload, { errorCorrectionLevel: "M" })
    const pixel = (poster.POSTER_QR.size * poster.POSTER_SCALE) / modules.size
    const dark = (row: number, col: number) => {
      const x = Math.floor(poster.POSTER_QR.x * poster.POSTER_SCALE + (col + 0.5) * pixel)
      const y = Math.floor(poster.POSTER_QR.y * poster.POSTER_SCALE + (row + 0.5) * pixel)
      const i = (y * 1500 + x) * 4
      return pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 128
    }
    const mismatches: string[] = []
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (dark(row, col) !== Boolean(modules.get(row, col))) mismatches.push(`${row},${col}`)
      }
    }
    expect(mismatches).toEqual([])
  }, 60_000)

  it("answers a PNG of 1500 × 2400 for a signed-in member, as an attachment when downloading", async () => {
    const response = await get("?product=tumor-risk-gene-test&download=1")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("image/png")
    // The price as drawn, the same text 分销中心 shows the poster with (posterPrice).
    expect(decodeURIComponent(response.headers.get("x-poster-price")!)).toBe("¥699.00 起")
    expect(posterPrice(product).text).toBe("¥699.00 起")
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="____-________.png"; filename*=UTF-8''${encodeURIComponent("分享海报-肿瘤易感基因检测.png")}`
    )
    const png = Buffer.from(await response.arrayBuffer())
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1500, 2400])
    expect(getProduct).toHaveBeenCalledWith("tumor-risk-gene-test", "reg_cn")
    expect(global.fetch).toHaveBeenCalledWith(product.thumbnail, expect.anything())

    const inline = await get("?product=tumor-risk-gene-test")
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/)
  }, 60_000)

  it("prints the price of now after a change and its reversal, never under another price's URL", async () => {
    const priced = (fen: number) => ({
      ...product,
      variants: [{ id: "v1", calculated_price: { calculated_amount: fen / 100 } }],
    })
    const printed = (response: Response) =>
      decodeURIComponent(response.headers.get("x-poster-price") ?? "")
    // ¥1,999.00, then a price list's ¥1,499.37, then back: each poster reads the price anew.
    getProduct.mockResolvedValue(priced(199900))
    const before = await get("?product=tumor-risk-gene-test&v=199900-199900")
    expect([before.status, printed(before)]).toEqual([200, "¥1,999.00"])
    getProduct.mockResolvedValue(priced(149937))
    // A page cached before the change still asks with the old price: it is sent on to the new.
    const stale = await get("?product=tumor-risk-gene-test&v=199900-199900&download=1")
    expect(stale.status).toBe(307)
    expect(stale.headers.get("cache-control")).toBe("no-store")
    expect(stale.headers.get("location")).toBe(
      "/api/affiliate/poster?product=tumor-risk-gene-test&v=149937-149937&download=1"
    )
    const during = await get("?product=tumor-risk-gene-test&v=149937-149937")
    expect([during.status, printed(during)]).toEqual([200, "¥1,499.37"])
    getProduct.mockResolvedValue(priced(199900))
    const outdated = await get("?product=tumor-risk-gene-test&v=149937-149937")
    expect(outdated.headers.get("location")).toBe(
      "/api/affiliate/poster?product=tumor-risk-gene-test&v=199900-199900"
    )
    const after = await get("?product=tumor-risk-gene-test&v=199900-199900")
    expect([after.status, printed(after)]).toEqual([200, "¥1,999.00"])
    expect(after.headers.get("cache-control")).toBe("private, no-store")
  }, 60_000)

  it("refuses in Chinese: no product, signed out, unknown product, disabled member", async () => {
    const noProduct = await get("")
    expect(noProduct.status).toBe(400)
    expect(await noProduct.text()).toContain("请选择要生成海报的商品。")

    token = undefined
    const signedOut = await get("?product=tumor-risk-gene-test")
    expect(signedOut.status).toBe(401)
    expect(await signedOut.text()).toContain("请先登录，再生成您的分享海报。")

    token = "tok"
    getProduct.mockResolvedValueOnce(null)
    const unknown = await get("?product=gone")
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain("没有找到这件商品，它可能已下架。")

    affiliateMe.mockResolvedValueOnce({ code: "ABC2345", link: "x", status: "disabled" })
    const disabled = await get("?product=tumor-risk-gene-test")
    expect(disabled.status).toBe(403)
    expect(await disabled.text()).toContain("您的分销资格已停用")
  })

  it("answers 503 in Chinese when the server has no CJK font, and draws without the picture", async () => {
    const installed = settings.reportCjkFont
    settings.reportCjkFont = "/nonexistent/font.ttf"
    const logged = jest.spyOn(console, "error").mockImplementation(() => {})
    try {
      const response = await get("?product=tumor-risk-gene-test")
      expect(response.status).toBe(503)
      expect(await response.text()).toContain("服务器尚未安装中文字体")
      expect(logged).toHaveBeenCalledWith(
        "[share poster]",
        expect.stringContaining("/nonexistent/font.ttf")
      )
    } finally {
      settings.reportCjkFont = installed
      logged.mockRestore()
    }
    global.fetch = jest.fn(async () => new Response("", { status: 404 })) as typeof fetch
    const withoutPicture = await get("?product=tumor-risk-gene-test")
    expect(withoutPicture.status).toBe(200)
  }, 60_000)
})
