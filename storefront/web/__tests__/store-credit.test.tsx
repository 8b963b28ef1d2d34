import { fireEvent, render, screen } from "@testing-library/react"
import { StoreCreditField } from "@/components/checkout/store-credit-field"

describe("StoreCreditField", () => {
  it("offers the balance, suggests what fits the order, and says when nothing is left to pay", () => {
    render(<StoreCreditField available={120} orderTotal={399} />)
    expect(screen.getByTestId("store-credit").querySelector("label")?.textContent).toBe(
      " 使用余额抵扣 （可用 ¥120.00）"
    )
    expect(screen.queryByLabelText("抵扣金额（元）")).toBeNull()

    fireEvent.click(screen.getByRole("checkbox"))
    const amount = screen.getByLabelText("抵扣金额（元）") as HTMLInputElement
    expect(amount.value).toBe("120.00")
    expect(screen.getByRole("group").querySelector(".hint")?.textContent).toBe(
      "其余金额用下方选择的方式支付。订单取消后，抵扣金额退回余额。"
    )

    fireEvent.change(amount, { target: { value: "399" } })
    expect(screen.getByRole("group").querySelector(".hint")?.textContent).toBe(
      "余额足以支付全部金额，提交后无需再支付。"
    )
  })

  it("keeps what the member typed after a refused submit", () => {
    render(
      <StoreCreditField available={500} orderTotal={399} defaults={{ use: true, amount: "50" }} />
    )
    expect((screen.getByLabelText("抵扣金额（元）") as HTMLInputElement).value).toBe("50")
  })
})
