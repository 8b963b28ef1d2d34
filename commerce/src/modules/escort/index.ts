import { Module } from "@medusajs/framework/utils"
import EscortModuleService from "./service"

export const ESCORT_MODULE = "escort"

export default Module(ESCORT_MODULE, {
  service: EscortModuleService,
})
