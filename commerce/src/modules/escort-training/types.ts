/** A lesson as the CMS writes it: rich text, pictures and video links. */
export type TrainingLesson = {
  /** Stable per lesson (the CMS component id); absent in copies synced before reads were kept. */
  key?: string
  title: string
  body: string | null
  images: { url: string; alt: string | null }[]
  video_url: string | null
}

/** A bank question with its correct options (server-side only). */
export type BankQuestion = {
  id: string
  kind: "single" | "multiple"
  stem: string
  options: { text: string; correct: boolean }[]
  explanation: string | null
}

/** A course as read from the CMS, before it is stored in the synced copy. */
export type SyncedTrainingCourse = {
  cms_id: string
  title: string
  summary: string | null
  hospital_name: string | null
  department_name: string | null
  specialty: string | null
  required_for_first_task: boolean
  refresher_months: number
  pass_mark_percent: number
  question_count: number
  retry_cooldown_minutes: number
  sort: number
  lessons: TrainingLesson[]
  questions: BankQuestion[]
}

export type TrainingCourseRow = SyncedTrainingCourse & {
  id: string
  synced_at: Date | string
}

/** A drawn question of an attempt: options in the order shown, keys fresh per attempt. */
export type AttemptQuestion = {
  question_id: string
  kind: "single" | "multiple"
  stem: string
  options: { key: string; text: string }[]
  correct: string[]
  explanation: string | null
}

export type ExamAttemptStatus = "in_progress" | "passed" | "failed"

export type ExamAttemptRow = {
  id: string
  escort_id: string
  course_id: string
  status: ExamAttemptStatus
  questions: AttemptQuestion[]
  answers: Record<string, string[]> | null
  pass_mark_percent: number
  correct_count: number | null
  score_percent: number | null
  started_at: Date | string
  submitted_at: Date | string | null
}

export type TrainingCertificateRow = {
  id: string
  escort_id: string
  course_id: string
  attempt_id: string
  course_title: string
  score_percent: number
  issued_at: Date | string
  expires_at: Date | string
  issued_by: string | null
  reminded_at: Date | string | null
}

/** An escort opened a lesson of a course (its key), first at `read_at`. */
export type LessonReadRow = {
  escort_id: string
  course_id: string
  lesson_key: string
  read_at: Date | string
}
