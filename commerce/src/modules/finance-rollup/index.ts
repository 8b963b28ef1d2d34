import { Module } from "@medusajs/framework/utils"
import FinanceRollupModuleService from "./service"

export const FINANCE_ROLLUP_MODULE = "financeRollup"

export default Module(FINANCE_ROLLUP_MODULE, {
  service: FinanceRollupModuleService,
})
