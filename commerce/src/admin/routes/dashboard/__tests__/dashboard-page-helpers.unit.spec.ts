import { chartOption, isEmptyBlock } from "../dashboard-charts"
import { granularityFor, lastDays, presetOf, PRESETS } from "../dashboard-period"

// 2026-03-31 17:00 UTC is already 2026-04-01 in Beijing.
const NOW = new Date("2026-03-31T17:00:00Z")

describe("dashboard period presets", () => {
  it("counts Beijing days, today included", () => {
    expect(lastDays(7, NOW)).toEqual({ from: "2026-03-26", to: "2026-04-01" })
    expect(lastDays(30, NOW)).toEqual({ from: "2026-03-03", to: "2026-04-01" })
    expect(PRESETS.map((p) => [p.label, p.period(NOW)])).toEqual([
      ["本月", { from: "2026-04-01", to: "2026-04-01" }],
      ["上月", { from: "2026-03-01", to: "2026-03-31" }],
      ["近7天", { from: "2026-03-26", to: "2026-04-01" }],
      ["近30天", { from: "2026-03-03", to: "2026-04-01" }],
    ])
  })

  it("names the preset a period is, else 自定义 (null)", () => {
    expect(presetOf({ from: "2026-03-01", to: "2026-03-31" }, NOW)).toBe("lastMonth")
    expect(presetOf({ from: "2026-03-02", to: "2026-03-31" }, NOW)).toBeNull()
  })

  it("draws days up to a quarter, weeks up to 200 days, then months", () => {
    expect(granularityFor({ from: "2026-01-01", to: "2026-04-02" })).toBe("day")
    expect(granularityFor({ from: "2026-01-01", to: "2026-04-03" })).toBe("week")
    expect(granularityFor({ from: "2026-01-01", to: "2026-12-31" })).toBe("month")
  })
})

describe("dashboard charts", () => {
  it("shows 暂无数据 for blocks with nothing to draw", () => {
    expect(isEmptyBlock("sales", [])).toBe(true)
    expect(
      isEmptyBlock("conversion", [
        { step: "visits", label: "访问", count: null },
        { step: "carts", label: "加入购物车", count: 0 },
      ])
    ).toBe(true)
    expect(
      isEmptyBlock("kits", {
        statuses: [],
        turnaround: { reports: 0, median_hours: null, p90_hours: null },
      })
    ).toBe(true)
    expect(isEmptyBlock("regions", [{ province: "湖南省", orders: 1 }])).toBe(false)
  })

  it("draws fen as yuan and leaves the step without data out of the funnel", () => {
    const sales = chartOption.sales([{ period: "2026-03-02", paid: 129900, orders: 3 }]) as any
    expect(sales.series[0].data).toEqual([1299])
    expect(sales.series[1].data).toEqual([3])
    const funnel = chartOption.conversion([
      { step: "visits", label: "访问", count: null, note: "暂无访问数据" },
      { step: "carts", label: "加入购物车", count: 5 },
    ]) as any
    expect(funnel.series[0].data).toEqual([{ name: "加入购物车", value: 5 }])
  })
})
