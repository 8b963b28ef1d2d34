import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AlipayProviderService from "./service"

/** The provider's id in Medusa: registered as `alipay` by the payment module. */
export { ALIPAY_PROVIDER_ID } from "../../lib/provider-id"

export default ModuleProvider(Modules.PAYMENT, {
  services: [AlipayProviderService],
})
