import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { openEscortCaseWorkflow } from "../workflows/escort-case/open-escort-case"

/** An escort's 报备 becomes a case at once; once per alert, however often retried. */
export default async function escortCaseOpenFromReport({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await openEscortCaseWorkflow(container).run({
    input: { from: "alert", source_id: event.data.id, actor_id: null },
  })
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_REPORT_RAISED,
}
