import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { WechatAuthProviderService } from "./service"

export default ModuleProvider(Modules.AUTH, {
  services: [WechatAuthProviderService],
})
