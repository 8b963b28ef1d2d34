import { render, screen } from "@testing-library/react"
import { EarningsChart } from "@/components/affiliate/earnings-chart"

describe("EarningsChart", () => {
  it("draws one bar per month, labelled in yuan above the bar it belongs to", () => {
    const { container } = render(
      <EarningsChart
        months={[
          { month: "2026-10", label: "10月", amount: 0 },
          { month: "2026-11", label: "11月", amount: 159.92 },
        ]}
      />
    )
    const groups = container.querySelectorAll("svg g")
    expect(groups).toHaveLength(2)
    const [october, november] = Array.from(groups)
    expect(Number(october.querySelector("rect")!.getAttribute("height"))).toBe(0)
    expect(Number(november.querySelector("rect")!.getAttribute("height"))).toBeGreaterThan(100)
    // The empty month has no amount label; the other carries its own amount and month.
    expect(Array.from(october.querySelectorAll("text")).map((t) => t.textContent)).toEqual([
      "",
      "10月",
    ])
    expect(Array.from(november.querySelectorAll("text")).map((t) => t.textContent)).toEqual([
      "¥159.92",
      "11月",
    ])
    expect(container.querySelector("figcaption")).toBeNull()
  })

  it("says what to do when there is nothing to show", () => {
    const { container } = render(
      <EarningsChart months={[{ month: "2026-11", label: "11月", amount: 0 }]} />
    )
    expect(container.querySelector("figcaption")?.textContent).toBe(
      "近 6 个月还没有佣金，分享链接给好友试试吧。"
    )
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("近 6 个月佣金收入")
  })
})
