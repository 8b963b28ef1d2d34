import type { Metadata } from "next"
import { DoctorGroupSessions } from "../_components/doctor-group-sessions"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "在线咨询" }

/** 在线咨询: the expert's scheduled group sessions. */
export default async function DoctorGroupSessionsPage() {
  await requireDoctor()
  return <DoctorGroupSessions />
}
