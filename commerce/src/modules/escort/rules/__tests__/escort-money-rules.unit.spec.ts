import {
  DEFAULT_ESCORT_CANCELLATION_POLICY,
  escortCancellation,
  escortServiceStart,
} from "../escort-cancellation"
import { escortPrice, type EscortServicePricing } from "../escort-price"

const halfDay: EscortServicePricing = {
  base_fen: 19900,
  duration_hours: 4,
  extra_hour_fen: 5000,
  extras: [
    { code: "wheelchair", label: "轮椅协助", price_fen: 3000 },
    { code: "dialect", label: "方言陪同", price_fen: 2000 },
  ],
}

describe("escort price rule", () => {
  it("charges the base price for a window within the service's hours", () => {
    expect(escortPrice(halfDay, { start: "08:00", end: "12:00", extras: [] })).toMatchObject({
      price_fen: 19900,
      extra_hours: 0,
    })
    expect(escortPrice(halfDay, { start: "09:00", end: "10:30", extras: [] })).toMatchObject({
      price_fen: 19900,
    })
  })

  it("adds whole extra hours (a started hour counts) and each extra once", () => {
    const price = escortPrice(halfDay, {
      start: "08:00",
      end: "13:10",
      extras: ["wheelchair", "dialect", "wheelchair"],
    })
    expect(price).toEqual({
      price_fen: 19900 + 2 * 5000 + 3000 + 2000,
      base_fen: 19900,
      extra_hours: 2,
      extra_hours_fen: 10000,
      extras: halfDay.extras,
    })
  })

  it("refuses an extra the service does not offer, in Chinese", () => {
    expect(escortPrice(halfDay, { start: "08:00", end: "12:00", extras: ["massage"] })).toEqual({
      refusal: "该服务不提供附加项「massage」",
    })
  })
})

describe("escort cancellation rule", () => {
  const starts_at = escortServiceStart("2026-12-20", "08:00")
  const hoursBefore = (h: number) => new Date(starts_at.getTime() - h * 3_600_000)
  const paid = { status: "awaiting_escort" as const, price_fen: 19999, starts_at }

  it("reads the start in Beijing time", () => {
    expect(starts_at.toISOString()).toBe("2026-12-20T00:00:00.000Z")
  })

  it("refunds in full 24 hours or more before the start", () => {
    expect(escortCancellation(paid, hoursBefore(24))).toMatchObject({
      band: "free",
      refund_fen: 19999,
      fee_fen: 0,
    })
  })

  it("keeps a 20% fee (rounded down, integer fen) between 2 and 24 hours", () => {
    expect(escortCancellation(paid, hoursBefore(23.9))).toMatchObject({
      band: "fee",
      fee_fen: 3999,
      refund_fen: 16000,
    })
    expect(escortCancellation({ ...paid, status: "accepted" }, hoursBefore(2))).toMatchObject({
      band: "fee",
    })
  })

  it("refunds nothing under 2 hours, after the start, or once the escort has set out", () => {
    expect(escortCancellation(paid, hoursBefore(1.99))).toMatchObject({
      band: "none",
      refund_fen: 0,
    })
    expect(escortCancellation(paid, hoursBefore(-1))).toMatchObject({ band: "none", refund_fen: 0 })
    expect(escortCancellation({ ...paid, status: "departed" }, hoursBefore(48))).toMatchObject({
      band: "none",
      refund_fen: 0,
      note: "陪诊员已出发，取消不退款",
    })
  })

  it("cancels an unpaid booking without a refund and refuses finished ones", () => {
    expect(
      escortCancellation({ ...paid, status: "pending_payment" }, hoursBefore(1))
    ).toMatchObject({ band: "unpaid", refund_fen: 0 })
    for (const status of ["completed", "confirmed", "cancelled", "refunded"] as const) {
      expect(escortCancellation({ ...paid, status }, hoursBefore(48))).toEqual({
        refusal: "服务已完成或订单已结束，不能取消",
      })
    }
  })

  it("follows a configured policy", () => {
    const policy = { ...DEFAULT_ESCORT_CANCELLATION_POLICY, free_hours: 48, fee_percent: 50 }
    expect(escortCancellation(paid, hoursBefore(30), policy)).toMatchObject({
      band: "fee",
      fee_fen: 9999,
      refund_fen: 10000,
    })
  })
})
