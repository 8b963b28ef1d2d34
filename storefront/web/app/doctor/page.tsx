import type { Metadata } from "next"
import { DoctorQueue } from "./_components/doctor-queue"
import { requireDoctor } from "./_components/require-doctor"

export const metadata: Metadata = { title: "在线诊室" }

/** 在线诊室: the doctor's queue of consultations. */
export default async function DoctorDeskPage() {
  await requireDoctor()
  return <DoctorQueue />
}
