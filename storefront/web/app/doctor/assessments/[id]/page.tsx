import type { Metadata } from "next"
import { requireDoctor } from "../../_components/require-doctor"
import { ExpertAssessment } from "./expert-assessment"

export const metadata: Metadata = { title: "检测评估报告" }

export default async function DoctorAssessmentPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  await requireDoctor()
  const { id } = await params
  return <ExpertAssessment id={id} />
}
