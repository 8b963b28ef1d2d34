import { billDayBounds, billDayOf } from "../clearing-day"

const UNIONPAY = "pp_unionpay_unionpay"
const ALIPAY = "pp_alipay_alipay"

const within = (at: string, bounds: { start: string; end: string }) =>
  Date.parse(at) >= Date.parse(bounds.start) && Date.parse(at) < Date.parse(bounds.end)

describe("a provider's bill day", () => {
  // 23:30 Beijing on 20 November.
  const lateEvening = "2026-11-20T15:30:00.000Z"
  // 22:59 Beijing on 20 November.
  const beforeCutOff = "2026-11-20T14:59:00.000Z"

  it("puts a UnionPay payment at 23:30 Beijing on the next clearing day", () => {
    expect(billDayOf(UNIONPAY, new Date(lateEvening))).toBe("2026-11-21")
    expect(within(lateEvening, billDayBounds(UNIONPAY, "2026-11-21"))).toBe(true)
    expect(within(lateEvening, billDayBounds(UNIONPAY, "2026-11-20"))).toBe(false)
  })

  it("keeps a UnionPay payment before 23:00 on its own day", () => {
    expect(billDayOf(UNIONPAY, new Date(beforeCutOff))).toBe("2026-11-20")
    expect(within(beforeCutOff, billDayBounds(UNIONPAY, "2026-11-20"))).toBe(true)
  })

  it("runs UnionPay's clearing day from 23:00 to 23:00 Beijing", () => {
    expect(billDayBounds(UNIONPAY, "2026-11-21")).toEqual({
      start: "2026-11-20T15:00:00.000Z",
      end: "2026-11-21T15:00:00.000Z",
    })
  })

  it("bills Alipay by the Beijing calendar day", () => {
    expect(billDayOf(ALIPAY, new Date(lateEvening))).toBe("2026-11-20")
    expect(billDayBounds(ALIPAY, "2026-11-20")).toEqual({
      start: "2026-11-19T16:00:00.000Z",
      end: "2026-11-20T16:00:00.000Z",
    })
  })
})
