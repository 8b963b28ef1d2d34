import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { privacyNumberProviderFromEnv } from "../../modules/privacy-number/aliyun-pls-provider"

/**
 * Ends the consultation's privacy-number binding at the provider. A provider that does not
 * answer is logged, not retried here: the binding expires on its own at `expires_at`.
 */
export async function releasePrivacyNumber(container: MedusaContainer, consultationId: string) {
  const binding = await container
    .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    .releaseBinding(consultationId)
  if (!binding) return false
  try {
    await privacyNumberProviderFromEnv().unbind(binding)
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`privacy number: unbind of ${consultationId} failed: ${(error as Error).message}`)
  }
  return true
}

/** The consultation ended (advice written, or refunded): its middle number is given back. */
export const releasePrivacyNumberStep = createStep(
  "release-consultation-privacy-number",
  async (consultationId: string, { container }) =>
    new StepResponse(await releasePrivacyNumber(container, consultationId))
)
