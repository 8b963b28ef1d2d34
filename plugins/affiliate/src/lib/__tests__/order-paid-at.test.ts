import { orderPaidAt } from "../order-paid-at"

const placed = "2026-12-01T02:00:00.000Z"
const order = (total: number, ...payments: Record<string, string | null>[]) => ({
  created_at: placed,
  total,
  payment_collections: [{ payments }],
})

describe("orderPaidAt", () => {
  it("is the capture time of a WeChat Pay order, captured when placed", () => {
    const paid = orderPaidAt(order(1999, { captured_at: "2026-12-01T02:00:01.000Z" }))
    expect(paid).toEqual(new Date("2026-12-01T02:00:01.000Z"))
  })

  it("is null for an offline order whose payment is only authorised", () => {
    expect(orderPaidAt(order(1999, { captured_at: null }))).toBeNull()
    expect(orderPaidAt(order(1999))).toBeNull()
  })

  it("waits for every live payment and takes the last capture; cancelled ones do not count", () => {
    const halfPaid = order(1999, { captured_at: "2026-12-03T08:00:00.000Z" }, { captured_at: null })
    expect(orderPaidAt(halfPaid)).toBeNull()
    const paid = order(
      1999,
      { captured_at: "2026-12-03T08:00:00.000Z" },
      { captured_at: "2026-12-02T08:00:00.000Z" },
      { captured_at: null, canceled_at: "2026-12-01T03:00:00.000Z" }
    )
    expect(orderPaidAt(paid)).toEqual(new Date("2026-12-03T08:00:00.000Z"))
  })

  it("counts an order the balance paid entirely as paid when placed", () => {
    expect(orderPaidAt({ created_at: placed, total: 0, payment_collections: [] })).toEqual(
      new Date(placed)
    )
  })
})
