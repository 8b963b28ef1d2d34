import type { BrowserContext } from "playwright-core"

/** The WeChat Pay sandbox the test stack runs (its port follows the stack's settings). */
export const wechatpaySandboxUrl = () =>
  process.env.E2E_WECHATPAY_SANDBOX_URL ||
  `http://localhost:${process.env.WECHATPAY_SANDBOX_PORT || 19400}`

export const WECHAT_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 " +
  "Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN"

/** What the fake WeixinJSBridge hands to the sandbox, by the name the page invokes. */
const SANDBOX_CLIENT_ROUTES: Record<string, string> = {
  getBrandWCPayRequest: "/sandbox/jsapi/pay",
  requestMerchantTransfer: "/sandbox/transfer/confirm-package",
}

/**
 * A browser context that behaves like WeChat's built-in browser: its user agent, and a
 * WeixinJSBridge that hands the merchant's parameters to the sandbox playing WeChat's client:
 * getBrandWCPayRequest pays (the sandbox checks paySign and the AppID), and
 * requestMerchantTransfer confirms receipt of a 商家转账 ({ mchId, appId, package }; the
 * sandbox checks them against the waiting bill). Each answers with WeChat's `err_msg`.
 */
export async function actAsWechatBrowser(context: BrowserContext) {
  await context.exposeFunction("__wechatClient", async (name: string, params: unknown) => {
    const route = SANDBOX_CLIENT_ROUTES[name]
    if (!route) return { err_msg: `${name}:fail`, message: "the fake WeChat lacks this API" }
    const response = await fetch(`${wechatpaySandboxUrl()}${route}`, {
      method: "POST",
      body: JSON.stringify(params),
    })
    return response.json()
  })
  await context.addInitScript(() => {
    const client = (
      window as unknown as { __wechatClient: (name: string, p: unknown) => Promise<object> }
    ).__wechatClient
    ;(window as unknown as { WeixinJSBridge: object }).WeixinJSBridge = {
      invoke: (name: string, params: unknown, done: (result: object) => void) => {
        client(name, params).then(done)
      },
    }
  })
}
