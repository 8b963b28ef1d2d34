import { Module } from "@medusajs/framework/utils"
import EscortIncomeModuleService from "./service"

export const ESCORT_INCOME_MODULE = "escortIncome"

export default Module(ESCORT_INCOME_MODULE, {
  service: EscortIncomeModuleService,
})
