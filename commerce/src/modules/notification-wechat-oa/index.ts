import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OfficialAccountNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [OfficialAccountNotificationProviderService],
})
