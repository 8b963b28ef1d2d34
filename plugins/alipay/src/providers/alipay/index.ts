import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AlipayProviderService from "./service"

/** The provider's id in Medusa: registered as `alipay` by the payment module. */
export const ALIPAY_PROVIDER_ID = "pp_alipay_alipay"

export default ModuleProvider(Modules.PAYMENT, {
  services: [AlipayProviderService],
})
