import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { resolveClinicSessionStep } from "./steps/resolve-clinic-session-step"

export type SignUpClinicSessionInput = { customer_id: string; session_id: string }

const signUpStep = createStep(
  "sign-up-clinic-session",
  async (
    input: {
      customer_id: string
      session: { id: string; title: string; starts_at: string; place?: string | null }
      capacity: number
    },
    { container }
  ) => {
    const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    const signup = await appointments.signUpForSession(input)
    return new StepResponse(signup, signup.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
        .softDeleteClinicSignups(id)
  }
)

/** Signs a member up for a clinic session: a place if one is left, else the waitlist. */
export const signUpClinicSessionWorkflow = createWorkflow(
  "sign-up-clinic-session",
  (input: SignUpClinicSessionInput) => {
    const resolved = resolveClinicSessionStep(
      transform({ input }, ({ input }) => ({ session_id: input.session_id, for_sign_up: true }))
    )
    const signup = signUpStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        customer_id: input.customer_id,
        session: resolved.session,
        capacity: resolved.capacity,
      }))
    )
    return new WorkflowResponse(signup)
  }
)
