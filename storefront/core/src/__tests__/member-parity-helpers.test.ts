import type { CollectionSite } from "@health/contracts"
import { distanceMetres, formatDistance, sitesByDistance } from "../appointments/nearest-sites"
import { ARCHIVE_DELETE_WORD, withdrawalQuestion } from "../health-archive/consent-withdrawal"
import { memberFeatureGaps, type MemberFeature } from "../member/member-features"
import { highlightSegments } from "../search/highlight-segments"

const site = (documentId: string, latitude: unknown, longitude: unknown) =>
  ({ documentId, name: documentId, latitude, longitude }) as unknown as CollectionSite

describe("nearest collection sites", () => {
  it("measures great-circle distance: 岳阳楼 to 长沙五一广场 is about 128 km", () => {
    const metres = distanceMetres(
      { latitude: 29.37, longitude: 113.13 },
      { latitude: 28.23, longitude: 112.94 }
    )
    expect(Math.round(metres / 1000)).toBe(128)
    expect(distanceMetres({ latitude: 29, longitude: 113 }, { latitude: 29, longitude: 113 })).toBe(
      0
    )
  })

  it("orders nearest first and keeps sites without (or with nonsense) coordinates last, in order", () => {
    const from = { latitude: 29.37, longitude: 113.13 }
    const sorted = sitesByDistance(
      [
        site("far", 28.23, 112.94),
        site("none", null, null),
        site("bad", "abc", "113"),
        site("near", "29.38", "113.10"),
        site("out-of-range", 95, 113),
      ],
      from
    )
    expect(sorted.map((s) => s.site.documentId)).toEqual([
      "near",
      "far",
      "none",
      "bad",
      "out-of-range",
    ])
    expect(sorted[2].metres).toBeNull()
  })

  it.each([
    [3, "10 米"],
    [846, "850 米"],
    [3140, "3.1 公里"],
    [128_106, "128 公里"],
  ])("says %p metres as %p", (metres, said) => {
    expect(formatDistance(metres)).toBe(said)
  })
})

describe("search highlight for clients without HTML", () => {
  it("splits the server's <mark> tags into marked pieces and unescapes the rest", () => {
    expect(
      highlightSegments({
        title: "x",
        highlight: "<mark>基因</mark>检测 &amp; 体质&lt;1&gt; <mark>岳阳</mark>",
      })
    ).toEqual([
      { text: "基因", marked: true },
      { text: "检测 & 体质<1> ", marked: false },
      { text: "岳阳", marked: true },
    ])
    expect(highlightSegments({ title: "运动<基因>" })).toEqual([
      { text: "运动<基因>", marked: false },
    ])
  })
})

describe("consent withdrawal wording", () => {
  it("says what withdrawing a storage consent means and that it must be signed again", () => {
    expect(withdrawalQuestion({ kind: "storage", kind_label: "样本保存同意" })).toBe(
      "确定撤回「样本保存同意」吗？实验室将销毁剩余样本，之后无法复检。撤回后如需恢复，须重新签署。"
    )
    expect(ARCHIVE_DELETE_WORD).toBe("删除")
  })
})

describe("member feature comparison", () => {
  const features: MemberFeature[] = [
    { id: "orders", title: "订单", web: ["/account/orders"], mini: ["packages/shop/orders/index"] },
  ]
  const gaps = [{ web: ["/privacy"] }]

  it("is clean when every web member page is declared and every mini page exists", () => {
    expect(
      memberFeatureGaps(
        ["/account/orders", "/privacy", "/doctor", "/doctor/schedule", "/escort-app/tasks/[id]"],
        ["packages/shop/orders/index"],
        features,
        gaps
      )
    ).toEqual({ undeclaredWeb: [], staleWeb: [], missingMini: [], staleGaps: [] })
  })

  it("names a web page no feature declares, a vanished web page and a missing mini page", () => {
    expect(memberFeatureGaps(["/account/coupons", "/privacy"], [], features, gaps)).toEqual({
      undeclaredWeb: ["/account/coupons"],
      staleWeb: ["/account/orders"],
      missingMini: ["orders: packages/shop/orders/index"],
      staleGaps: [],
    })
  })

  it("flags a declared gap once a feature covers it or the web page is gone", () => {
    const covering = [...features, { id: "privacy", title: "隐私", web: ["/privacy"], mini: ["p"] }]
    expect(
      memberFeatureGaps(
        ["/account/orders", "/privacy"],
        ["packages/shop/orders/index", "p"],
        covering,
        gaps
      ).staleGaps
    ).toEqual(["/privacy"])
    expect(
      memberFeatureGaps(["/account/orders"], ["packages/shop/orders/index"], features, gaps)
        .staleGaps
    ).toEqual(["/privacy"])
  })

  it("counts a feature with no mini page at all as missing", () => {
    const bare = [{ id: "coupons", title: "优惠券", web: ["/account/coupons"], mini: [] }]
    expect(memberFeatureGaps(["/account/coupons"], [], bare, []).missingMini).toEqual([
      "coupons: （没有小程序页面）",
    ])
  })
})
