import { Module } from "@medusajs/framework/utils"
import EscortTrainingModuleService from "./service"

export const ESCORT_TRAINING_MODULE = "escortTraining"

export default Module(ESCORT_TRAINING_MODULE, {
  service: EscortTrainingModuleService,
})
