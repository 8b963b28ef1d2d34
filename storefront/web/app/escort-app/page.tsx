import type { Metadata } from "next"
import { EscortTaskCenter } from "@/components/escort-app/escort-task-center"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "陪诊员工作台" }

/** 任务中心: 待接单 / 进行中 / 已完成. */
export default async function EscortTaskCenterPage() {
  await requireEscort()
  return <EscortTaskCenter />
}
