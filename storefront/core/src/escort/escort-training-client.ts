import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

const noStore = { cacheHint: "no-store" as const }

export type TrainingProgressState =
  | "not_started"
  | "in_progress"
  | "cooling_down"
  | "failed"
  | "passed"
  | "expired"

export type TrainingCourseProgress = {
  state: TrainingProgressState
  label: string
  attempt_id: string | null
  last_score_percent: number | null
  /** The cool-down's end (ISO) after a failed attempt; null when a retry is open. */
  retry_at: string | null
  certificate: { id: string; issued_at: string; expires_at: string; score_percent: number } | null
  /** Reading progress: lessons opened of the course's lessons. */
  lessons_read: number
  lesson_count: number
}

export type TrainingLesson = {
  /** The lesson's key: what marking it read names. */
  key: string
  /** Opened by this escort already. */
  read: boolean
  title: string
  /** Markdown written by the editors. */
  body: string | null
  images: { url: string; alt: string | null }[]
  video_url: string | null
}

export type TrainingCourse = {
  id: string
  title: string
  summary: string | null
  scope: { hospital: string | null; department: string | null; specialty: string | null }
  required: boolean
  refresher_months: number
  lesson_count: number
  exam: { pass_mark_percent: number; question_count: number; retry_cooldown_minutes: number }
  progress: TrainingCourseProgress | null
  lessons?: TrainingLesson[]
}

export type TrainingOverview = {
  /** Every required course passed and valid: the escort may take tasks. */
  qualified: boolean
  missing_required: string[]
  /** 完成必修培训并通过考试后才能接单：《…》 while not qualified. */
  message: string | null
  courses: TrainingCourse[]
}

export type ExamQuestion = {
  id: string
  number: number
  kind: "single" | "multiple"
  kind_label: string
  stem: string
  options: { key: string; text: string }[]
  /** After grading only: what the escort chose, whether it was right, the explanation. */
  chosen?: string[]
  right?: boolean
  explanation?: string | null
}

export type ExamAttempt = {
  id: string
  course_id: string | null
  course_title: string | null
  status: "in_progress" | "passed" | "failed"
  status_label: string
  pass_mark_percent: number
  started_at: string
  submitted_at: string | null
  questions: ExamQuestion[]
  result: { passed: boolean; score_percent: number; correct_count: number; total: number } | null
}

export type TrainingCertificate = {
  id: string
  course_title: string
  issued_at: string
  expires_at: string
}

/** The exam's answers: option keys per question id. */
export type ExamAnswers = Record<string, string[]>

/**
 * 陪诊员培训与考试 (the escort app's training pages): courses with progress, a course's
 * lessons, starting an exam (questions shuffled by commerce, no answers) and submitting it
 * (graded by commerce). The web passes "" as the token: its relay adds it from the cookie.
 */
export function createEscortTrainingClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async overview(token: string): Promise<TrainingOverview> {
      return (
        await request<{ training: TrainingOverview }>("/escort/training", { token, ...noStore })
      ).training
    },

    async course(token: string, courseId: string): Promise<TrainingCourse> {
      return (
        await request<{ course: TrainingCourse }>(
          `/escort/training/courses/${encodeURIComponent(courseId)}`,
          { token, ...noStore }
        )
      ).course
    },

    /** The escort opened a lesson: marks it read (once) and answers the course with progress. */
    async markLessonRead(
      token: string,
      courseId: string,
      lessonKey: string
    ): Promise<TrainingCourse> {
      return (
        await request<{ course: TrainingCourse }>(
          `/escort/training/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonKey)}/read`,
          { method: "POST", body: "{}", token, ...noStore }
        )
      ).course
    },

    /** Starts the exam, or resumes the open one; a 400 during the cool-down says how long. */
    async startExam(token: string, courseId: string): Promise<ExamAttempt> {
      return (
        await request<{ attempt: ExamAttempt }>(
          `/escort/training/courses/${encodeURIComponent(courseId)}/attempts`,
          { method: "POST", body: "{}", token, ...noStore }
        )
      ).attempt
    },

    async attempt(token: string, attemptId: string): Promise<ExamAttempt> {
      return (
        await request<{ attempt: ExamAttempt }>(
          `/escort/training/attempts/${encodeURIComponent(attemptId)}`,
          { token, ...noStore }
        )
      ).attempt
    },

    async submitExam(
      token: string,
      attemptId: string,
      answers: ExamAnswers
    ): Promise<{ attempt: ExamAttempt; certificate: TrainingCertificate | null }> {
      return request(`/escort/training/attempts/${encodeURIComponent(attemptId)}/submit`, {
        method: "POST",
        body: JSON.stringify({ answers }),
        token,
        ...noStore,
      })
    },
  }
}

export type EscortTrainingApi = ReturnType<typeof createEscortTrainingClient>

/** A choice on the exam page: one key for a single-choice question, toggled for multiple. */
export function chooseExamOption(
  answers: ExamAnswers,
  question: Pick<ExamQuestion, "id" | "kind">,
  key: string
): ExamAnswers {
  const current = answers[question.id] ?? []
  if (question.kind === "single") return { ...answers, [question.id]: [key] }
  const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key]
  return { ...answers, [question.id]: next }
}

/** How many questions still have no answer (the submit button says so). */
export function unansweredCount(questions: Pick<ExamQuestion, "id">[], answers: ExamAnswers) {
  return questions.filter((question) => !(answers[question.id]?.length > 0)).length
}

/** "还需等待 12 分 05 秒" until `retryAt`, or null once a retry is open. */
export function cooldownText(retryAt: string | null, now: Date): string | null {
  if (!retryAt) return null
  const left = Math.ceil((Date.parse(retryAt) - now.getTime()) / 1000)
  if (left <= 0) return null
  const minutes = Math.floor(left / 60)
  const seconds = String(left % 60).padStart(2, "0")
  return `还需等待 ${minutes} 分 ${seconds} 秒后可重考`
}

/** "有效期至 2027-12-07" in Beijing time. */
export function certificateValidUntil(expiresAt: string): string {
  const beijing = new Date(Date.parse(expiresAt) + 8 * 3_600_000).toISOString().slice(0, 10)
  return `有效期至 ${beijing}`
}
