import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import {
  ESCORT_CONSENT_DOCUMENTS,
  type EscortConsentAcceptance,
} from "../../modules/health-archive/escort-consent-kinds"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { escortPrice } from "../../modules/escort/rules/escort-price"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortActor, NewEscortBooking } from "../../modules/escort/types"
import { escortServiceOfVariant } from "./escort-services"
import { verifyPersonServedStep } from "../identity-verification/verify-person-served-step"
import { checkConsentVersionsStep } from "../steps/check-consent-versions-step"
import { resolveEscortHospitalStep } from "./steps/resolve-escort-hospital-step"

/** What the member asks for: the service by its variant and the extras, never a price. */
export type EscortBookingRequest = Omit<
  NewEscortBooking,
  "service_id" | "service_name" | "price_fen"
>

/**
 * The person served is one of the member's saved people (`person_id`, 实名认证 when saved)
 * or, from older clients, typed in (`person`, verified now).
 */
export type EscortBookingInput = Omit<EscortBookingRequest, "person"> &
  (
    | { person: EscortBookingRequest["person"]; person_id?: null }
    | { person?: null; person_id: string }
  )

const resolvePersonServedStep = createStep(
  "resolve-person-served",
  async (input: { booking: EscortBookingInput }, { container }) => {
    const { booking } = input
    if (!booking.person_id) {
      return new StepResponse({ person: booking.person!, verified: false })
    }
    const saved = await container
      .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      .personServedOf(booking.customer_id, booking.person_id)
    return new StepResponse({
      person: { name: saved.name, id_number: saved.id_number },
      verified: saved.verified,
    })
  }
)

/** The catalogue prices the booking (escortPrice); the client's word on price is never read. */
const priceEscortBookingStep = createStep(
  "price-escort-booking",
  async (input: { booking: EscortBookingRequest }, { container }) => {
    const service = await escortServiceOfVariant(container, input.booking.variant_id)
    const price = escortPrice(
      { base_fen: service.price_fen, ...service },
      {
        start: input.booking.start_time,
        end: input.booking.end_time,
        extras: input.booking.extras,
      }
    )
    if ("refusal" in price) throw new MedusaError(MedusaError.Types.INVALID_DATA, price.refusal)
    return new StepResponse<NewEscortBooking>({
      ...input.booking,
      extras: price.extras.map((extra) => extra.code),
      service_id: service.id,
      service_name: service.title,
      price_fen: price.price_fen,
    })
  }
)

const createEscortBookingStep = createStep(
  "create-escort-booking",
  async (input: { booking: NewEscortBooking; actor: EscortActor }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const created = await escorts.createBooking(input.booking, input.actor)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<EscortModuleService>(ESCORT_MODULE).softDeleteEscortBookings(id)
  }
)

/** The privacy policy and consents accepted with the booking, at the versions shown. */
const recordEscortConsentsStep = createStep(
  "record-escort-consents",
  async (
    input: { customer_id: string; booking_id: string; consents: EscortConsentAcceptance[] },
    { container }
  ) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.recordEscortConsents(input.customer_id, input.booking_id, input.consents)
    return new StepResponse(null, input.booking_id)
  },
  async (bookingId, { container }) => {
    if (bookingId) {
      await container
        .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
        .forgetEscortConsents(bookingId)
    }
  }
)

/**
 * A member books an escort at a hospital department of the catalogue, priced from the
 * product catalogue; the booking waits for payment (待支付).
 */
export const createEscortBookingWorkflow = createWorkflow(
  "create-escort-booking",
  (input: {
    booking: EscortBookingInput
    consents: EscortConsentAcceptance[]
    actor: EscortActor
  }) => {
    // The texts accepted are the ones in force, before anyone's ID number is checked.
    checkConsentVersionsStep(
      transform({ input }, ({ input }) => ({
        documents: ESCORT_CONSENT_DOCUMENTS,
        consents: input.consents,
      }))
    )
    const served = resolvePersonServedStep(
      transform({ input }, ({ input }) => ({ booking: input.booking }))
    )
    // 实名认证 of the person served before anything is priced or stored (issue #21).
    verifyPersonServedStep(
      transform({ input, served }, ({ input, served }) => ({
        customer_id: input.booking.customer_id,
        person: served.person,
        already_verified: served.verified,
      }))
    )
    const place = resolveEscortHospitalStep(
      transform({ input }, ({ input }) => ({
        city: input.booking.city,
        hospital_id: input.booking.hospital_id,
        hospital_name: input.booking.hospital_name,
        department_id: input.booking.department_id ?? null,
        department_name: input.booking.department_name,
      }))
    )
    const priced = priceEscortBookingStep(
      transform({ input, served }, ({ input, served }) => {
        const { person_id: _personId, ...booking } = input.booking
        return { booking: { ...booking, person: served.person } as EscortBookingRequest }
      })
    )
    const booking = transform({ priced, place }, ({ priced, place }) => ({ ...priced, ...place }))
    const created = createEscortBookingStep({ booking, actor: input.actor })
    recordEscortConsentsStep(
      transform({ input, created }, ({ input, created }) => ({
        customer_id: input.booking.customer_id,
        booking_id: created.id,
        consents: input.consents,
      }))
    )
    return new WorkflowResponse(created)
  }
)
