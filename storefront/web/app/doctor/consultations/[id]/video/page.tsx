import type { Metadata } from "next"
import { requireDoctor } from "../../../_components/require-doctor"
import { DoctorVideoRoom } from "./doctor-video-room"

export const metadata: Metadata = { title: "视频问诊" }

export default async function DoctorConsultationVideoPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireDoctor()
  const { id } = await params
  return <DoctorVideoRoom id={id} />
}
