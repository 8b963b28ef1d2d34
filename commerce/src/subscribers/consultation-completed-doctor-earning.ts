import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordDoctorEarningWorkflow } from "../workflows/doctor-income/record-doctor-earning"

/** A consultation the doctor closed with advice earns the doctor their share (once). */
export default async function consultationCompletedDoctorEarning({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordDoctorEarningWorkflow(container).run({
    input: { source_type: "consultation", source_id: event.data.id },
  })
}

export const config: SubscriberConfig = { event: "consultation.completed" }
