import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { openEscortCaseWorkflow } from "../workflows/escort-case/open-escort-case"

/** A member's complaint (申诉) becomes a case at once; once per dispute, however often retried. */
export default async function escortCaseOpenFromDispute({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await openEscortCaseWorkflow(container).run({
    input: { from: "dispute", source_id: event.data.id, actor_id: null },
  })
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_DISPUTE_OPENED,
}
