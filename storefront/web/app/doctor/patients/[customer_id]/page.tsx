import type { Metadata } from "next"
import { DoctorPatient } from "../../_components/doctor-patient"
import { requireDoctor } from "../../_components/require-doctor"

export const metadata: Metadata = { title: "患者档案" }

export default async function DoctorPatientPage({
  params,
}: {
  params: Promise<{ customer_id: string }>
}) {
  await requireDoctor()
  const { customer_id } = await params
  return <DoctorPatient customerId={customer_id} />
}
