import type { WechatTradeBillLine } from "@health/medusa-plugin-wechatpay"
import { matchWechatBill, type OurPayment } from "../match-wechat-bill"

const line = (over: Partial<WechatTradeBillLine>): WechatTradeBillLine => ({
  trade_time: "2026-12-05 10:00:00",
  transaction_id: "4200000001",
  out_trade_no: "PS1",
  trade_type: "NATIVE",
  trade_state: "SUCCESS",
  settlement_total: 0,
  order_total: 0,
  refund_id: "",
  out_refund_no: "",
  refund: 0,
  refund_status: "",
  attach: "",
  fee: "0.00000",
  ...over,
})

const ours = (over: Partial<OurPayment>): OurPayment => ({
  out_trade_no: "PS1",
  payment_id: "pay_1",
  order_id: "order_1",
  amount: 69900,
  status: "captured",
  captured_on_bill_date: true,
  refunds: [],
  ...over,
})

describe("matching a WeChat Pay bill against our payments", () => {
  it("matches a payment and its refund to the fen", () => {
    const result = matchWechatBill(
      [
        line({ settlement_total: 69900 }),
        line({
          trade_state: "REFUND",
          out_refund_no: "PS1R001",
          refund: 19900,
          refund_status: "SUCCESS",
        }),
      ],
      [
        ours({
          refunds: [
            { out_refund_no: "PS1R001", amount: 19900, status: "SUCCESS", on_bill_date: true },
          ],
        }),
      ]
    )
    expect(result).toEqual({
      matched: 2,
      differences: [],
      totals: { bill_paid: 69900, bill_refunded: 19900, our_paid: 69900, our_refunded: 19900 },
    })
  })

  it("reports a payment WeChat has but we never captured, and a refund still PROCESSING with us", () => {
    const { differences, matched } = matchWechatBill(
      [
        line({ settlement_total: 69900 }),
        line({
          trade_state: "REFUND",
          out_refund_no: "PS1R001",
          refund: 100,
          refund_status: "SUCCESS",
        }),
      ],
      [
        ours({
          status: "authorized",
          captured_on_bill_date: false,
          refunds: [
            { out_refund_no: "PS1R001", amount: 100, status: "PROCESSING", on_bill_date: true },
          ],
        }),
      ]
    )
    expect(matched).toBe(0)
    expect(differences.map((d) => [d.kind, d.subject, d.bill_status, d.our_status])).toEqual([
      ["status_mismatch", "payment", "SUCCESS", "authorized"],
      ["status_mismatch", "refund", "SUCCESS", "PROCESSING"],
    ])
  })

  it("reports our refund of the day that is not on the bill, but not refunds of other days", () => {
    const { differences } = matchWechatBill(
      [],
      [
        ours({
          captured_on_bill_date: false,
          refunds: [
            { out_refund_no: "PS1R001", amount: 100, status: "SUCCESS", on_bill_date: false },
            { out_refund_no: "PS1R002", amount: 200, status: "SUCCESS", on_bill_date: true },
          ],
        }),
      ]
    )
    expect(differences).toEqual([
      expect.objectContaining({
        kind: "missing_provider",
        subject: "refund",
        out_refund_no: "PS1R002",
        our_amount: 200,
        order_id: "order_1",
      }),
    ])
  })

  it("counts money we refunded because no order came of it as received", () => {
    const { differences, matched } = matchWechatBill(
      [
        line({ settlement_total: 500 }),
        line({
          trade_state: "REFUND",
          out_refund_no: "PS1_VOID",
          refund: 500,
          refund_status: "SUCCESS",
        }),
      ],
      [
        ours({
          payment_id: null,
          order_id: null,
          amount: 500,
          status: "refunded_unplaced",
          captured_on_bill_date: false,
          refunds: [
            { out_refund_no: "PS1_VOID", amount: 500, status: "SUCCESS", on_bill_date: true },
          ],
        }),
      ]
    )
    expect(differences).toEqual([])
    expect(matched).toBe(2)
  })
})
