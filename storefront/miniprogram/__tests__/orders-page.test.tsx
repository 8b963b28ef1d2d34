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

  describe("修改检测方式/改约", () => {
    const sites = [
      {
        documentId: "site-1",
        name: "岳阳楼区采集点",
        slug: "yueyanglou",
        city: "岳阳市",
        district: "岳阳楼区",
        address: "洞庭南路 1 号",
        active: true,
      },
    ]
    const availability = {
      site: {
        id: "site-1",
        name: "岳阳楼区采集点",
        address: "岳阳市 岳阳楼区 洞庭南路 1 号",
        phone: null,
        hours: null,
        capacity_per_slot: 2,
      },
      slots: ["09:00-10:00", "10:00-11:00"],
      max_days_ahead: 30,
      days: [
        {
          date: "2026-12-10",
          slots: [
            { slot: "09:00-10:00", capacity: 2, remaining: 0, bookable: false },
            { slot: "10:00-11:00", capacity: 2, remaining: 1, bookable: true },
          ],
        },
      ],
    }
    const methods = (allowed = true) => ({
      test_methods: {
        lines: [
          {
            line_item_id: "ordli_1",
            title: "营养代谢基因检测",
            quantity: 1,
            method: "mail_in",
            collection: null,
          },
        ],
        appointments: [],
        change: allowed
          ? { allowed: true, reason: null }
          : { allowed: false, reason: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" },
      },
    })
    const backend = (
      change: (body: unknown) => { status?: number; body: unknown },
      allowed = true
    ) =>
      fakeBackend({
        "GET /store/customers/me/orders": { orders: [view], count: 1, limit: 20, offset: 0 },
        "GET /store/orders/order_1/business": {
          order: {
            ...view,
            edit: { allowed, reason: null },
            cancellation: { allowed, reason: null },
          },
        },
        "GET /store/orders/order_1/test-method": methods(allowed),
        "GET /api/collection-sites": { data: sites, meta: {} },
        "GET /store/appointments/availability": availability,
        "POST /store/orders/order_1/test-method": ({ body }: { body: unknown }) => change(body),
      })

    it("switches a mailed kit to on-site collection at a picked site and slot", async () => {
      const sent: unknown[] = []
      backend((body) => {
        sent.push(body)
        return { body: { test_method: { method: "on_site" } } }
      })
      render(<Orders />)
      fireEvent.click(await screen.findByTestId("order"))
      expect((await screen.findByTestId("test-method")).textContent).toBe(
        "营养代谢基因检测：寄送采样盒"
      )
      expect(screen.getByText("修改采样方式不改变订单金额，不补差价也不退款。")).toBeTruthy()
      fireEvent.click(screen.getByText("修改检测方式"))
      fireEvent.click(await screen.findByTestId("collection-site"))
      const slots = await screen.findAllByTestId("collection-slot")
      expect(slots.map((s) => s.getAttribute("data-bookable"))).toEqual(["no", "yes"])
      fireEvent.click(slots[1])
      fireEvent.click(screen.getByText("改为现场采集"))
      await waitFor(() => expect(sent).toHaveLength(1))
      expect(sent[0]).toEqual({
        line_item_id: "ordli_1",
        method: "on_site",
        collection: { site_id: "site-1", date: "2026-12-10", slot: "10:00-11:00" },
      })
      await waitFor(() => expect(stand.toasts).toContain("采样方式已修改"))
    })

    it("shows commerce's refusal when the last place went meanwhile, and why it is closed after shipping", async () => {
      backend(() => ({
        status: 409,
        body: { message: "12月10日 周四 10:00-11:00 已约满，请选择其他时段或日期" },
      }))
      const { unmount } = render(<Orders />)
      fireEvent.click(await screen.findByTestId("order"))
      fireEvent.click(await screen.findByText("修改检测方式"))
      fireEvent.click(await screen.findByTestId("collection-site"))
      fireEvent.click((await screen.findAllByTestId("collection-slot"))[1])
      fireEvent.click(screen.getByText("改为现场采集"))
      expect((await screen.findByTestId("test-method-error")).textContent).toBe(
        "12月10日 周四 10:00-11:00 已约满，请选择其他时段或日期"
      )
      unmount()

      backend(() => ({ body: {} }), false)
      render(<Orders />)
      fireEvent.click(await screen.findByTestId("order"))
      expect((await screen.findByTestId("test-method-reason")).textContent).toBe(
        "不能再修改采样方式：检测盒已寄出，订单不能再修改；如需帮助请联系客服"
      )
      expect(screen.queryByText("修改检测方式")).toBeNull()
    })
  })
})
