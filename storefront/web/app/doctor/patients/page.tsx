import type { Metadata } from "next"
import { DoctorPatients } from "../_components/doctor-patients"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "我的患者" }

export default async function DoctorPatientsPage() {
  await requireDoctor()
  return <DoctorPatients />
}
