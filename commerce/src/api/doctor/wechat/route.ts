import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DOCTOR_INCOME_MODULE } from "../../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../../modules/doctor-income/service"
import { signedInDoctor } from "../../consultation-request"
import { presentDoctorWechat } from "./present-doctor-wechat"

/** GET /doctor/wechat: `{ wechat: { bound, bound_at } }` for the signed-in doctor. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const account = await req.scope
    .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    .payoutAccount(doctor.id)
  res.json({ wechat: presentDoctorWechat(account) })
}
