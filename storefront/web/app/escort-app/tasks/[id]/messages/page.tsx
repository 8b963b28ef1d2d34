import type { Metadata } from "next"
import { EscortTaskMessages } from "@/components/escort-app/escort-task-messages"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "任务消息" }

export default async function EscortTaskMessagesPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireEscort()
  const { id } = await params
  return <EscortTaskMessages taskId={id} />
}
