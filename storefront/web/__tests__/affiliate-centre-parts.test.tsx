import { render, screen } from "@testing-library/react"
import { EarningsChart } from "@/components/affiliate/earnings-chart"

describe("EarningsChart", () => {
  it("draws one bar per month, labelled in yuan", () => {
    const { container } = render(
      <EarningsChart
        months={[
          { month: "2026-10", label: "10月", amount: 0 },
          { month: "2026-11", label: "11月", amount: 159.92 },
        ]}
      />
    )
    const bars = container.querySelectorAll("rect")
    expect(bars).toHaveLength(2)
    expect(Number(bars[0].getAttribute("height"))).toBe(0)
    expect(Number(bars[1].getAttribute("height"))).toBeGreaterThan(100)
    expect(screen.getByText("¥159.92")).toBeTruthy()
    expect(screen.getByText("11月")).toBeTruthy()
    expect(screen.queryByText(/还没有佣金/)).toBeNull()
  })

  it("says what to do when there is nothing to show", () => {
    render(<EarningsChart months={[{ month: "2026-11", label: "11月", amount: 0 }]} />)
    expect(screen.getByText(/近 6 个月还没有佣金/)).toBeTruthy()
  })
})
