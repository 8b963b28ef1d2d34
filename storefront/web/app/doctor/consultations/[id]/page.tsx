import type { Metadata } from "next"
import { DoctorConsultation } from "../../_components/doctor-consultation"
import { requireDoctor } from "../../_components/require-doctor"

export const metadata: Metadata = { title: "问诊详情" }

export default async function DoctorConsultationPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireDoctor()
  const { id } = await params
  return <DoctorConsultation id={id} />
}
