import type { Metadata } from "next"
import { requireEscort } from "@/lib/require-escort"
import { ExamSheet } from "./exam-sheet"
import "../../training.css"

export const metadata: Metadata = { title: "培训考试" }

/** The exam: questions shuffled by commerce, answered without a timer, graded by commerce. */
export default async function EscortExamPage({
  params,
}: {
  params: Promise<{ courseId: string }>
}) {
  await requireEscort()
  const { courseId } = await params
  return <ExamSheet courseId={decodeURIComponent(courseId)} />
}
