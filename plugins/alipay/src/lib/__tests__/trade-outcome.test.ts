import { tradeOutcomeOf } from "../trade-outcome"

const answer = (trade_status: string, extra: Record<string, string> = {}) => ({
  out_trade_no: "payses_01JTESTOUTCOME00000000000001",
  trade_no: "2026120622001400000000000001",
  total_amount: "649.07",
  trade_status,
  ...extra,
})

describe("Alipay trade outcome (the follow-ups' shared terms)", () => {
  it("a paid trade (TRADE_SUCCESS, or TRADE_FINISHED past its refund period) is paid, in fen", () => {
    for (const status of ["TRADE_SUCCESS", "TRADE_FINISHED"]) {
      expect(tradeOutcomeOf(answer(status))).toEqual({
        state: "paid",
        amount_fen: 64907,
        trade_no: "2026120622001400000000000001",
      })
    }
  })

  it("a trade waiting for the buyer is waiting", () => {
    expect(tradeOutcomeOf(answer("WAIT_BUYER_PAY")).state).toBe("waiting")
  })

  it("TRADE_CLOSED never paid is closed; TRADE_CLOSED once paid (send_pay_date) was refunded in full", () => {
    expect(tradeOutcomeOf(answer("TRADE_CLOSED")).state).toBe("closed")
    expect(
      tradeOutcomeOf(answer("TRADE_CLOSED", { send_pay_date: "2026-12-06 10:00:00" })).state
    ).toBe("refunded")
  })

  it("an unknown trade_status is an error, never guessed", () => {
    expect(() => tradeOutcomeOf(answer("TRADE_PENDING"))).toThrow("TRADE_PENDING")
  })
})
