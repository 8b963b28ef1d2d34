import type { Metadata } from "next"
import { DoctorDuty } from "../_components/doctor-duty"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "排班与接诊" }

export default async function DoctorSchedulePage() {
  await requireDoctor()
  return <DoctorDuty />
}
