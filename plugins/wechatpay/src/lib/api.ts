import { WechatpayClient } from "./client"
import { resolveWechatpayConfig, type WechatpayConfig } from "./config"

/**
 * The merchant API as the plugin's routes, jobs and workflows reach it: configuration read
 * in this one place (options over WECHATPAY_* variables), a signing client over it.
 */
export function wechatpayApi(): { config: WechatpayConfig; client: WechatpayClient } {
  const config = resolveWechatpayConfig()
  return { config, client: new WechatpayClient(config) }
}

/** Whether a merchant is configured at all (WeChat Pay is optional for a shop). */
export function wechatpayConfigured(): boolean {
  try {
    resolveWechatpayConfig()
    return true
  } catch {
    return false
  }
}
