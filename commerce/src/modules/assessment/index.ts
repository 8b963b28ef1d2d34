import { Module } from "@medusajs/framework/utils"
import AssessmentModuleService from "./service"

export const ASSESSMENT_MODULE = "assessment"

export default Module(ASSESSMENT_MODULE, {
  service: AssessmentModuleService,
})
