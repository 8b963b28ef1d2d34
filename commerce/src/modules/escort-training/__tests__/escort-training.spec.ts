import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESCORT_TRAINING_MODULE } from ".."
import EscortTrainingModuleService from "../service"
import { EscortExamAttempt } from "../models/exam-attempt"
import { EscortTrainingCertificate } from "../models/training-certificate"
import { EscortTrainingCourse } from "../models/training-course"
import { EscortTrainingSync } from "../models/training-sync"
import type { AttemptQuestion, SyncedTrainingCourse } from "../types"

jest.setTimeout(60_000)

const minutes = (n: number) => (at: Date) => new Date(at.getTime() + n * 60_000)

/** A bank of `n` questions; question q<i>'s correct option is the text "对<i>". */
const bank = (n: number): SyncedTrainingCourse["questions"] =>
  Array.from({ length: n }, (_, i) => ({
    id: `q${i + 1}`,
    kind: i % 3 === 2 ? ("multiple" as const) : ("single" as const),
    stem: `第 ${i + 1} 题`,
    options:
      i % 3 === 2
        ? [
            { text: `对${i + 1}`, correct: true },
            { text: `也对${i + 1}`, correct: true },
            { text: `错${i + 1}`, correct: false },
          ]
        : [
            { text: `对${i + 1}`, correct: true },
            { text: `错${i + 1}`, correct: false },
            { text: `也错${i + 1}`, correct: false },
          ],
    explanation: `解析 ${i + 1}`,
  }))

const course = (overrides: Partial<SyncedTrainingCourse> = {}): SyncedTrainingCourse => ({
  cms_id: "course-privacy",
  title: "陪诊服务规范与患者隐私",
  summary: null,
  hospital_name: null,
  department_name: null,
  specialty: null,
  required_for_first_task: true,
  refresher_months: 12,
  pass_mark_percent: 80,
  question_count: 5,
  retry_cooldown_minutes: 30,
  sort: 0,
  lessons: [{ title: "第一课", body: "内容", images: [], video_url: null }],
  questions: bank(8),
  ...overrides,
})

/** The keys of what is right (or, with `wrong`, of a wrong option) for each drawn question. */
const answersFor = (questions: AttemptQuestion[], wrongCount = 0) =>
  Object.fromEntries(
    questions.map((question, index) => {
      if (index < wrongCount) {
        const wrong = question.options.find((option) => !question.correct.includes(option.key))!
        return [question.question_id, [wrong.key]]
      }
      return [question.question_id, question.correct]
    })
  )

moduleIntegrationTestRunner<EscortTrainingModuleService>({
  moduleName: ESCORT_TRAINING_MODULE,
  moduleModels: [
    EscortTrainingCourse,
    EscortExamAttempt,
    EscortTrainingCertificate,
    EscortTrainingSync,
  ],
  resolve: "./src/modules/escort-training",
  testSuite: ({ service }) => {
    const now = new Date("2026-12-07T02:00:00Z")

    beforeEach(async () => {
      await service.replaceCourses([course()], now)
    })

    it("stores the drawn questions with shuffled options under fresh keys and the correct keys server-side", async () => {
      const attempt = await service.startAttempt("esc_1", "course-privacy", now)
      expect(attempt.status).toBe("in_progress")
      expect(attempt.questions).toHaveLength(5)
      const ids = attempt.questions.map((question) => question.question_id)
      expect(new Set(ids).size).toBe(5)
      for (const question of attempt.questions) {
        const stored = (await service.course("course-privacy")).questions.find(
          (q) => q.id === question.question_id
        )!
        expect(question.options.map((o) => o.text).sort()).toEqual(
          stored.options.map((o) => o.text).sort()
        )
        // Keys say nothing about the CMS order and the correct keys name the correct texts.
        expect(question.options.every((o) => /^[0-9a-f]{8}$/.test(o.key))).toBe(true)
        const correctTexts = question.options
          .filter((o) => question.correct.includes(o.key))
          .map((o) => o.text)
          .sort()
        expect(correctTexts).toEqual(
          stored.options
            .filter((o) => o.correct)
            .map((o) => o.text)
            .sort()
        )
      }
      // A second start while it is open is the same attempt (a double tap starts one).
      const again = await service.startAttempt("esc_1", "course-privacy", now)
      expect(again.id).toBe(attempt.id)
      expect(again.questions).toEqual(attempt.questions)
    })

    it("shuffles: across attempts the drawn order and option order differ", async () => {
      const orders = new Set<string>()
      for (let i = 0; i < 6; i++) {
        const attempt = await service.startAttempt(`esc_s${i}`, "course-privacy", now)
        orders.add(
          attempt.questions
            .map((q) => `${q.question_id}:${q.options.map((o) => o.text).join("|")}`)
            .join(",")
        )
      }
      expect(orders.size).toBeGreaterThan(1)
    })

    it("grades on the server: a pass issues a certificate valid for the refresher period", async () => {
      const attempt = await service.startAttempt("esc_2", "course-privacy", now)
      // 4 of 5 right is 80 %: exactly the pass mark.
      const { attempt: graded, certificate } = await service.submitAttempt(
        attempt.id,
        "esc_2",
        answersFor(attempt.questions, 1),
        now
      )
      expect(graded).toMatchObject({ status: "passed", correct_count: 4, score_percent: 80 })
      expect(certificate).toMatchObject({
        escort_id: "esc_2",
        course_title: "陪诊服务规范与患者隐私",
      })
      expect(new Date(certificate!.expires_at).toISOString()).toBe("2027-12-07T02:00:00.000Z")
      expect((await service.missingRequiredCourses(["esc_2"], now)).has("esc_2")).toBe(false)
      // A year and a second later the certificate has lapsed: a refresher is required.
      const later = new Date("2027-12-07T02:00:01Z")
      expect((await service.missingRequiredCourses(["esc_2"], later)).get("esc_2")).toEqual([
        { cms_id: "course-privacy", title: "陪诊服务规范与患者隐私" },
      ])
    })

    it("a multiple-choice question with one option missing is wrong; below the pass mark fails without a certificate", async () => {
      // All 8 questions drawn: q3 and q6 are multiple choice.
      await service.replaceCourses([course({ question_count: 8 })], now)
      const attempt = await service.startAttempt("esc_3", "course-privacy", now)
      expect(attempt.questions).toHaveLength(8)
      const answers = answersFor(attempt.questions)
      const multiple = attempt.questions.find((q) => q.kind === "multiple")!
      const single = attempt.questions.find((q) => q.kind === "single")!
      answers[multiple.question_id] = [multiple.correct[0]]
      answers[single.question_id] = [
        single.options.find((o) => !single.correct.includes(o.key))!.key,
      ]
      const { attempt: graded, certificate } = await service.submitAttempt(
        attempt.id,
        "esc_3",
        answers,
        now
      )
      // 6 of 8 is 75 %, under the pass mark of 80.
      expect(graded).toMatchObject({ status: "failed", correct_count: 6, score_percent: 75 })
      expect(certificate).toBeNull()
      expect(await service.certificatesOf("esc_3")).toEqual([])
    })

    it("enforces the cool-down after a failed attempt, then allows a retry", async () => {
      const attempt = await service.startAttempt("esc_4", "course-privacy", now)
      const { attempt: failed } = await service.submitAttempt(
        attempt.id,
        "esc_4",
        answersFor(attempt.questions, 5),
        now
      )
      expect(failed).toMatchObject({ status: "failed", score_percent: 0 })
      await expect(
        service.startAttempt("esc_4", "course-privacy", minutes(29)(now))
      ).rejects.toThrow("考试未通过，需等待冷却时间结束后重考（约 1 分钟后）")
      const retry = await service.startAttempt("esc_4", "course-privacy", minutes(30)(now))
      expect(retry.id).not.toBe(attempt.id)
    })

    it("a double submit grades once and issues one certificate", async () => {
      const attempt = await service.startAttempt("esc_5", "course-privacy", now)
      const answers = answersFor(attempt.questions)
      const [a, b] = await Promise.all([
        service.submitAttempt(attempt.id, "esc_5", answers, now),
        service.submitAttempt(attempt.id, "esc_5", answersFor(attempt.questions, 5), now),
      ])
      expect([a.graded_now, b.graded_now].sort()).toEqual([false, true])
      expect(a.attempt.status).toBe(b.attempt.status)
      expect(a.attempt.score_percent).toBe(b.attempt.score_percent)
      const certificates = await service.certificatesOf("esc_5")
      expect(certificates.length).toBe(a.attempt.status === "passed" ? 1 : 0)
    })

    it("refuses unanswered questions, foreign option keys and two answers to a single-choice question", async () => {
      const attempt = await service.startAttempt("esc_6", "course-privacy", now)
      const answers = answersFor(attempt.questions)
      const [first, second] = attempt.questions
      await expect(
        service.submitAttempt(attempt.id, "esc_6", { ...answers, [first.question_id]: [] }, now)
      ).rejects.toThrow("还有 1 道题未作答")
      await expect(
        service.submitAttempt(
          attempt.id,
          "esc_6",
          { ...answers, [first.question_id]: [second.options[0].key] },
          now
        )
      ).rejects.toThrow("答案中有不属于该题的选项")
      const single = attempt.questions.find((q) => q.kind === "single")!
      await expect(
        service.submitAttempt(
          attempt.id,
          "esc_6",
          { ...answers, [single.question_id]: single.options.map((o) => o.key) },
          now
        )
      ).rejects.toThrow("单选题只能选择一个选项")
      // Another escort's attempt is not found.
      await expect(service.submitAttempt(attempt.id, "esc_x", answers, now)).rejects.toThrow(
        "未找到该次考试"
      )
    })

    it("a course gone from the CMS is no longer required; an optional course never is", async () => {
      expect((await service.missingRequiredCourses(["esc_7"], now)).get("esc_7")).toHaveLength(1)
      await service.replaceCourses(
        [course({ cms_id: "course-elective", title: "儿科陪诊", required_for_first_task: false })],
        now
      )
      expect((await service.missingRequiredCourses(["esc_7"], now)).has("esc_7")).toBe(false)
      expect((await service.courses()).map((c) => c.cms_id)).toEqual(["course-elective"])
      expect(await service.lastSyncedAt()).toEqual(now)
    })

    it("finds certificates due for a refresher once, and the reminder stamps once", async () => {
      const attempt = await service.startAttempt("esc_8", "course-privacy", now)
      await service.submitAttempt(attempt.id, "esc_8", answersFor(attempt.questions), now)
      const inElevenMonths = new Date("2027-11-07T02:00:00Z")
      expect(await service.certificatesDueForRefresher(inElevenMonths)).toHaveLength(0)
      const inAYear = new Date("2027-12-07T02:00:00Z")
      const [due] = await service.certificatesDueForRefresher(inAYear)
      expect(due.escort_id).toBe("esc_8")
      expect(await service.markRefresherReminded(due.id)).toBe(true)
      expect(await service.markRefresherReminded(due.id)).toBe(false)
      expect(await service.certificatesDueForRefresher(inAYear)).toHaveLength(0)
    })
  },
})
