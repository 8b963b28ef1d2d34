import type { PaymentAction } from "@health/contracts"
import { WECHATPAY_PROVIDER_ID, type WechatpayPaymentAction } from "@health/medusa-plugin-wechatpay"
import { paymentActionOf } from "../workflows/checkout/payment-action-of"

/**
 * The plugin declares its payment actions structurally (it builds without @health/contracts):
 * the typecheck proves each is a PaymentAction, and checkout hands them on unchanged.
 */
const written: WechatpayPaymentAction[] = [
  {
    kind: "qr_code",
    code_url: "weixin://wxpay/bizpayurl?pr=abc",
    expires_at: "2026-12-06T15:00:00.000Z",
  },
  {
    kind: "redirect",
    url: "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1",
    expires_at: "2026-12-06T15:00:00.000Z",
  },
  {
    kind: "jsapi",
    params: {
      appId: "wx0000000000000001",
      timeStamp: "1765030000",
      nonceStr: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
      package: "prepay_id=wx1",
      signType: "RSA",
      paySign: "c2lnbmF0dXJl",
    },
    expires_at: "2026-12-06T15:00:00.000Z",
  },
]

describe("WeChat Pay's payment_action and the checkout contract", () => {
  it.each(written)(
    "checkout reads the plugin's $kind action as a PaymentAction, unchanged",
    (action) => {
      const contract: PaymentAction = action
      expect(
        paymentActionOf({ provider_id: WECHATPAY_PROVIDER_ID, data: { payment_action: action } })
      ).toEqual(contract)
    }
  )
})
