import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import WechatpayProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [WechatpayProviderService],
})
