import type { CollectionSite } from "@health/core"
import { shareQuery, withRef } from "../src/lib/share"
import { siteCoordinates, tencentMapUrl } from "../src/lib/site-map"

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
