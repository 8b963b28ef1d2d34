import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"
import {
  COURSE_PROGRESS_LABELS,
  courseProgress,
  retryAt,
  type CourseProgressState,
} from "../../modules/escort-training/rules/training-progress"
import { lessonKeys, lessonsReadCount } from "../../modules/escort-training/rules/lesson-keys"
import type { TrainingCourseRow } from "../../modules/escort-training/types"

export type CourseProgress = {
  state: CourseProgressState
  label: string
  /** The open attempt to resume, when one is in progress. */
  attempt_id: string | null
  last_score_percent: number | null
  /** When a failed attempt may be retried (the cool-down's end), ISO; null when nothing waits. */
  retry_at: string | null
  certificate: { id: string; issued_at: string; expires_at: string; score_percent: number } | null
  /** Reading: lessons opened of the course's lessons, and which (their keys). */
  lessons_read: number
  lesson_count: number
  read_lesson_keys: string[]
}

export type EscortTrainingProgress = {
  escort_id: string
  /** Every required course holds a valid certificate: the training gate lets them take tasks. */
  qualified: boolean
  missing_required: string[]
  courses: Map<string, CourseProgress>
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** Each escort's standing on each synced course, from their newest attempts and certificates. */
export async function readTrainingProgress(
  container: MedusaContainer,
  escortIds: string[],
  now = new Date()
): Promise<{ courses: TrainingCourseRow[]; progress: Map<string, EscortTrainingProgress> }> {
  const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const courses = await training.courses()
  const attempts = await training.latestAttempts(escortIds)
  const certificates = await training.latestCertificates(escortIds)
  const reads = await training.lessonReads(escortIds)
  const progress = new Map<string, EscortTrainingProgress>()
  for (const escortId of escortIds) {
    const perCourse = new Map<string, CourseProgress>()
    const missing: string[] = []
    for (const course of courses) {
      const attempt = attempts.find((a) => a.escort_id === escortId && a.course_id === course.id)
      const certificate = certificates.find(
        (c) => c.escort_id === escortId && c.course_id === course.id
      )
      const inputs = {
        now,
        retry_cooldown_minutes: course.retry_cooldown_minutes,
        attempt: attempt ?? null,
        certificate: certificate ?? null,
      }
      const state = courseProgress(inputs)
      const keys = new Set(
        reads
          .filter((read) => read.escort_id === escortId && read.course_id === course.id)
          .map((read) => read.lesson_key)
      )
      const current = lessonKeys(course.lessons)
      const retry = retryAt(inputs)
      perCourse.set(course.cms_id, {
        state,
        label: COURSE_PROGRESS_LABELS[state],
        attempt_id: attempt?.status === "in_progress" ? attempt.id : null,
        last_score_percent: attempt?.score_percent ?? null,
        retry_at: state === "cooling_down" && retry ? retry.toISOString() : null,
        certificate: certificate
          ? {
              id: certificate.id,
              issued_at: iso(certificate.issued_at),
              expires_at: iso(certificate.expires_at),
              score_percent: certificate.score_percent,
            }
          : null,
        lessons_read: lessonsReadCount(course.lessons, keys),
        lesson_count: course.lessons.length,
        read_lesson_keys: current.filter((key) => keys.has(key)),
      })
      if (course.required_for_first_task && state !== "passed") missing.push(course.title)
    }
    progress.set(escortId, {
      escort_id: escortId,
      qualified: missing.length === 0,
      missing_required: missing,
      courses: perCourse,
    })
  }
  return { courses, progress }
}
