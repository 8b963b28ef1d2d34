import {
  orderAutoCompleteDays,
  orderCompletionDue,
  type OrderCompletionFacts,
} from "../order-completion"

const now = new Date("2026-12-10T00:00:00Z")
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000)

const paid: OrderCompletionFacts = {
  status: "pending",
  paid: true,
  kits: [{ status: "delivered", report_ready_at: daysAgo(1) }],
  delivered: false,
}

describe("orderCompletionDue", () => {
  it("completes a paid order once every live kit's report was viewed", () => {
    expect(orderCompletionDue(paid, now, 7)).toBe(true)
    const withCancelled = {
      ...paid,
      kits: [...paid.kits, { status: "cancelled" as const, report_ready_at: null }],
    }
    expect(orderCompletionDue(withCancelled, now, 7)).toBe(true)
  })

  it("completes an unviewed report only `days` after it came out", () => {
    const unviewed = {
      ...paid,
      kits: [{ status: "report_ready" as const, report_ready_at: daysAgo(6) }],
    }
    expect(orderCompletionDue(unviewed, now, 7)).toBe(false)
    expect(orderCompletionDue(unviewed, now, 6)).toBe(true)
  })

  it("waits while any kit is still at the lab, and never completes unpaid or closed orders", () => {
    const atLab = {
      ...paid,
      kits: [...paid.kits, { status: "testing" as const, report_ready_at: null }],
    }
    expect(orderCompletionDue(atLab, now, 0)).toBe(false)
    expect(orderCompletionDue({ ...paid, paid: false }, now, 7)).toBe(false)
    expect(orderCompletionDue({ ...paid, status: "canceled" }, now, 7)).toBe(false)
    expect(orderCompletionDue({ ...paid, status: "completed" }, now, 7)).toBe(false)
    const allCancelled = {
      ...paid,
      kits: [{ status: "cancelled" as const, report_ready_at: null }],
    }
    expect(orderCompletionDue(allCancelled, now, 7)).toBe(false)
  })

  it("completes an order without kits when its goods were delivered", () => {
    expect(orderCompletionDue({ ...paid, kits: [], delivered: false }, now, 7)).toBe(false)
    expect(orderCompletionDue({ ...paid, kits: [], delivered: true }, now, 7)).toBe(true)
  })
})

describe("orderAutoCompleteDays", () => {
  it("reads ORDER_AUTO_COMPLETE_DAYS, 7 when unset or not a number", () => {
    expect(orderAutoCompleteDays({})).toBe(7)
    expect(orderAutoCompleteDays({ ORDER_AUTO_COMPLETE_DAYS: "14" })).toBe(14)
    expect(orderAutoCompleteDays({ ORDER_AUTO_COMPLETE_DAYS: "0" })).toBe(0)
    expect(orderAutoCompleteDays({ ORDER_AUTO_COMPLETE_DAYS: "soon" })).toBe(7)
    expect(orderAutoCompleteDays({ ORDER_AUTO_COMPLETE_DAYS: "-1" })).toBe(7)
  })
})
