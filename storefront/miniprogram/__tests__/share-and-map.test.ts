import type { CollectionSite } from "@health/core"
import { shareQuery, withRef } from "../src/lib/share"
import { siteCoordinates, tencentMapUrl } from "../src/lib/site-map"
import { drawPoster, qrModules, type PosterContext } from "../src/lib/poster"

describe("share paths carry the member's referral code", () => {
  it("adds ref to a page path and a timeline query", () => {
    expect(withRef("/pages/index/index", "ABC2345")).toBe("/pages/index/index?ref=ABC2345")
    expect(withRef("/pages/product/index?handle=x", "ABC2345")).toBe(
      "/pages/product/index?handle=x&ref=ABC2345"
    )
    expect(withRef("/pages/index/index", null)).toBe("/pages/index/index")
    expect(shareQuery("handle=x", "ABC2345")).toBe("handle=x&ref=ABC2345")
    expect(shareQuery("", null)).toBe("")
  })
})

const site = (latitude: unknown, longitude: unknown) =>
  ({
    documentId: "s1",
    name: "岳阳楼区采集点",
    slug: "yy",
    city: "岳阳",
    address: "洞庭南路 1 号",
    latitude,
    longitude,
    active: true,
  }) as CollectionSite

describe("collection site map link", () => {
  it("points Tencent Maps at the site's GCJ-02 coordinates with its name and address", () => {
    const url = new URL(tencentMapUrl(site("29.3701", "113.0945"))!)
    expect(url.origin + url.pathname).toBe("https://apis.map.qq.com/uri/v1/marker")
    expect(url.searchParams.get("marker")).toBe(
      "coord:29.3701,113.0945;title:岳阳楼区采集点;addr:洞庭南路 1 号"
    )
    expect(url.searchParams.get("referer")).toBe("健康服务平台")
  })

  it("offers no map for a site without usable coordinates", () => {
    expect(tencentMapUrl(site(null, null))).toBeNull()
    expect(siteCoordinates(site("abc", "113"))).toBeNull()
    expect(siteCoordinates(site("95", "113"))).toBeNull()
  })
})

describe("share poster", () => {
  it("draws the QR code of the referral link and who invites with which code", () => {
    const texts: string[] = []
    let dark = 0
    const ctx: PosterContext = {
      fillStyle: "",
      font: "",
      textAlign: "",
      fillRect: (_x, _y, w) => {
        if (w < 40) dark++
      },
      fillText: (text) => void texts.push(text),
    }
    const modules = qrModules("http://web.test/r/ABC2345")
    drawPoster(
      ctx,
      {
        brand: "健康服务平台",
        headline: "基因检测",
        memberName: "张三",
        code: "ABC2345",
        link: "http://web.test/r/ABC2345",
      },
      modules
    )
    expect(dark).toBe(modules.flat().filter(Boolean).length)
    expect(dark).toBeGreaterThan(100)
    expect(texts).toEqual(
      expect.arrayContaining(["健康服务平台", "张三 邀请您", "长按识别二维码 · 推荐码 ABC2345"])
    )
  })
})
