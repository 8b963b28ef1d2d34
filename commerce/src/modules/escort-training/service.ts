import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { contextSql } from "../../lib/database/context-sql"
import { EscortExamAttempt } from "./models/exam-attempt"
import { EscortTrainingCertificate } from "./models/training-certificate"
import { EscortTrainingCourse } from "./models/training-course"
import { EscortTrainingSync } from "./models/training-sync"
import { EscortLessonRead } from "./models/lesson-read"
import { lessonKeys } from "./rules/lesson-keys"
import { drawExam, type PickIndex } from "./rules/draw-exam"
import { gradeExam } from "./rules/grade-exam"
import { certificateExpiry, retryAt } from "./rules/training-progress"
import type {
  ExamAttemptRow,
  LessonReadRow,
  SyncedTrainingCourse,
  TrainingCertificateRow,
  TrainingCourseRow,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

const COURSE_COLUMNS = `id, cms_id, title, summary, hospital_name, department_name, specialty,
  required_for_first_task, refresher_months, pass_mark_percent, question_count,
  retry_cooldown_minutes, sort, lessons, questions, synced_at`
const ATTEMPT_COLUMNS = `id, escort_id, course_id, status, questions, answers, pass_mark_percent,
  correct_count, score_percent, started_at, submitted_at`
const CERTIFICATE_COLUMNS = `id, escort_id, course_id, attempt_id, course_title, score_percent,
  issued_at, expires_at, issued_by, reminded_at`

/** What a submit came to: the graded attempt and, when it passed, its certificate. */
export type SubmittedAttempt = {
  attempt: ExamAttemptRow
  certificate: TrainingCertificateRow | null
  /** False when another submit of the same attempt graded it first (nothing changed here). */
  graded_now: boolean
}

/**
 * 陪诊员培训与考试: the synced courses with their question banks, exam attempts graded on the
 * server only, and certificates. An escort's attempts on one course are serialised by an
 * advisory lock; grading is a conditional UPDATE from in_progress, so a double submit
 * grades once and issues one certificate.
 */
class EscortTrainingModuleService extends MedusaService({
  EscortTrainingCourse,
  EscortExamAttempt,
  EscortTrainingCertificate,
  EscortTrainingSync,
  EscortLessonRead,
}) {
  private sql(context: Context) {
    return contextSql(context, "escort-training")
  }

  /**
   * Replaces the synced copy with what the CMS publishes now: new and changed courses are
   * written, courses gone from the CMS are soft-deleted (no longer listed or required).
   */
  @InjectTransactionManager()
  async replaceCourses(
    courses: SyncedTrainingCourse[],
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ courses: number; removed: number }> {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext('escort-training:sync'))`)
    for (const course of courses) {
      await sql.execute(
        `insert into escort_training_course (id, cms_id, title, summary, hospital_name,
           department_name, specialty, required_for_first_task, refresher_months,
           pass_mark_percent, question_count, retry_cooldown_minutes, sort, lessons, questions,
           synced_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
         on conflict (cms_id) where deleted_at is null do update set title = excluded.title,
           summary = excluded.summary, hospital_name = excluded.hospital_name,
           department_name = excluded.department_name, specialty = excluded.specialty,
           required_for_first_task = excluded.required_for_first_task,
           refresher_months = excluded.refresher_months,
           pass_mark_percent = excluded.pass_mark_percent,
           question_count = excluded.question_count,
           retry_cooldown_minutes = excluded.retry_cooldown_minutes, sort = excluded.sort,
           lessons = excluded.lessons, questions = excluded.questions,
           synced_at = excluded.synced_at, updated_at = now()`,
        [
          generateEntityId("", "etcourse"),
          course.cms_id,
          course.title,
          course.summary,
          course.hospital_name,
          course.department_name,
          course.specialty,
          course.required_for_first_task,
          course.refresher_months,
          course.pass_mark_percent,
          course.question_count,
          course.retry_cooldown_minutes,
          course.sort,
          JSON.stringify(course.lessons),
          JSON.stringify(course.questions),
          now,
        ]
      )
    }
    const kept = courses.map((course) => course.cms_id)
    const removed = await sql.execute(
      `update escort_training_course set deleted_at = now(), updated_at = now()
       where deleted_at is null ${kept.length ? `and cms_id not in (${kept.map(() => "?").join(", ")})` : ""}
       returning id`,
      kept
    )
    await sql.execute(
      `insert into escort_training_sync (id, synced_at) values ('last', ?)
       on conflict (id) do update set synced_at = excluded.synced_at`,
      [now]
    )
    return { courses: courses.length, removed: removed.length }
  }

  /** When the copy was last replaced from the CMS; null before the first sync. */
  @InjectManager()
  async lastSyncedAt(@MedusaContext() context: Context = {}): Promise<Date | null> {
    const [row] = await this.sql(context).execute<{ synced_at: Date }>(
      `select synced_at from escort_training_sync where id = 'last'`
    )
    return row ? new Date(row.synced_at) : null
  }

  @InjectManager()
  async courses(@MedusaContext() context: Context = {}): Promise<TrainingCourseRow[]> {
    return this.sql(context).execute<TrainingCourseRow>(
      `select ${COURSE_COLUMNS} from escort_training_course where deleted_at is null
       order by required_for_first_task desc, sort, title, id`
    )
  }

  /** A course by its CMS id (what routes and clients use). */
  @InjectManager()
  async course(cmsId: string, @MedusaContext() context: Context = {}): Promise<TrainingCourseRow> {
    const [row] = await this.sql(context).execute<TrainingCourseRow>(
      `select ${COURSE_COLUMNS} from escort_training_course where cms_id = ? and deleted_at is null`,
      [cmsId]
    )
    if (!row) throw notFound("未找到该培训课程")
    return row
  }

  /** Each course's newest attempt by this escort. */
  @InjectManager()
  async latestAttempts(
    escortIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<ExamAttemptRow[]> {
    if (!escortIds.length) return []
    return this.sql(context).execute<ExamAttemptRow>(
      `select distinct on (escort_id, course_id) ${ATTEMPT_COLUMNS} from escort_exam_attempt
       where escort_id in (${escortIds.map(() => "?").join(", ")}) and deleted_at is null
       order by escort_id, course_id, started_at desc, id desc`,
      escortIds
    )
  }

  /** Each course's newest certificate of these escorts (valid or not). */
  @InjectManager()
  async latestCertificates(
    escortIds: string[] | null,
    @MedusaContext() context: Context = {}
  ): Promise<TrainingCertificateRow[]> {
    if (escortIds && !escortIds.length) return []
    return this.sql(context).execute<TrainingCertificateRow>(
      `select distinct on (escort_id, course_id) ${CERTIFICATE_COLUMNS}
       from escort_training_certificate
       where deleted_at is null
         ${escortIds ? `and escort_id in (${escortIds.map(() => "?").join(", ")})` : ""}
       order by escort_id, course_id, expires_at desc, id desc`,
      escortIds ?? []
    )
  }

  /** Every certificate ever issued to the escort, newest first (staff's history view). */
  @InjectManager()
  async certificatesOf(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<TrainingCertificateRow[]> {
    return this.sql(context).execute<TrainingCertificateRow>(
      `select ${CERTIFICATE_COLUMNS} from escort_training_certificate
       where escort_id = ? and deleted_at is null order by issued_at desc, id desc`,
      [escortId]
    )
  }

  @InjectManager()
  async attempt(
    id: string,
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ExamAttemptRow> {
    const [row] = await this.sql(context).execute<ExamAttemptRow>(
      `select ${ATTEMPT_COLUMNS} from escort_exam_attempt
       where id = ? and escort_id = ? and deleted_at is null`,
      [id, escortId]
    )
    if (!row) throw notFound("未找到该次考试")
    return row
  }

  /**
   * Starts an exam, or returns the one already in progress (a double tap starts one). A
   * failed attempt blocks a new one until the course's cool-down has passed.
   */
  @InjectTransactionManager()
  async startAttempt(
    escortId: string,
    courseCmsId: string,
    now: Date,
    pick?: PickIndex,
    @MedusaContext() context: Context = {}
  ): Promise<ExamAttemptRow> {
    const sql = this.sql(context)
    const course = await this.course(courseCmsId, context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `escort-training:${escortId}:${course.id}`,
    ])
    const [latest] = await sql.execute<ExamAttemptRow>(
      `select ${ATTEMPT_COLUMNS} from escort_exam_attempt
       where escort_id = ? and course_id = ? and deleted_at is null
       order by started_at desc, id desc limit 1`,
      [escortId, course.id]
    )
    if (latest?.status === "in_progress") return latest
    const retry = retryAt({
      retry_cooldown_minutes: course.retry_cooldown_minutes,
      attempt: latest ?? null,
    })
    if (retry && retry.getTime() > now.getTime()) {
      const minutes = Math.ceil((retry.getTime() - now.getTime()) / 60_000)
      throw notAllowed(`考试未通过，需等待冷却时间结束后重考（约 ${minutes} 分钟后）`)
    }
    const questions = drawExam(course.questions, course.question_count, pick)
    if (!questions.length) throw notAllowed("该课程暂无考试题目，请联系运营")
    const id = generateEntityId("", "etatt")
    await sql.execute(
      `insert into escort_exam_attempt (id, escort_id, course_id, status, questions,
         pass_mark_percent, started_at)
       values (?, ?, ?, 'in_progress', ?::jsonb, ?, ?)`,
      [id, escortId, course.id, JSON.stringify(questions), course.pass_mark_percent, now]
    )
    return this.attempt(id, escortId, context)
  }

  /**
   * Grades an attempt against the keys stored when it started. Every question needs an
   * answer whose keys belong to it. The UPDATE is conditional on in_progress: the second of
   * two submits waits for the first, finds it graded, and returns that outcome unchanged.
   */
  @InjectTransactionManager()
  async submitAttempt(
    attemptId: string,
    escortId: string,
    answers: Record<string, string[]>,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<SubmittedAttempt> {
    const sql = this.sql(context)
    const attempt = await this.attempt(attemptId, escortId, context)
    if (attempt.status !== "in_progress") {
      return {
        attempt,
        certificate: await this.certificateOf(attempt.id, context),
        graded_now: false,
      }
    }
    const unanswered = attempt.questions.filter(
      (question) => !(answers[question.question_id]?.length > 0)
    )
    if (unanswered.length) throw invalid(`还有 ${unanswered.length} 道题未作答`)
    for (const question of attempt.questions) {
      const keys = new Set(question.options.map((option) => option.key))
      const chosen = answers[question.question_id]
      if (chosen.some((key) => !keys.has(key))) throw invalid("答案中有不属于该题的选项")
      if (question.kind === "single" && chosen.length !== 1) {
        throw invalid("单选题只能选择一个选项")
      }
    }
    const kept = Object.fromEntries(
      attempt.questions.map((question) => [question.question_id, answers[question.question_id]])
    )
    const grade = gradeExam(attempt.questions, kept, attempt.pass_mark_percent)
    const graded = await sql.execute(
      `update escort_exam_attempt set status = ?, answers = ?::jsonb, correct_count = ?,
         score_percent = ?, submitted_at = ?, updated_at = now()
       where id = ? and status = 'in_progress' returning id`,
      [
        grade.passed ? "passed" : "failed",
        JSON.stringify(kept),
        grade.correct_count,
        grade.score_percent,
        now,
        attemptId,
      ]
    )
    if (!graded.length) {
      const settled = await this.attempt(attemptId, escortId, context)
      return {
        attempt: settled,
        certificate: await this.certificateOf(attemptId, context),
        graded_now: false,
      }
    }
    let certificate: TrainingCertificateRow | null = null
    if (grade.passed) {
      const [course] = await sql.execute<{ title: string; refresher_months: number }>(
        `select title, refresher_months from escort_training_course where id = ?`,
        [attempt.course_id]
      )
      await sql.execute(
        `insert into escort_training_certificate (id, escort_id, course_id, attempt_id,
           course_title, score_percent, issued_at, expires_at)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
        [
          generateEntityId("", "etcert"),
          escortId,
          attempt.course_id,
          attemptId,
          course?.title ?? "",
          grade.score_percent,
          now,
          certificateExpiry(now, course?.refresher_months ?? 12),
        ]
      )
      certificate = await this.certificateOf(attemptId, context)
    }
    return {
      attempt: await this.attempt(attemptId, escortId, context),
      certificate,
      graded_now: true,
    }
  }

  /**
   * Marks a lesson of a course read by the escort (the first opening counts; opening it
   * again changes nothing). An unknown lesson is a 404.
   */
  @InjectTransactionManager()
  async markLessonRead(
    escortId: string,
    courseCmsId: string,
    key: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const course = await this.course(courseCmsId, context)
    if (!lessonKeys(course.lessons).includes(key)) throw notFound("未找到该课时")
    await this.sql(context).execute(
      `insert into escort_lesson_read (id, escort_id, course_id, lesson_key, read_at)
       values (?, ?, ?, ?, ?) on conflict (escort_id, course_id, lesson_key)
         where deleted_at is null do nothing`,
      [generateEntityId("", "etread"), escortId, course.id, key, now]
    )
  }

  /** Every lesson these escorts have read. */
  @InjectManager()
  async lessonReads(
    escortIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<LessonReadRow[]> {
    if (!escortIds.length) return []
    return this.sql(context).execute<LessonReadRow>(
      `select escort_id, course_id, lesson_key, read_at from escort_lesson_read
       where escort_id in (${escortIds.map(() => "?").join(", ")}) and deleted_at is null`,
      escortIds
    )
  }

  /**
   * Staff record an offline exam (线下考核) for the escort: a certificate for each named course,
   * or for every required one the escort holds no valid certificate for, valid from `now`.
   */
  @InjectTransactionManager()
  async recordOfflineCertificates(
    escortId: string,
    courseCmsIds: string[] | null,
    staffId: string,
    scorePercent: number,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<TrainingCertificateRow[]> {
    const sql = this.sql(context)
    const courses = courseCmsIds
      ? await Promise.all(courseCmsIds.map((id) => this.course(id, context)))
      : (await this.courses(context)).filter((course) => course.required_for_first_task)
    const missing = courseCmsIds
      ? null
      : ((await this.missingRequiredCourses([escortId], now, context)).get(escortId) ?? [])
    const issued: TrainingCertificateRow[] = []
    for (const course of courses) {
      if (missing && !missing.some((one) => one.cms_id === course.cms_id)) continue
      const attemptId = generateEntityId("", "etoffline")
      await sql.execute(
        `insert into escort_training_certificate (id, escort_id, course_id, attempt_id,
           course_title, score_percent, issued_at, expires_at, issued_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          generateEntityId("", "etcert"),
          escortId,
          course.id,
          attemptId,
          course.title,
          scorePercent,
          now,
          certificateExpiry(now, course.refresher_months),
          staffId,
        ]
      )
      issued.push((await this.certificateOf(attemptId, context))!)
    }
    return issued
  }

  @InjectManager()
  async certificateOf(
    attemptId: string,
    @MedusaContext() context: Context = {}
  ): Promise<TrainingCertificateRow | null> {
    const [row] = await this.sql(context).execute<TrainingCertificateRow>(
      `select ${CERTIFICATE_COLUMNS} from escort_training_certificate
       where attempt_id = ? and deleted_at is null`,
      [attemptId]
    )
    return row ?? null
  }

  /**
   * The required courses (必修) each escort has no certificate valid at `now` for: an
   * escort missing from the map may take tasks as far as training is concerned.
   */
  @InjectManager()
  async missingRequiredCourses(
    escortIds: string[],
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, { cms_id: string; title: string }[]>> {
    const missing = new Map<string, { cms_id: string; title: string }[]>()
    if (!escortIds.length) return missing
    const required = await this.sql(context).execute<{ id: string; cms_id: string; title: string }>(
      `select id, cms_id, title from escort_training_course
       where required_for_first_task = true and deleted_at is null order by sort, title, id`
    )
    if (!required.length) return missing
    const valid = await this.sql(context).execute<{ escort_id: string; course_id: string }>(
      `select distinct escort_id, course_id from escort_training_certificate
       where escort_id in (${escortIds.map(() => "?").join(", ")}) and expires_at > ?
         and deleted_at is null`,
      [...escortIds, now]
    )
    const held = new Set(valid.map((row) => `${row.escort_id}:${row.course_id}`))
    for (const escortId of escortIds) {
      const lacking = required.filter((course) => !held.has(`${escortId}:${course.id}`))
      if (lacking.length) {
        missing.set(
          escortId,
          lacking.map(({ cms_id, title }) => ({ cms_id, title }))
        )
      }
    }
    return missing
  }

  /**
   * Newest certificates of required courses that lapse by `until` and whose escort was not
   * told yet (the daily refresher reminder).
   */
  @InjectManager()
  async certificatesDueForRefresher(
    until: Date,
    @MedusaContext() context: Context = {}
  ): Promise<TrainingCertificateRow[]> {
    return this.sql(context).execute<TrainingCertificateRow>(
      `select * from (
         select distinct on (c.escort_id, c.course_id) ${CERTIFICATE_COLUMNS.split(",")
           .map((column) => `c.${column.trim()}`)
           .join(", ")}
         from escort_training_certificate c
         join escort_training_course k on k.id = c.course_id and k.deleted_at is null
           and k.required_for_first_task = true
         where c.deleted_at is null
         order by c.escort_id, c.course_id, c.expires_at desc, c.id desc
       ) newest where newest.expires_at <= ? and newest.reminded_at is null limit 1000`,
      [until]
    )
  }

  /** Stamps the refresher reminder; false when another run sent it first. */
  @InjectTransactionManager()
  async markRefresherReminded(
    certificateId: string,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const updated = await this.sql(context).execute(
      `update escort_training_certificate set reminded_at = now(), updated_at = now()
       where id = ? and reminded_at is null returning id`,
      [certificateId]
    )
    return updated.length > 0
  }
}

export default EscortTrainingModuleService
