import {
  memberCancellationRefusal,
  memberOrderChangeRefusal,
  type OrderCancellationFacts,
} from "../member-cancellation"

const fresh: OrderCancellationFacts = {
  status: "pending",
  fulfillments: [],
  kit_statuses: ["ordered", "ordered"],
  appointment_statuses: [],
}

describe("memberCancellationRefusal", () => {
  it("lets a member cancel a placed order whose kits are all still in the warehouse", () => {
    expect(memberCancellationRefusal(fresh)).toBeNull()
    // A booked but not yet attended collection appointment is cancelled with the order.
    expect(memberCancellationRefusal({ ...fresh, appointment_statuses: ["confirmed"] })).toBeNull()
    // A fulfillment that was itself cancelled does not count as shipped.
    expect(
      memberCancellationRefusal({ ...fresh, fulfillments: [{ canceled_at: "2026-12-01" }] })
    ).toBeNull()
  })

  it.each<[Partial<OrderCancellationFacts>, string]>([
    [{ status: "canceled" }, "订单已取消"],
    [{ status: "completed" }, "订单已完成，不能取消；如需退款请联系客服"],
    [{ status: "archived" }, "订单当前不能取消；如需退款请联系客服"],
    [{ fulfillments: [{ canceled_at: null }] }, "订单已发货，不能取消；如需退款请联系客服"],
    [{ kit_statuses: ["ordered", "shipped"] }, "检测盒已寄出，订单不能再取消；如需退款请联系客服"],
    [{ kit_statuses: ["activated"] }, "检测盒已激活，订单不能再取消；如需退款请联系客服"],
    [
      { appointment_statuses: ["cancelled", "completed"] },
      "已完成现场采样，订单不能再取消；如需退款请联系客服",
    ],
  ])("refuses %j", (change, reason) => {
    expect(memberCancellationRefusal({ ...fresh, ...change })).toBe(reason)
  })
})

describe("memberOrderChangeRefusal", () => {
  it("lets a member edit the same orders they may cancel", () => {
    expect(memberOrderChangeRefusal(fresh, "edit")).toBeNull()
  })

  it("says why an edit is no longer possible, with the edit's own wording", () => {
    expect(memberOrderChangeRefusal({ ...fresh, kit_statuses: ["shipped"] }, "edit")).toBe(
      "检测盒已寄出，订单不能再修改；如需帮助请联系客服"
    )
    expect(memberOrderChangeRefusal({ ...fresh, status: "completed" }, "edit")).toBe(
      "订单已完成，不能修改；如需帮助请联系客服"
    )
  })
})
