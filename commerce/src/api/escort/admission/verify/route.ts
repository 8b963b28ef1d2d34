import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { verifyEscortIdentityWorkflow } from "../../../../workflows/escort-admission/verify-escort-identity"
import { auditAdmissionAccess, escortAdmissionRequest } from "../../../escort-admission-request"
import { presentEscortApplication } from "../../../present-escort-application"

const REFUSALS = {
  mismatch: "实名认证未通过：姓名与身份证号不一致，请核对后重新填写",
  invalid: "实名认证未通过：姓名或身份证号无效，请核对后重新填写",
  unavailable: "实名认证服务暂时不可用，请稍后再试",
} as const

/**
 * POST /escort/admission/verify `{ face_token? }` → `{ application }` once the name and ID
 * number verify; 400 with the reason otherwise. The ID number's use is audit-logged.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ face_token: string | null }>,
  res: MedusaResponse
) {
  const { admission, escortId } = await escortAdmissionRequest(req)
  const { result } = await verifyEscortIdentityWorkflow(req.scope).run({
    input: { escort_id: escortId, face_token: req.validatedBody.face_token },
  })
  await auditAdmissionAccess(req, "identity_verification.verify", {
    application_id: result.application.id,
    verification_id: result.verification?.id ?? null,
    outcome: result.verification?.outcome ?? "already_verified",
  })
  if (!result.verified) {
    const outcome = result.verification?.outcome
    throw new MedusaError(
      outcome === "unavailable" ? MedusaError.Types.NOT_ALLOWED : MedusaError.Types.INVALID_DATA,
      outcome && outcome !== "match" ? REFUSALS[outcome] : "资料已变更，请重新提交实名认证"
    )
  }
  res.json({ application: await presentEscortApplication(admission, result.application) })
}
