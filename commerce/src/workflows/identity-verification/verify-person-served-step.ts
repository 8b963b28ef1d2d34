import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_VERIFICATION_MODULE } from "../../modules/identity-verification"
import type IdentityVerificationModuleService from "../../modules/identity-verification/service"

type Input = {
  customer_id: string
  person: { name: string; id_number: string }
  /** A saved 就诊人 verified when saved is not asked about again. */
  already_verified?: boolean
}

const REFUSALS = {
  mismatch: "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写",
  invalid: "就诊人姓名或身份证号无效，未通过实名认证，请核对后重新填写",
  unavailable: "实名认证服务暂时不可用，请稍后再预约",
} as const

/**
 * 实名认证 of the person a member books for: their real name and ID number must belong
 * together (a 4xx in Chinese otherwise). Without a configured provider (development without
 * the stand-in) nothing is asked; production requires one (docs/environment.md).
 */
export const verifyPersonServedStep = createStep(
  "verify-person-served",
  async (input: Input, { container }) => {
    const identity = container.resolve<IdentityVerificationModuleService>(
      IDENTITY_VERIFICATION_MODULE
    )
    if (input.already_verified || !identity.isConfigured()) return new StepResponse(null)
    const verification = await identity.verifyIdentity(input.person, {
      type: "escort_booking_person",
      id: input.customer_id,
    })
    if (verification.outcome !== "match") {
      throw new MedusaError(
        verification.outcome === "unavailable"
          ? MedusaError.Types.NOT_ALLOWED
          : MedusaError.Types.INVALID_DATA,
        REFUSALS[verification.outcome]
      )
    }
    return new StepResponse(verification.id)
  }
)
