import type { TrainingLesson } from "../types"

/** Each lesson's key as reads record it; a copy synced before keys existed uses positions. */
export const lessonKeys = (lessons: TrainingLesson[]) =>
  lessons.map((lesson, index) => lesson.key ?? `#${index + 1}`)

/** Lessons read of the course's current lessons (a removed lesson's read no longer counts). */
export function lessonsReadCount(lessons: TrainingLesson[], readKeys: Set<string>) {
  return lessonKeys(lessons).filter((key) => readKeys.has(key)).length
}
