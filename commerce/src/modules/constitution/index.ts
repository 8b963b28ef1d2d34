import { Module } from "@medusajs/framework/utils"
import ConstitutionModuleService from "./service"

export const CONSTITUTION_MODULE = "constitution"

export default Module(CONSTITUTION_MODULE, {
  service: ConstitutionModuleService,
})
