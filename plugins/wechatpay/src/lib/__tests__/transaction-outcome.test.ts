import { transactionOutcomeOf } from "../transaction-outcome"

const transaction = (trade_state: string) => ({
  out_trade_no: "payses_01JTESTOUTCOME00000000000001",
  transaction_id: "4200002026120600000000000001",
  trade_state,
  amount: { total: 69900 },
})

describe("WeChat Pay transaction outcome (the follow-ups' shared terms)", () => {
  it("SUCCESS is paid, with the amount in fen and WeChat's transaction_id", () => {
    expect(transactionOutcomeOf(transaction("SUCCESS"))).toEqual({
      state: "paid",
      amount_fen: 69900,
      trade_no: "4200002026120600000000000001",
    })
  })

  it("REFUND is refunded; NOTPAY and USERPAYING wait; CLOSED, REVOKED and PAYERROR are closed", () => {
    expect(transactionOutcomeOf(transaction("REFUND")).state).toBe("refunded")
    for (const state of ["NOTPAY", "USERPAYING"])
      expect(transactionOutcomeOf(transaction(state)).state).toBe("waiting")
    for (const state of ["CLOSED", "REVOKED", "PAYERROR"])
      expect(transactionOutcomeOf(transaction(state)).state).toBe("closed")
  })

  it("an unknown trade_state is an error, never guessed", () => {
    expect(() => transactionOutcomeOf(transaction("ACCEPT"))).toThrow("ACCEPT")
  })
})
