import { doctorEarningAmount, releaseAt } from "../doctor-earning-amount"
import { doctorIncomeDefaults } from "../doctor-income-defaults"

describe("doctor earning amount", () => {
  const settings = {
    share_percent: { text: 70, phone: 65, video: 60 },
    assessment_fee_fen: 20000,
    group_session_fee_fen: 30000,
    hold_hours: 72,
  }

  it("gives a consultation its mode's share of the price, rounded down to the fen", () => {
    expect(
      doctorEarningAmount({ source_type: "consultation", mode: "text", price_fen: 3000 }, settings)
    ).toEqual({ kind: "text", price_fen: 3000, share_percent: 70, amount_fen: 2100 })
    // 65% of 99.99 is 64.9935: the doctor gets 64.99.
    expect(
      doctorEarningAmount({ source_type: "consultation", mode: "phone", price_fen: 9999 }, settings)
        .amount_fen
    ).toBe(6499)
    expect(
      doctorEarningAmount({ source_type: "consultation", mode: "video", price_fen: 8000 }, settings)
        .amount_fen
    ).toBe(4800)
  })

  it("pays an assessment report and a group session their fixed fee, not a share", () => {
    expect(doctorEarningAmount({ source_type: "assessment" }, settings)).toEqual({
      kind: "assessment",
      price_fen: 0,
      share_percent: null,
      amount_fen: 20000,
    })
    expect(doctorEarningAmount({ source_type: "group_session" }, settings).amount_fen).toBe(30000)
  })

  it("refuses fractional prices and shares outside 0–100", () => {
    expect(() =>
      doctorEarningAmount({ source_type: "consultation", mode: "text", price_fen: 10.5 }, settings)
    ).toThrow()
    expect(() =>
      doctorEarningAmount(
        { source_type: "consultation", mode: "text", price_fen: 100 },
        { ...settings, share_percent: { ...settings.share_percent, text: 101 } }
      )
    ).toThrow()
  })

  it("matures after the hold", () => {
    const done = new Date("2026-12-01T02:00:00Z")
    expect(releaseAt(done, settings).toISOString()).toBe("2026-12-04T02:00:00.000Z")
  })

  it("defaults to 70% per mode and a 72 h hold, each overridable by env", () => {
    expect(doctorIncomeDefaults()).toEqual({
      share_percent: { text: 70, phone: 70, video: 70 },
      assessment_fee_fen: 20000,
      group_session_fee_fen: 30000,
      hold_hours: 72,
    })
    process.env.DOCTOR_SHARE_VIDEO = "80"
    process.env.DOCTOR_INCOME_HOLD_HOURS = "24"
    try {
      expect(doctorIncomeDefaults().share_percent.video).toBe(80)
      expect(doctorIncomeDefaults().hold_hours).toBe(24)
    } finally {
      delete process.env.DOCTOR_SHARE_VIDEO
      delete process.env.DOCTOR_INCOME_HOLD_HOURS
    }
  })
})
