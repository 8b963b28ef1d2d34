import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import { IDENTITY_VERIFICATION_MODULE } from "../../modules/identity-verification"
import type IdentityVerificationModuleService from "../../modules/identity-verification/service"
import type { IdentityVerificationView } from "../../modules/identity-verification/service"
import type { EscortApplicationRow } from "../../modules/escort-admission/types"
import { requireApplicantConsentsStep } from "./steps/require-applicant-consents-step"

type Input = { escort_id: string; face_token: string | null }

export type EscortIdentityResult = {
  application: EscortApplicationRow
  /** The provider's answer; null when the application was verified already. */
  verification: IdentityVerificationView | null
  verified: boolean
}

/**
 * Asks the 实名认证 provider about the application's name and ID number; the answer is
 * recorded whatever it is, and a match marks the application verified.
 */
const verifyEscortIdentityStep = createStep(
  "verify-escort-identity",
  async (input: Input, { container }): Promise<StepResponse<EscortIdentityResult>> => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    const identity = container.resolve<IdentityVerificationModuleService>(
      IDENTITY_VERIFICATION_MODULE
    )
    const application = await admission.applicationOfEscort(input.escort_id)
    const idNumber = application ? admission.openIdNumber(application) : null
    if (!application?.real_name || !idNumber) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "请先填写真实姓名和身份证号")
    }
    if (application.verified_at) {
      return new StepResponse<EscortIdentityResult>({
        application,
        verification: null,
        verified: true,
      })
    }
    if (!identity.isConfigured()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "实名认证服务未开通，请联系运营")
    }
    const verification = await identity.verifyIdentity(
      { name: application.real_name, id_number: idNumber, face_token: input.face_token },
      { type: "escort_application", id: input.escort_id }
    )
    const verified =
      verification.outcome === "match" &&
      (await admission.markVerified(application.id, verification))
    return new StepResponse<EscortIdentityResult>({
      application: await admission.application(application.id),
      verification,
      verified,
    })
  }
)

export const verifyEscortIdentityWorkflow = createWorkflow(
  "verify-escort-identity",
  (input: Input) => {
    requireApplicantConsentsStep(input)
    return new WorkflowResponse(verifyEscortIdentityStep(input))
  }
)
