import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { DOCTOR_INCOME_MODULE } from "../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../modules/doctor-income/service"
import { signedInDoctor } from "../../consultation-request"
import type { DoctorIncomeQuery } from "../../doctor-income-validators"
import { presentDoctorWechat } from "../wechat/present-doctor-wechat"
import { presentDoctorEarning, presentDoctorWithdrawal } from "./present-doctor-income"

/**
 * GET /doctor/income?limit=&offset=: the signed-in doctor's balance (pending, available,
 * withdrawn, in an open withdrawal), a page of earnings, the latest withdrawals and whether
 * a WeChat is bound for 商家转账.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const page = req.validatedQuery as z.infer<typeof DoctorIncomeQuery>
  const income = req.scope.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
  const [totals, { earnings, count }, { withdrawals }, account] = await Promise.all([
    income.totals(doctor.id),
    income.doctorEarnings(doctor.id, page),
    income.listWithdrawalsFor({ doctor_id: doctor.id }, { limit: 20, offset: 0 }),
    income.payoutAccount(doctor.id),
  ])
  res.json({
    income: totals,
    earnings: earnings.map(presentDoctorEarning),
    count,
    limit: page.limit,
    offset: page.offset,
    withdrawals: withdrawals.map((row) => presentDoctorWithdrawal(row, "doctor")),
    wechat: presentDoctorWechat(account),
  })
}
