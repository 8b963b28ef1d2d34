import type { PlacedOrder } from "@health/core"
import { render, screen } from "@testing-library/react"
import { OrderLines } from "@/components/order/order-lines"

const order = (items: PlacedOrder["items"]): PlacedOrder => ({
  id: "order_1",
  display_id: 7,
  email: "buyer@example.com",
  total: 1197,
  item_total: 1197,
  shipping_total: 0,
  status: "pending",
  payment_status: "authorized",
  created_at: "2026-12-02T04:00:00.000Z",
  items,
  shipping_address: null,
})

describe("OrderLines", () => {
  it("says which 采样方式 each line uses, and nothing for lines from before", () => {
    render(
      <OrderLines
        totalLabel="合计"
        order={order([
          {
            id: "ordli_1",
            title: "运动基因检测",
            quantity: 2,
            total: 798,
            metadata: { test_method: "mail_in" },
          },
          {
            id: "ordli_2",
            title: "药物代谢基因检测",
            quantity: 1,
            total: 399,
            metadata: {
              test_method: "on_site",
              collection: {
                site_id: "site-1",
                site_name: "岳阳楼区采集点",
                date: "2026-12-03",
                slot: "10:00-11:00",
              },
            },
          },
          { id: "ordli_3", title: "营养代谢基因检测", quantity: 1, total: 0, metadata: null },
        ])}
      />
    )
    expect(screen.getAllByTestId("line-test-method").map((el) => el.textContent)).toEqual([
      "采样方式：寄送采样盒",
      "采样方式：采集点现场采集 · 岳阳楼区采集点 · 12月3日 周四 10:00-11:00",
    ])
  })
})
