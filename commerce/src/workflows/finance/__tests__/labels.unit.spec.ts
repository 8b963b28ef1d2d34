import { groupLabel, providerLabel, UNATTRIBUTED_LABEL } from "../labels"

describe("finance labels", () => {
  it("names every payment method checkout offers, as finance knows it", () => {
    expect(
      [
        "pp_wechatpay_wechatpay",
        "pp_alipay_alipay",
        "pp_unionpay_unionpay",
        "pp_system_default",
      ].map((id) => groupLabel("payment_method", id, null))
    ).toEqual(["微信支付", "支付宝", "银联支付", "线下支付"])
  })

  it("keeps an unknown provider's id and calls a missing one 未归属", () => {
    expect(providerLabel("pp_other_other")).toBe("pp_other_other")
    expect(providerLabel(null)).toBe(UNATTRIBUTED_LABEL)
  })
})
