import type { Metadata } from "next"
import { requireEscort } from "@/lib/require-escort"
import { CourseReader } from "./course-reader"
import "../training.css"

export const metadata: Metadata = { title: "培训课程" }

/** One course's lessons (text, pictures, video links), then the way to its exam. */
export default async function EscortCoursePage({
  params,
}: {
  params: Promise<{ courseId: string }>
}) {
  await requireEscort()
  const { courseId } = await params
  return <CourseReader courseId={decodeURIComponent(courseId)} />
}
