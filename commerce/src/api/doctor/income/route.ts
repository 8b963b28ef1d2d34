import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { DOCTOR_INCOME_MODULE } from "../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../modules/doctor-income/service"
import { signedInDoctor } from "../../consultation-request"
import type { DoctorIncomeQuery } from "../../doctor-income-validators"
import { presentDoctorEarning, presentDoctorWithdrawal } from "./present-doctor-income"

/**
 * GET /doctor/income?limit=&offset=: the signed-in doctor's balance (pending, available,
 * withdrawn, in a requested withdrawal), a page of earnings and the latest withdrawals.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const page = req.validatedQuery as z.infer<typeof DoctorIncomeQuery>
  const income = req.scope.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
  const [totals, { earnings, count }, { withdrawals }] = await Promise.all([
    income.totals(doctor.id),
    income.doctorEarnings(doctor.id, page),
    income.listWithdrawalsFor({ doctor_id: doctor.id }, { limit: 20, offset: 0 }),
  ])
  res.json({
    income: totals,
    earnings: earnings.map(presentDoctorEarning),
    count,
    limit: page.limit,
    offset: page.offset,
    withdrawals: withdrawals.map((row) => presentDoctorWithdrawal(row, "doctor")),
  })
}
