import { resolveUnionpayConfig, type UnionpayConfig } from "./config"

/**
 * The merchant's ACP settings as the plugin's workflows reach them: read in this one place
 * (UNIONPAY_* variables, as the provider reads them).
 */
export function unionpayApi(): { config: UnionpayConfig } {
  return { config: resolveUnionpayConfig() }
}
