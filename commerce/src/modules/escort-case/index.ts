import { Module } from "@medusajs/framework/utils"
import EscortCaseModuleService from "./service"

export const ESCORT_CASE_MODULE = "escortCase"

export default Module(ESCORT_CASE_MODULE, {
  service: EscortCaseModuleService,
})
