import { Module } from "@medusajs/framework/utils"
import EscortAdmissionModuleService from "./service"

export const ESCORT_ADMISSION_MODULE = "escortAdmission"

export default Module(ESCORT_ADMISSION_MODULE, {
  service: EscortAdmissionModuleService,
})
