import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type ClinicSignupPromotedEvent,
} from "../../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { resolveClinicSessionStep } from "./steps/resolve-clinic-session-step"

export type CancelClinicSignupInput = { customer_id: string; session_id: string }

const cancelSignupStep = createStep(
  "cancel-clinic-signup",
  async (input: { customer_id: string; session_id: string; capacity: number }, { container }) => {
    const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    return new StepResponse(await appointments.cancelSignup(input))
  }
)

/**
 * Cancels a member's sign-up; the freed place goes to the first on the waitlist, who is
 * told in the inbox.
 */
export const cancelClinicSignupWorkflow = createWorkflow(
  "cancel-clinic-signup",
  (input: CancelClinicSignupInput) => {
    const resolved = resolveClinicSessionStep(
      transform({ input }, ({ input }) => ({ session_id: input.session_id, for_sign_up: false }))
    )
    const outcome = cancelSignupStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        customer_id: input.customer_id,
        session_id: resolved.session.id,
        capacity: resolved.capacity,
      }))
    )
    emitEventStep({
      eventName: DomainEvent.CLINIC_SIGNUP_PROMOTED,
      options: DOMAIN_EVENT_OPTIONS,
      data: transform({ outcome }, ({ outcome }) =>
        outcome.promoted.map((signup): ClinicSignupPromotedEvent => ({ signup_id: signup.id }))
      ),
    })
    return new WorkflowResponse(outcome)
  }
)
