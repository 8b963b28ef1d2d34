import type { BankQuestion, SyncedTrainingCourse, TrainingLesson } from "../types"

type Raw = Record<string, unknown>

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)
const list = (value: unknown) => (Array.isArray(value) ? (value as Raw[]) : [])
/** A whole number in [min, max], else the fallback (an editor's empty field or nonsense). */
const whole = (value: unknown, fallback: number, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : fallback
const nameOf = (value: unknown) => text((value as Raw | null)?.name)
const safeVideo = (value: unknown) => {
  const url = text(value)
  return url && /^https:\/\//i.test(url) ? url : null
}

/** A bank question with at least two options and one right one; null otherwise. */
export function questionFromCms(raw: Raw): BankQuestion | null {
  const id = text(raw.documentId)
  const stem = text(raw.stem)
  const options = list(raw.options)
    .filter((option) => text(option?.text))
    .map((option) => ({ text: text(option.text)!, correct: option.correct === true }))
  if (!id || !stem || options.length < 2) return null
  const correct = options.filter((option) => option.correct).length
  const kind = raw.kind === "multiple" ? "multiple" : "single"
  if (correct === 0 || (kind === "single" && correct !== 1)) return null
  return { id, kind, stem, options, explanation: text(raw.explanation) }
}

/** A lesson's stable key: the CMS component id, else its position (1-based). */
export const lessonKey = (id: unknown, index: number) =>
  typeof id === "number" || (typeof id === "string" && /^[\w-]{1,40}$/.test(id))
    ? String(id)
    : `#${index + 1}`

/**
 * A course as the CMS's REST API answers it (lessons with images, exam settings, hospital
 * and department populated) with its questions, in the shape commerce keeps; null when it
 * has no id or title. Media URLs are made absolute with `mediaBase`; video links must be
 * https (they open in the escort's browser).
 */
export function trainingCourseFromCms(
  raw: Raw,
  questions: BankQuestion[],
  mediaBase: string
): SyncedTrainingCourse | null {
  const cmsId = text(raw.documentId)
  const title = text(raw.title)
  if (!cmsId || !title) return null
  const exam = (raw.exam ?? {}) as Raw
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${mediaBase}${url}`)
  const lessons: TrainingLesson[] = list(raw.lessons)
    .filter((lesson) => text(lesson?.title))
    .map((lesson, index) => ({
      // The CMS component's own id: a read stays with its lesson when editors reorder them.
      key: lessonKey(lesson.id, index),
      title: text(lesson.title)!,
      body: text(lesson.body),
      images: list(lesson.images)
        .filter((image) => text(image?.url))
        .map((image) => ({ url: absolute(text(image.url)!), alt: text(image.alternativeText) })),
      video_url: safeVideo(lesson.video_url),
    }))
  return {
    cms_id: cmsId,
    title,
    summary: text(raw.summary),
    hospital_name: nameOf(raw.hospital),
    department_name: nameOf(raw.department),
    specialty: text(raw.specialty),
    required_for_first_task: raw.required_for_first_task === true,
    refresher_months: whole(raw.refresher_months, 12, 1, 120),
    pass_mark_percent: whole(exam.pass_mark_percent, 80, 1, 100),
    question_count: whole(exam.question_count, 10, 1, 100),
    retry_cooldown_minutes: whole(exam.retry_cooldown_minutes, 30, 0, 10_080),
    sort: whole(raw.sort, 0, -1_000_000, 1_000_000),
    lessons,
    questions,
  }
}
