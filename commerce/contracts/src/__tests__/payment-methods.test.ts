import {
  allowedPaymentProviders,
  paymentMethodsFor,
  PAYMENT_PROVIDER_IDS as P,
} from "../payment-methods"

const ALL = [P.wechatpay, P.alipay, P.unionpay, P.offline]

describe("payment methods by place", () => {
  it("offers only WeChat Pay inside WeChat and says why the others are missing", () => {
    for (const channel of ["miniprogram", "wechat_browser"] as const) {
      const offers = paymentMethodsFor({ channel, registered: ALL, offlineAllowed: false })
      expect(offers.filter((o) => o.offered).map((o) => o.key)).toEqual(["wechatpay"])
      const alipay = offers.find((o) => o.key === "alipay")
      expect(alipay).toMatchObject({ offered: false, reason: "在微信内仅支持微信支付" })
    }
  })

  it("offers WeChat Pay, Alipay and UnionPay in PC and phone browsers", () => {
    for (const channel of ["pc_browser", "mobile_browser"] as const) {
      expect(allowedPaymentProviders({ channel, registered: ALL, offlineAllowed: false })).toEqual([
        P.wechatpay,
        P.alipay,
        P.unionpay,
      ])
    }
  })

  it("offers only the providers registered on the region, naming the missing one", () => {
    const offers = paymentMethodsFor({
      channel: "pc_browser",
      registered: [P.wechatpay, P.offline],
      offlineAllowed: false,
    })
    expect(offers.filter((o) => o.offered).map((o) => o.key)).toEqual(["wechatpay"])
    expect(offers.find((o) => o.key === "unionpay")).toMatchObject({
      offered: false,
      reason: "本店暂未开通银联支付",
    })
  })

  it("offers offline payment only where the 岳阳 rule allows, in WeChat too", () => {
    const context = { channel: "miniprogram" as const, registered: ALL }
    expect(allowedPaymentProviders({ ...context, offlineAllowed: true })).toEqual([
      P.wechatpay,
      P.offline,
    ])
    expect(
      paymentMethodsFor({ ...context, offlineAllowed: false }).find((o) => o.key === "offline")
    ).toMatchObject({ offered: false, reason: "线下支付仅限岳阳地区的订单" })
  })
})
