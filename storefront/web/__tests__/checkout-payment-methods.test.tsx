import { paymentMethodsFor, PAYMENT_PROVIDER_IDS as P } from "@health/core"
import { render, screen } from "@testing-library/react"
import { PaymentMethods } from "@/components/checkout/payment-methods"

const radios = () =>
  (screen.queryAllByRole("radio") as HTMLInputElement[]).map((r) => [r.value, r.checked])

describe("the checkout's payment methods", () => {
  it("inside WeChat offers WeChat Pay and says why Alipay and UnionPay are missing", () => {
    render(
      <PaymentMethods
        chosen=""
        methods={paymentMethodsFor({
          channel: "wechat_browser",
          registered: [P.wechatpay, P.alipay, P.unionpay, P.offline],
          offlineAllowed: true,
        })}
      />
    )
    expect(radios()).toEqual([
      [P.wechatpay, true],
      [P.offline, false],
    ])
    const missing = screen.getByTestId("payment-methods-missing").textContent
    expect(missing).toContain("支付宝：在微信内仅支持微信支付")
    expect(missing).toContain("银联支付：在微信内仅支持微信支付")
  })

  it("on a PC offers what the shop has set up, keeping the shopper's choice", () => {
    render(
      <PaymentMethods
        chosen={P.offline}
        methods={paymentMethodsFor({
          channel: "pc_browser",
          registered: [P.wechatpay, P.offline],
          offlineAllowed: true,
        })}
      />
    )
    expect(radios()).toEqual([
      [P.wechatpay, false],
      [P.offline, true],
    ])
    expect(screen.getByTestId("payment-methods-missing").textContent).toContain(
      "支付宝：本店暂未开通支付宝"
    )
  })
})
