import type { Metadata } from "next"
import { requireEscort } from "@/lib/require-escort"
import { TrainingOverviewView } from "./training-overview"
import "./training.css"

export const metadata: Metadata = { title: "培训考试" }

/** 培训考试: the courses with the escort's progress, and whether they may take tasks yet. */
export default async function EscortTrainingPage() {
  await requireEscort()
  return (
    <section data-testid="escort-training-page">
      <h1>培训考试</h1>
      <TrainingOverviewView />
    </section>
  )
}
