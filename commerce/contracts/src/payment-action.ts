/**
 * What a payment provider hands back for the shopper's next step, in every provider's
 * session data under `payment_action` (PAYMENT_ACTION_KEY): the server-run checkout returns it
 * and web and mini-program act on it without knowing which provider made it.
 */

/** The session-data key every payment provider writes its next step under. */
export const PAYMENT_ACTION_KEY = "payment_action"

/** Where the shopper pays: decides which methods are offered (issue #19, "the right methods"). */
export type PaymentChannel = "miniprogram" | "wechat_browser" | "pc_browser" | "mobile_browser"

export type PaymentAction =
  /** Scan to pay on a PC: WeChat Native's code_url (the page draws the QR code). */
  | { kind: "qr_code"; code_url: string; expires_at: string }
  /** Open a URL: WeChat H5's h5_url, a provider's GET cashier page. */
  | { kind: "redirect"; url: string; expires_at: string }
  /** Post a form to the provider's cashier (Alipay page/wap pay, UnionPay gateway). */
  | {
      kind: "form_post"
      action: string
      fields: Record<string, string>
      expires_at: string
    }
  /** WeChat JSAPI / mini-program: the parameters wx.requestPayment / WeixinJSBridge take. */
  | {
      kind: "jsapi"
      params: {
        appId: string
        timeStamp: string
        nonceStr: string
        package: string
        signType: "RSA"
        paySign: string
      }
      expires_at: string
    }
  /** Offline transfer: finance confirms the receipt; the page shows the instructions. */
  | { kind: "offline"; instructions: string; expires_at: string }
  /** Nothing to pay online (store credit covered the total). */
  | { kind: "none" }

export type PaymentActionKind = PaymentAction["kind"]
