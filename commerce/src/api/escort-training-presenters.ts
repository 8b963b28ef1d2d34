import type { ExamAttemptRow, TrainingCourseRow } from "../modules/escort-training/types"
import { trainingRequiredMessage } from "../workflows/escort-training/check-escort-training"
import type {
  CourseProgress,
  EscortTrainingProgress,
} from "../workflows/escort-training/read-training-progress"

const KIND_LABELS = { single: "单选题", multiple: "多选题" } as const
const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** A course as escorts and staff see it; lessons only where asked (the reader). */
export function presentTrainingCourse(
  course: TrainingCourseRow,
  progress: CourseProgress | null,
  withLessons = false
) {
  return {
    id: course.cms_id,
    title: course.title,
    summary: course.summary,
    scope: {
      hospital: course.hospital_name,
      department: course.department_name,
      specialty: course.specialty,
    },
    required: course.required_for_first_task,
    refresher_months: course.refresher_months,
    lesson_count: course.lessons.length,
    exam: {
      pass_mark_percent: course.pass_mark_percent,
      question_count: Math.min(course.question_count, course.questions.length),
      retry_cooldown_minutes: course.retry_cooldown_minutes,
    },
    progress,
    ...(withLessons
      ? {
          lessons: course.lessons.map((lesson, index) => {
            const key = lesson.key ?? `#${index + 1}`
            return { ...lesson, key, read: !!progress?.read_lesson_keys.includes(key) }
          }),
        }
      : {}),
  }
}

/** An escort's training overview: whether the gate lets them take tasks, and why not. */
export function presentTrainingOverview(
  courses: TrainingCourseRow[],
  progress: EscortTrainingProgress
) {
  return {
    qualified: progress.qualified,
    missing_required: progress.missing_required,
    message: progress.qualified ? null : trainingRequiredMessage(progress.missing_required),
    courses: courses.map((course) =>
      presentTrainingCourse(course, progress.courses.get(course.cms_id) ?? null)
    ),
  }
}

/**
 * An attempt for the escort. Never the correct options: while it is open, stems and
 * options in the drawn order; once graded, the score and, per question, whether their
 * answer was right, what they chose, and the editor's explanation.
 */
export function presentExamAttempt(attempt: ExamAttemptRow, course: TrainingCourseRow | null) {
  const graded = attempt.status !== "in_progress"
  return {
    id: attempt.id,
    course_id: course?.cms_id ?? null,
    course_title: course?.title ?? null,
    status: attempt.status,
    status_label: { in_progress: "考试中", passed: "已通过", failed: "未通过" }[attempt.status],
    pass_mark_percent: attempt.pass_mark_percent,
    started_at: iso(attempt.started_at),
    submitted_at: iso(attempt.submitted_at),
    questions: attempt.questions.map((question, index) => {
      const chosen = attempt.answers?.[question.question_id] ?? []
      const right =
        chosen.length === question.correct.length &&
        chosen.every((key) => question.correct.includes(key))
      return {
        id: question.question_id,
        number: index + 1,
        kind: question.kind,
        kind_label: KIND_LABELS[question.kind],
        stem: question.stem,
        options: question.options.map(({ key, text }) => ({ key, text })),
        ...(graded ? { chosen, right, explanation: question.explanation } : {}),
      }
    }),
    result: graded
      ? {
          passed: attempt.status === "passed",
          score_percent: attempt.score_percent,
          correct_count: attempt.correct_count,
          total: attempt.questions.length,
        }
      : null,
  }
}
