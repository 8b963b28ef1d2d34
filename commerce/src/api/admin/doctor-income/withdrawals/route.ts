import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"
import { DOCTOR_INCOME_MODULE } from "../../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../../modules/doctor-income/service"
import { presentDoctorWithdrawal } from "../../../doctor/income/present-doctor-income"
import type { AdminDoctorWithdrawalsQuery } from "../../../doctor-income-validators"

/** GET /admin/doctor-income/withdrawals?status=&doctor_id=&limit=&offset=: for finance. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, doctor_id, limit, offset } = req.validatedQuery as z.infer<
    typeof AdminDoctorWithdrawalsQuery
  >
  const { withdrawals, count } = await req.scope
    .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    .listWithdrawalsFor({ status, doctor_id }, { limit, offset })
  const ids = [...new Set(withdrawals.map((row) => row.doctor_id))]
  const doctors = ids.length
    ? await req.scope
        .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
        .listConsultationDoctors({ id: ids }, { select: ["id", "name"] })
    : []
  const names = new Map(doctors.map((doctor) => [doctor.id, doctor.name]))
  res.json({
    withdrawals: withdrawals.map((row) => ({
      ...presentDoctorWithdrawal(row, "staff"),
      doctor_name: names.get(row.doctor_id) ?? null,
    })),
    count,
    limit,
    offset,
  })
}
