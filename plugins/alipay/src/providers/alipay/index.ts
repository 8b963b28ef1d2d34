import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AlipayProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [AlipayProviderService],
})
