import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { DOCTOR_INCOME_MODULE } from "../../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../../modules/doctor-income/service"
import type { DoctorIncomeSettingsBody } from "../../../doctor-income-validators"

const incomeOf = (req: AuthenticatedMedusaRequest) =>
  req.scope.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)

/** GET /admin/doctor-income/settings: doctors' shares per mode, fixed fees and the hold. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ settings: await incomeOf(req).settings() })
}

/** POST /admin/doctor-income/settings: applies to work finished from now on. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof DoctorIncomeSettingsBody>>,
  res: MedusaResponse
) {
  const settings = await incomeOf(req).saveSettings(req.validatedBody)
  res.locals.audit = { action: "doctor_income.settings", details: settings }
  res.json({ settings })
}
