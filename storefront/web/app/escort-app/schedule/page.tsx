import type { Metadata } from "next"
import { EscortScheduleEditor } from "@/components/escort-app/escort-schedule-editor"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "我的排班" }

export default async function EscortSchedulePage() {
  await requireEscort()
  return (
    <>
      <h1>我的排班</h1>
      <EscortScheduleEditor />
    </>
  )
}
