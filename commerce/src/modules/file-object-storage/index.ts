import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ObjectStorageFileService } from "./service"

export default ModuleProvider(Modules.FILE, {
  services: [ObjectStorageFileService],
})
