import type { Metadata } from "next"
import { DoctorGroupSessionConsole } from "../../_components/doctor-group-session-console"
import { requireDoctor } from "../../_components/require-doctor"

export const metadata: Metadata = { title: "在线咨询控制台" }

/** One session's console: moderating and answering members' questions live. */
export default async function DoctorGroupSessionPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireDoctor()
  const { id } = await params
  return <DoctorGroupSessionConsole id={id} />
}
