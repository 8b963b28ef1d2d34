import type { Metadata } from "next"
import { DoctorLicenceView } from "../_components/doctor-licence"
import { requireDoctor } from "../_components/require-doctor"

export const metadata: Metadata = { title: "资质认证" }

/** 在线诊室 · 资质认证: the doctor's licence documents, their review, and uploading more. */
export default async function DoctorLicencePage() {
  await requireDoctor({ allowUnverified: true })
  return <DoctorLicenceView />
}
