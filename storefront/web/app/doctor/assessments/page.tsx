import type { Metadata } from "next"
import { requireDoctor } from "../_components/require-doctor"
import { ExpertAssessments } from "./expert-assessments"

export const metadata: Metadata = { title: "检测评估" }

export default async function DoctorAssessmentsPage() {
  await requireDoctor()
  return (
    <section>
      <h1>检测评估</h1>
      <ExpertAssessments />
    </section>
  )
}
