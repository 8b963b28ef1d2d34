import { MedusaService } from "@medusajs/framework/utils"
import { FinanceRollupDay } from "./models/finance-rollup-day"

/** The days of the finance rollup; the rollup itself is read and written in SQL (workflows/finance). */
class FinanceRollupModuleService extends MedusaService({ FinanceRollupDay }) {}

export default FinanceRollupModuleService
