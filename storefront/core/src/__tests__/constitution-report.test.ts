import {
  CONSTITUTION_CODES,
  type ConstitutionCode,
  type ConstitutionScores,
  type ConstitutionVerdict,
  type ConstitutionVerdicts,
} from "@health/contracts"
import { radarGeometry, radarPoint } from "../constitution/radar-chart"
import { primaryTitle, reportView, VERDICT_WORDS } from "../constitution/report-view"
import { articlesForTypes, productsForTypes } from "../constitution/recommendations"
import { constitutionTrend, sparklinePoints } from "../constitution/trend"

const result = (
  scores: Partial<ConstitutionScores>,
  verdicts: Partial<ConstitutionVerdicts>,
  primary: ConstitutionCode
) => ({
  scores: Object.fromEntries(
    CONSTITUTION_CODES.map((c) => [c, scores[c] ?? 10])
  ) as ConstitutionScores,
  verdicts: Object.fromEntries(
    CONSTITUTION_CODES.map((c) => [c, verdicts[c] ?? ("否" as ConstitutionVerdict)])
  ) as ConstitutionVerdicts,
  primary,
})

describe("report view", () => {
  it("a balanced person: 平和质 in plain words, nothing else applies", () => {
    const view = reportView(result({ pinghe: 75 }, { pinghe: "是" }, "pinghe"))
    expect(view.headline).toBe("您的体质是平和质，阴阳气血调和，请继续保持良好的生活习惯。")
    expect(view.title).toBe("平和质")
    expect(view.applied).toEqual(["pinghe"])
    expect(view.rows[0]).toMatchObject({
      name: "平和质",
      scoreText: "75.0",
      verdictWord: "符合",
      applies: true,
    })
  })

  it("基本是平和质 with a tendency names the tendency", () => {
    const view = reportView(
      result({ pinghe: 62.5, yinxu: 34.38 }, { pinghe: "基本是", yinxu: "倾向是" }, "pinghe")
    )
    expect(view.headline).toBe("您的体质基本是平和质，有阴虚质倾向。")
    expect(view.applied).toEqual(["pinghe", "yinxu"])
  })

  it("a primary 偏颇 type with another 是 and tendencies, ordered by score", () => {
    const view = reportView(
      result(
        { qixu: 75, yangxu: 42.86, tanshi: 31.25, qiyu: 35.71, pinghe: 40 },
        { qixu: "是", yangxu: "是", tanshi: "倾向是", qiyu: "倾向是" },
        "qixu"
      )
    )
    expect(view.headline).toBe("您的体质以气虚质为主，兼有阳虚质，有气郁质、痰湿质倾向。")
    expect(view.title).toBe("气虚质")
    expect(view.applied).toEqual(["qixu", "yangxu", "qiyu", "tanshi"])
    expect(view.rows.map((r) => r.code)).toEqual([...CONSTITUTION_CODES])
    expect(view.rows.find((r) => r.code === "tanshi")!.verdictWord).toBe("有倾向")
  })

  it("only tendencies: the highest leads, with the others", () => {
    const view = reportView(
      result({ shire: 37.5, tebing: 32.14 }, { shire: "倾向是", tebing: "倾向是" }, "shire")
    )
    expect(view.headline).toBe("您的体质有湿热质、特禀质倾向。")
    // Only a tendency: the title does not call the person 湿热质.
    expect(view.title).toBe("湿热质倾向")
    expect(view.applied).toEqual(["shire", "tebing"])
  })

  it("no type can be named: says so instead of a verdict, and in the title", () => {
    const view = reportView(result({ pinghe: 50, xueyu: 25 }, {}, "xueyu"))
    expect(view.headline).toBe(
      "您的各项偏颇体质得分都未达到判定标准，平和质得分也未达到 60 分，得分相对最高的是血瘀质，建议注意调养、定期复测。"
    )
    expect(view.applied).toEqual([])
    expect(view.primary).toEqual({ code: "xueyu", name: "血瘀质", verdict: "否" })
    expect(view.title).toBe("未见明显偏颇体质")
  })

  it("titles a history row the way the report is titled", () => {
    expect(primaryTitle({ primary: "qixu", verdicts: { qixu: "是" } })).toBe("气虚质")
    expect(primaryTitle({ primary: "pinghe", verdicts: { pinghe: "基本是" } })).toBe("平和质")
    expect(primaryTitle({ primary: "tebing", verdicts: { tebing: "倾向是" } })).toBe("特禀质倾向")
    expect(primaryTitle({ primary: "qixu", verdicts: { pinghe: "否", qixu: "否" } })).toBe(
      "未见明显偏颇体质"
    )
  })

  it("has a word for every verdict", () => {
    expect(VERDICT_WORDS).toEqual({
      是: "符合",
      基本是: "基本符合",
      倾向是: "有倾向",
      否: "不符合",
    })
  })
})

describe("radar chart geometry", () => {
  it("puts axis 0 straight up and the others clockwise, scaled by value", () => {
    const center = { x: 100, y: 100 }
    expect(radarPoint(0, 4, 100, 100, center, 50)).toEqual({ x: 100, y: 50 })
    expect(radarPoint(1, 4, 100, 100, center, 50)).toEqual({ x: 150, y: 100 })
    expect(radarPoint(2, 4, 50, 100, center, 50)).toEqual({ x: 100, y: 125 })
    // Out-of-range and missing values stay on the chart.
    expect(radarPoint(3, 4, 140, 100, center, 50)).toEqual({ x: 50, y: 100 })
    expect(radarPoint(3, 4, NaN, 100, center, 50)).toEqual(center)
  })

  it("draws 9 axes, rings and the shape as SVG points", () => {
    const geometry = radarGeometry({
      values: [75, 0, 0, 0, 0, 0, 0, 0, 100],
      size: 300,
      padding: 50,
    })
    expect(geometry.radius).toBe(100)
    expect(geometry.spokes).toHaveLength(9)
    expect(geometry.rings.map((r) => r.value)).toEqual([20, 40, 60, 80, 100])
    expect(geometry.rings[4].points.split(" ")).toHaveLength(9)
    expect(geometry.vertices[0]).toEqual({ x: 150, y: 75 })
    expect(geometry.vertices[1]).toEqual({ x: 150, y: 150 })
    expect(geometry.shape.startsWith("150,75 150,150")).toBe(true)
    expect(geometry.labels[0].anchor).toBe("middle")
    expect(geometry.labels[1].anchor).toBe("start")
    expect(geometry.labels[8].anchor).toBe("end")
  })

  it("refuses fewer than three axes", () => {
    expect(() => radarGeometry({ values: [1, 2] })).toThrow()
  })
})

describe("trend over history", () => {
  const at = (date: string, qixu: number, pinghe: number) => ({
    created_at: date,
    ...result(
      { qixu, pinghe },
      { qixu: qixu >= 40 ? "是" : "否", pinghe: pinghe >= 60 ? "是" : "否" },
      "qixu"
    ),
  })

  it("orders results oldest first and says which way each type moved and whether that is good", () => {
    const trend = constitutionTrend([
      at("2026-11-01T00:00:00Z", 50, 40),
      at("2026-12-01T00:00:00Z", 37.5, 62.5),
      at("2026-10-01T00:00:00Z", 60, 30),
    ])
    expect(trend.dates[0]).toBe("2026-10-01T00:00:00Z")
    const qixu = trend.types.find((t) => t.code === "qixu")!
    expect(qixu).toMatchObject({
      series: [60, 50, 37.5],
      latest: 37.5,
      previous: 50,
      change: -12.5,
      direction: "down",
      better: true,
    })
    const pinghe = trend.types.find((t) => t.code === "pinghe")!
    expect(pinghe).toMatchObject({ direction: "up", better: true, latestVerdict: "是" })
    expect(trend.types.find((t) => t.code === "yinxu")).toMatchObject({
      direction: "same",
      better: null,
    })
  })

  it("has no direction with a single result and nothing with none", () => {
    const single = constitutionTrend([at("2026-12-01T00:00:00Z", 50, 40)])
    expect(single.types[0]).toMatchObject({ previous: null, change: null, direction: null })
    expect(constitutionTrend([]).types).toEqual([])
  })

  it("draws a sparkline in its box", () => {
    expect(sparklinePoints([0, 50, 100], 100, 20)).toBe("0,20 50,10 100,0")
    expect(sparklinePoints([40], 100, 20)).toBe("50,12")
    expect(sparklinePoints([], 100, 20)).toBe("")
  })
})

describe("recommendations by tag", () => {
  const products = [
    { id: "p1", tags: [{ value: "热销" }] },
    { id: "p2", tags: [{ value: "气虚质" }, { value: "痰湿质" }] },
    { id: "p3", tags: [{ value: "tanshi" }] },
    { id: "p4", tags: null },
  ]

  it("finds products tagged with an applied type's name or code, each once, in the types' order", () => {
    expect(productsForTypes(products, ["tanshi", "qixu"]).map((p) => p.id)).toEqual(["p2", "p3"])
    expect(productsForTypes(products, ["qixu"]).map((p) => p.id)).toEqual(["p2"])
    expect(productsForTypes(products, [])).toEqual([])
    expect(productsForTypes(products, ["tanshi"], 1)).toHaveLength(1)
  })

  it("merges the articles of each applied type without repeats", () => {
    const a = { documentId: "a" }
    const b = { documentId: "b" }
    expect(articlesForTypes({ qixu: [a, b], yangxu: [b] }, ["yangxu", "qixu"])).toEqual([b, a])
    expect(articlesForTypes({ qixu: [a] }, ["tebing"])).toEqual([])
  })
})
