import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Orders from "../src/packages/shop/orders/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  session.setToken("tok_member")
})

const view = {
  id: "order_1",
  display_id: 12,
  status: "pending",
  business_state: "paid",
  business_state_label: "已付款",
  payment_status: "captured",
  payment_status_label: "已收款",
  payment_offline: false,
  usage_state: "unused",
  usage_label: "未使用",
  kit_count: 1,
  used_kit_count: 0,
  total_fen: 69900,
  currency_code: "cny",
  created_at: "2026-12-01T02:00:00Z",
  items: [{ title: "营养代谢基因检测", quantity: 1 }],
}

describe("我的订单", () => {
  it("filters by status and usage through commerce, and shows both on each order", async () => {
    const asked: string[] = []
    fakeBackend({
      "GET /store/customers/me/orders": ({ url }: { url: URL }) => {
        asked.push(url.search)
        return { body: { orders: [view], count: 1, limit: 20, offset: 0 } }
      },
    })
    render(<Orders />)
    expect((await screen.findByTestId("order-state")).textContent).toBe("已付款 · 未使用")
    expect(screen.getByText("¥699.00")).toBeTruthy()
    fireEvent.click(screen.getByText("已使用"))
    await waitFor(() => expect(asked).toContain("?usage=used&limit=20&offset=0"))
    fireEvent.click(screen.getByText("已完成"))
    await waitFor(() => expect(asked).toContain("?state=completed&usage=used&limit=20&offset=0"))
  })

  it("cancels after the member confirms, and says why 修改 is gone once the kit shipped", async () => {
    fakeBackend({
      "GET /store/customers/me/orders": { orders: [view], count: 1, limit: 20, offset: 0 },
      "GET /store/orders/order_1/business": {
        order: {
          ...view,
          edit: { allowed: false, reason: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" },
          cancellation: { allowed: true, reason: null },
        },
      },
      "POST /store/orders/order_1/cancel": refuse(409, "订单已取消"),
    })
    render(<Orders />)
    fireEvent.click(await screen.findByTestId("order"))
    expect((await screen.findByTestId("order-edit-reason")).textContent).toBe(
      "检测盒已寄出，订单不能再修改；如需帮助请联系客服"
    )
    fireEvent.click(screen.getByText("取消订单"))
    expect((await screen.findByTestId("order-problem")).textContent).toBe("订单已取消")
    expect(calls()).toContain("POST /store/orders/order_1/cancel")
  })

  it("changes the address to one from the member's WeChat address list", async () => {
    const sent: unknown[] = []
    stand.chosenAddress = {
      userName: "李小红",
      telNumber: "13900002222",
      provinceName: "湖南省",
      cityName: "岳阳市",
      countyName: "岳阳楼区",
      detailInfo: "南湖大道 6 号",
    }
    fakeBackend({
      "GET /store/customers/me/orders": { orders: [view], count: 1, limit: 20, offset: 0 },
      "GET /store/orders/order_1/business": {
        order: {
          ...view,
          edit: { allowed: true, reason: null },
          cancellation: { allowed: true, reason: null },
        },
      },
      "POST /store/orders/order_1/shipping-address": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { body: { order: { id: "order_1" } } }
      },
    })
    render(<Orders />)
    fireEvent.click(await screen.findByTestId("order"))
    fireEvent.click(await screen.findByText("修改收货地址"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toEqual({
      first_name: "小红",
      last_name: "李",
      phone: "13900002222",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      street: "南湖大道 6 号",
    })
    await waitFor(() => expect(stand.toasts).toContain("收货地址已修改"))
  })
})
