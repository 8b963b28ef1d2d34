import { expiredOrderOutcomeOf, orderOutcomeOf } from "../order-outcome"

const found = (origRespCode: string) => ({
  found: true,
  origRespCode,
  queryId: "202612061000001234567",
  txnAmt: 69900,
})

describe("UnionPay order outcome (the follow-ups' shared terms)", () => {
  it("no transaction at UnionPay (respCode 34) is null: the shopper never paid at the cashier", () => {
    expect(orderOutcomeOf({ found: false })).toBeNull()
  })

  it("origRespCode 00 is paid, with the amount in fen and the consumption's queryId", () => {
    expect(orderOutcomeOf(found("00"))).toEqual({
      state: "paid",
      amount_fen: 69900,
      trade_no: "202612061000001234567",
    })
  })

  it("03, 04 and 05 are still processing: waiting; any other answer failed: closed", () => {
    for (const code of ["03", "04", "05"])
      expect(orderOutcomeOf(found(code))?.state).toBe("waiting")
    for (const code of ["01", "12", "34"]) expect(orderOutcomeOf(found(code))?.state).toBe("closed")
  })

  it("past payTimeout (ACP has no close): closed unless paid or still processing", () => {
    expect(expiredOrderOutcomeOf({ found: false })).toEqual({ state: "closed", amount_fen: 0 })
    expect(expiredOrderOutcomeOf(found("01"))).toEqual({ state: "closed", amount_fen: 69900 })
    expect(expiredOrderOutcomeOf(found("00")).state).toBe("paid")
    expect(expiredOrderOutcomeOf(found("03")).state).toBe("waiting")
  })
})
