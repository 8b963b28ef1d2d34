import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import { offerNextEscortStep } from "./offer-next-escort"

type Input = { booking_id: string; escort_id: string }

const declineOfferStep = createStep(
  "decline-dispatch-offer",
  async (input: Input, { container }) => {
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const offer = await dispatch.declineOffer(input.booking_id, input.escort_id)
    return new StepResponse(offer, offer.id)
  },
  async (offerId, { container }) => {
    if (offerId) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .updateDispatchOffers({ id: offerId, status: "offered" })
    }
  }
)

/** The offered escort turns the task down; the next-best escort is offered it at once. */
export const declineDispatchOfferWorkflow = createWorkflow(
  "decline-dispatch-offer",
  (input: Input) => {
    const declined = declineOfferStep(input)
    const next = offerNextEscortStep({ booking_id: input.booking_id })
    return new WorkflowResponse(transform({ declined, next }, (data) => data))
  }
)
