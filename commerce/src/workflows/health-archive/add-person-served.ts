import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { Relation } from "../../modules/health-archive/types"
import { verifyPersonServedStep } from "../identity-verification/verify-person-served-step"

export type AddPersonServedInput = {
  customer_id: string
  person: { relation: Relation; name: string; id_number: string }
}

const savePersonServedStep = createStep(
  "save-person-served",
  async (input: AddPersonServedInput & { verification_id: string | null }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const person = await archive.addPersonServed(
      input.customer_id,
      input.person,
      input.verification_id ? { id: input.verification_id } : null
    )
    return new StepResponse(person, person.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
        .deleteTestSubjects([id])
    }
  }
)

/**
 * A member saves someone they book for (就诊人): 实名认证 once, here, so later bookings
 * name the saved person instead of typing the ID number again (issue #21).
 */
export const addPersonServedWorkflow = createWorkflow(
  "add-person-served",
  (input: AddPersonServedInput) => {
    const verificationId = verifyPersonServedStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        person: { name: input.person.name, id_number: input.person.id_number },
      }))
    )
    const person = savePersonServedStep(
      transform({ input, verificationId }, ({ input, verificationId }) => ({
        ...input,
        verification_id: verificationId ?? null,
      }))
    )
    return new WorkflowResponse(person)
  }
)
