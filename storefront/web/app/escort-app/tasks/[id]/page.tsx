import type { Metadata } from "next"
import { EscortTaskDetailView } from "@/components/escort-app/escort-task-detail"
import { EscortTaskReview } from "@/components/escort-review/escort-task-review"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "任务详情" }

export default async function EscortTaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requireEscort()
  const { id } = await params
  return (
    <>
      <EscortTaskDetailView taskId={id} />
      <EscortTaskReview taskId={id} />
    </>
  )
}
