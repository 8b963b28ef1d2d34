import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { WechatNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [WechatNotificationProviderService],
})
