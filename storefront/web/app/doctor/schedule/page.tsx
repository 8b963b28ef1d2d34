import type { Metadata } from "next"
import { DoctorDuty } from "../_components/doctor-duty"
import { DoctorWeek } from "../_components/doctor-week"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "排班与接诊" }

export default async function DoctorSchedulePage() {
  await requireDoctor()
  return (
    <>
      <DoctorDuty />
      <DoctorWeek />
    </>
  )
}
