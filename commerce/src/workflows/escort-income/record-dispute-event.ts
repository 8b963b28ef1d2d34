import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"

/** Timeline statuses of a dispute: not service steps, so the booking's status stays. */
export const DISPUTE_OPENED = "dispute_opened"
export const DISPUTE_RESOLVED = "dispute_resolved"

export type DisputeEventInput = {
  booking_id: string
  status: typeof DISPUTE_OPENED | typeof DISPUTE_RESOLVED
  actor_type: "customer" | "staff"
  actor_id: string
  note: string
}

/**
 * A dispute raised or resolved, as an event on the booking's timeline the member reads
 * (and its live stream carries). Undone with the workflow that wrote it.
 */
export const recordDisputeEventStep = createStep(
  "record-escort-dispute-event",
  async (input: DisputeEventInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const [event] = await escorts.createEscortBookingEvents([
      {
        booking_id: input.booking_id,
        status: input.status,
        actor_type: input.actor_type,
        actor_id: input.actor_id,
        note: input.note,
      },
    ])
    return new StepResponse(event.id, event.id)
  },
  async (eventId, { container }) => {
    if (eventId) {
      await container.resolve<EscortModuleService>(ESCORT_MODULE).deleteEscortBookingEvents(eventId)
    }
  }
)

const yuan = (fen: number) => (fen / 100).toFixed(2)

/** What the member reads on the timeline when operations resolved their dispute. */
export function disputeResolutionNote(input: {
  outcome: "release" | "refund"
  refund: { through: string; fen: number; provider_fen: number; store_credit_fen: number }
  note: string | null
}): string {
  const parts: string[] = []
  if (input.outcome === "release") {
    parts.push("申诉已处理：核实后服务费结算给陪诊员，不予退款")
  } else {
    const ways =
      input.refund.through === "offline"
        ? "由平台线下退回"
        : [
            input.refund.provider_fen ? `原路退回 ¥${yuan(input.refund.provider_fen)}` : "",
            input.refund.store_credit_fen
              ? `退回账户余额 ¥${yuan(input.refund.store_credit_fen)}`
              : "",
          ]
            .filter(Boolean)
            .join("，")
    parts.push(`申诉已处理：退款 ¥${yuan(input.refund.fen)}（${ways}）`)
  }
  if (input.note) parts.push(`说明：${input.note}`)
  return parts.join("。")
}
