import { AlipayClient } from "./client"
import { resolveAlipayConfig, type AlipayConfig } from "./config"

/**
 * Alipay's OpenAPI as the plugin's workflows reach it: the configuration read in this one
 * place (ALIPAY_* variables, as the provider reads them), a signing client over it.
 */
export function alipayApi(): { config: AlipayConfig; client: AlipayClient } {
  const config = resolveAlipayConfig()
  return { config, client: new AlipayClient(config) }
}
