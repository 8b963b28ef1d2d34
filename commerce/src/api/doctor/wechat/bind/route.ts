import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { bindDoctorWechatWorkflow } from "../../../../workflows/doctor-income/bind-doctor-wechat"
import { signedInDoctor } from "../../../consultation-request"
import type { BindDoctorWechatBody } from "../../../doctor-income-validators"
import { presentDoctorWechat } from "../present-doctor-wechat"

/** POST /doctor/wechat/bind `{ code }` (wx.login in the mini-program): where withdrawals go. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof BindDoctorWechatBody>>,
  res: MedusaResponse
) {
  const { doctor } = await signedInDoctor(req)
  const { result } = await bindDoctorWechatWorkflow(req.scope).run({
    input: { doctor_id: doctor.id, code: req.validatedBody.code },
  })
  res.json({ wechat: presentDoctorWechat(result) })
}
