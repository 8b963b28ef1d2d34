import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_INCOME_MODULE } from "../../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../../modules/escort-income/service"
import type { EscortIncomeSettingsBody } from "../../../escort-income-validators"

/** GET /admin/escort-income/settings: shares by level, level rules, auto-release hours. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const income = req.scope.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  res.json({ settings: await income.settings() })
}

/**
 * POST /admin/escort-income/settings: operations change them. New shares apply to services
 * completed from now on; levels are recomputed at each escort's next confirmation.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof EscortIncomeSettingsBody>>,
  res: MedusaResponse
) {
  const income = req.scope.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const settings = await income.saveSettings(req.validatedBody)
  res.locals.audit = { action: "escort_income.settings_changed", details: settings }
  res.json({ settings })
}
