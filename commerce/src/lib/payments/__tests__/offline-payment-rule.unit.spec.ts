import { offlinePaymentRefusal } from "../offline-payment-rule"

const cart = (city: string | null, provider = "pp_system_default") => ({
  shipping_address: city === null ? null : { city },
  payment_collection: { payment_sessions: [{ provider_id: provider, status: "pending" }] },
})

describe("offline payment rule", () => {
  it("allows offline payment for addresses in 岳阳", () => {
    expect(offlinePaymentRefusal(cart("岳阳市"))).toBeNull()
    expect(offlinePaymentRefusal(cart("湖南省岳阳市"))).toBeNull()
  })

  it("refuses it elsewhere and without an address", () => {
    expect(offlinePaymentRefusal(cart("北京市"))).toContain("仅限岳阳")
    expect(offlinePaymentRefusal(cart("长沙市"))).toContain("仅限岳阳")
    expect(offlinePaymentRefusal(cart(null))).toContain("仅限岳阳")
  })

  it("allows it for a 岳阳 collection site whatever the shipping city", () => {
    expect(offlinePaymentRefusal(cart("北京市"), "岳阳市")).toBeNull()
    expect(offlinePaymentRefusal(cart(null), "岳阳市")).toBeNull()
    expect(offlinePaymentRefusal(cart("北京市"), "长沙市")).toContain("仅限岳阳")
  })

  it("allows it when any of the sites chosen per line is in 岳阳", () => {
    expect(offlinePaymentRefusal(cart("北京市"), ["长沙市", "岳阳市"])).toBeNull()
    expect(offlinePaymentRefusal(cart("北京市"), ["长沙市", null])).toBe(
      "线下支付仅限岳阳地区的订单，请选择微信支付"
    )
    expect(offlinePaymentRefusal(cart("北京市"), [])).toBe(
      "线下支付仅限岳阳地区的订单，请选择微信支付"
    )
  })

  it("never stands in the way of online payment", () => {
    expect(offlinePaymentRefusal(cart("北京市", "pp_wechatpay_wechatpay"))).toBeNull()
    expect(offlinePaymentRefusal({})).toBeNull()
  })
})
