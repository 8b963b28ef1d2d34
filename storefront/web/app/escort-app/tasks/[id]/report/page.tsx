import type { Metadata } from "next"
import { EscortServiceReportForm } from "@/components/escort-app/escort-service-report-form"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "服务报告" }

export default async function EscortServiceReportPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireEscort()
  const { id } = await params
  return <EscortServiceReportForm taskId={id} />
}
