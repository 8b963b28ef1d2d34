import type { OrderBusinessView } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { CancelOrderForm } from "@/components/order/cancel-order-form"
import { ChangeAddressForm } from "@/components/order/change-address-form"
import { OrderRow } from "@/components/order/order-row"

const order = (changes: Partial<OrderBusinessView> = {}): OrderBusinessView => ({
  id: "order_1",
  display_id: 12,
  status: "pending",
  business_state: "unpaid",
  business_state_label: "待付款",
  payment_status: "authorized",
  payment_status_label: "待确认收款",
  payment_offline: true,
  usage_state: "unused",
  usage_label: "未使用",
  kit_count: 1,
  used_kit_count: 0,
  total_fen: 69900,
  currency_code: "cny",
  created_at: "2026-12-01T02:00:00Z",
  items: [{ title: "营养代谢基因检测", quantity: 1 }],
  ...changes,
})

describe("OrderRow", () => {
  it("reads the order's state in one word and its usage, with the payment details for an unpaid offline order", () => {
    const { unmount } = render(<OrderRow order={order()} />)
    expect(screen.getByTestId("order-state").textContent).toBe("待付款")
    expect(screen.getByTestId("order-usage").textContent).toBe("未使用")
    expect(screen.getByRole("link", { name: "付款说明" }).getAttribute("href")).toBe(
      "/checkout/done/order_1"
    )
    expect(screen.getByText("¥699.00")).toBeTruthy()
    unmount()

    render(
      <OrderRow
        order={order({
          status: "canceled",
          business_state: "canceled",
          business_state_label: "已取消",
        })}
      />
    )
    expect(screen.getByTestId("order-state").textContent).toBe("已取消")
    expect(screen.queryByTestId("order-usage")).toBeNull()
    expect(screen.queryByRole("link", { name: "付款说明" })).toBeNull()
  })
})

describe("ChangeAddressForm", () => {
  const address = {
    name: "王小明",
    phone: "13800000001",
    province: "湖南省",
    city: "岳阳市",
    district: "岳阳楼区",
    street: "巴陵中路 88 号",
  }

  it("opens on 修改收货地址 and saves only after the member confirms", async () => {
    const action = jest.fn().mockResolvedValue({ done: true })
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    render(<ChangeAddressForm action={action} address={address} confirm={confirm} />)
    fireEvent.click(screen.getByRole("button", { name: "修改收货地址" }))
    expect((screen.getByLabelText("详细地址") as HTMLInputElement).value).toBe("巴陵中路 88 号")

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存新地址" })))
    expect(confirm).toHaveBeenCalledWith("确定把检测盒寄往新地址吗？")
    expect(action).not.toHaveBeenCalled()

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存新地址" })))
    expect(action).toHaveBeenCalledTimes(1)
    expect(screen.getByRole("status").textContent).toBe("收货地址已修改，检测盒将寄往新地址。")
  })

  it("shows the shop's refusal (the kit shipped meanwhile) and keeps the form", async () => {
    const action = jest
      .fn()
      .mockResolvedValue({ error: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" })
    render(<ChangeAddressForm action={action} address={address} confirm={() => true} />)
    fireEvent.click(screen.getByRole("button", { name: "修改收货地址" }))
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存新地址" })))
    expect(screen.getByRole("alert").textContent).toBe(
      "检测盒已寄出，订单不能再修改；如需帮助请联系客服"
    )
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
