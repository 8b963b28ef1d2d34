import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { WebPushNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [WebPushNotificationProviderService],
})
