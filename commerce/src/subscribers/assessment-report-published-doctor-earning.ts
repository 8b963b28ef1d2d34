import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordDoctorEarningWorkflow } from "../workflows/doctor-income/record-doctor-earning"

/** The first 检测评估报告 delivered earns the expert the report fee; revisions earn nothing more. */
export default async function assessmentReportPublishedDoctorEarning({
  event,
  container,
}: SubscriberArgs<{ id: string; version: number }>) {
  await recordDoctorEarningWorkflow(container).run({
    input: { source_type: "assessment", source_id: event.data.id },
  })
}

export const config: SubscriberConfig = { event: "assessment.report_published" }
