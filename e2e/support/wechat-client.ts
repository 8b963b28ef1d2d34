import type { BrowserContext } from "playwright-core"

/** The WeChat Pay sandbox the test stack runs (its port follows the stack's settings). */
export const wechatpaySandboxUrl = () =>
  process.env.E2E_WECHATPAY_SANDBOX_URL ||
  `http://localhost:${process.env.WECHATPAY_SANDBOX_PORT || 19400}`

export const WECHAT_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 " +
  "Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN"

/**
 * A browser context that behaves like WeChat's built-in browser: its user agent, and a
 * WeixinJSBridge whose getBrandWCPayRequest hands the merchant's parameters to the sandbox
 * playing WeChat's client (which checks paySign and the AppID before paying).
 */
export async function actAsWechatBrowser(context: BrowserContext) {
  await context.exposeFunction("__wechatClientPay", async (params: unknown) => {
    const response = await fetch(`${wechatpaySandboxUrl()}/sandbox/jsapi/pay`, {
      method: "POST",
      body: JSON.stringify(params),
    })
    return response.json()
  })
  await context.addInitScript(() => {
    const pay = (window as unknown as { __wechatClientPay: (p: unknown) => Promise<object> })
      .__wechatClientPay
    ;(window as unknown as { WeixinJSBridge: object }).WeixinJSBridge = {
      invoke: (_name: string, params: unknown, done: (result: object) => void) => {
        pay(params).then(done)
      },
    }
  })
}
