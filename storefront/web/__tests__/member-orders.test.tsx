import type { MemberOrder } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { CancelOrderForm } from "@/components/order/cancel-order-form"
import { OrderRow } from "@/components/order/order-row"

const order = (payment_status: string, status = "pending"): MemberOrder => ({
  id: "order_1",
  display_id: 12,
  status,
  payment_status,
  fulfillment_status: "not_fulfilled",
  total: 699,
  currency_code: "cny",
  created_at: "2026-12-01T02:00:00Z",
  items: [{ id: "i1", title: "营养代谢基因检测", quantity: 1 }],
})

describe("OrderRow", () => {
  it("reads the order's state in one word, with the payment details for an unpaid offline order", () => {
    const { unmount } = render(<OrderRow order={order("authorized")} />)
    expect(screen.getByTestId("order-state").textContent).toBe("待付款")
    expect(screen.getByRole("link", { name: "付款说明" }).getAttribute("href")).toBe(
      "/checkout/done/order_1"
    )
    expect(screen.getByText("¥699.00")).toBeTruthy()
    unmount()

    render(<OrderRow order={order("refunded", "canceled")} />)
    expect(screen.getByTestId("order-state").textContent).toBe("已取消（已退款）")
    expect(screen.queryByRole("link", { name: "付款说明" })).toBeNull()
  })
})

describe("CancelOrderForm", () => {
  it("cancels only after the member confirms, and says the money goes back for a paid order", async () => {
    const action = jest.fn().mockResolvedValue({ done: true })
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    render(<CancelOrderForm action={action} paid confirm={confirm} />)

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "取消订单" })))
    expect(confirm).toHaveBeenCalledWith("确定取消订单吗？已支付的金额将原路退回。")
    expect(action).not.toHaveBeenCalled()

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "取消订单" })))
    expect(action).toHaveBeenCalledTimes(1)
    expect(screen.getByRole("status").textContent).toBe(
      "订单已取消，款项将原路退回，通常 1–3 个工作日到账。"
    )
  })

  it("shows the shop's refusal and keeps the button", async () => {
    const action = jest.fn().mockResolvedValue({ error: "检测盒已寄出，订单不能再取消" })
    render(<CancelOrderForm action={action} paid={false} confirm={() => true} />)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "取消订单" })))
    expect(screen.getByRole("alert").textContent).toBe("检测盒已寄出，订单不能再取消")
    expect(screen.getByRole("button", { name: "取消订单" })).toBeTruthy()
  })
})
