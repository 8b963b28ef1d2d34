import { FINANCE_CHANNELS } from "../finance-period"
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

  it("names every channel in Chinese, the mini-program's H5 build apart from the web shop", () => {
    expect(FINANCE_CHANNELS.map((key) => groupLabel("channel", key, null))).toEqual([
      "网站（PC 与 H5）",
      "微信小程序",
      "小程序 H5 版",
      "线下（岳阳）",
    ])
  })

  it("keeps an unknown provider's id and calls a missing one 未归属", () => {
    expect(providerLabel("pp_other_other")).toBe("pp_other_other")
    expect(providerLabel(null)).toBe(UNATTRIBUTED_LABEL)
  })
})
