import { Module } from "@medusajs/framework/utils"
import HealthArchiveModuleService from "./service"

export const HEALTH_ARCHIVE_MODULE = "healthArchive"

export default Module(HEALTH_ARCHIVE_MODULE, {
  service: HealthArchiveModuleService,
})
