import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import { offerNextEscortWorkflow } from "../../src/workflows/escort-dispatch/offer-next-escort"
import { remindTrainingRefreshers } from "../../src/workflows/escort-training/remind-training-refreshers"
import { cmsWebhookSecret, signCmsHook } from "../../src/lib/cms/cms-hook-signature"
import { adminHeaders, createPublishableKey } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
// Every read of the course list re-reads the CMS, so a test's CMS change shows at once.
process.env.ESCORT_TRAINING_SYNC_MS = "0"
const TRAINING_TOKEN = "test-training-token-0123456789"
process.env.CMS_TRAINING_TOKEN = TRAINING_TOKEN

type Headers = { headers: Record<string, string> }

const PRIVACY = "course-privacy"
const TITLE = "陪诊服务规范与患者隐私"
/** The privacy course's title as the CMS publishes it now (a test republishes it). */
const published = { title: TITLE }

/** Six questions; the right option's text starts with 对 and its explanation names the rule. */
const QUESTIONS = Array.from({ length: 6 }, (_, i) => ({
  documentId: `question-${i + 1}`,
  kind: i === 5 ? "multiple" : "single",
  stem: `陪诊规范第 ${i + 1} 题`,
  options:
    i === 5
      ? [
          { id: 1, text: "对：核对就诊人身份", correct: true },
          { id: 2, text: "对：保护病历隐私", correct: true },
          { id: 3, text: "错：替患者签字", correct: false },
        ]
      : [
          { id: 1, text: `对：第 ${i + 1} 条规范`, correct: true },
          { id: 2, text: `错：第 ${i + 1} 条误区`, correct: false },
        ],
  explanation: `解析：第 ${i + 1} 条`,
  course: { documentId: PRIVACY },
}))

/** The CMS as Strapi 5 answers commerce's training token (401 without it). */
function startTrainingCms(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    if (req.headers.authorization !== `Bearer ${TRAINING_TOKEN}`) {
      res.writeHead(401, { "content-type": "application/json" })
      res.end(JSON.stringify({ data: null, error: { status: 401 } }))
      return
    }
    const data =
      url.pathname === "/api/courses"
        ? [
            {
              documentId: PRIVACY,
              title: published.title,
              summary: "接单前必修",
              required_for_first_task: true,
              refresher_months: 12,
              sort: 0,
              hospital: null,
              department: null,
              specialty: null,
              exam: { pass_mark_percent: 80, question_count: 5, retry_cooldown_minutes: 30 },
              lessons: [
                {
                  title: "患者隐私",
                  body: "## 不得拍摄病历\n就诊人的信息只用于本次陪诊。",
                  images: [{ url: "/uploads/privacy.png", alternativeText: "示意图" }],
                  video_url: "https://video.example.com/privacy.mp4",
                },
                // Strapi gives each lesson component an id: reads follow it.
                { id: 12, title: "陪同就医流程", body: "挂号、候诊、取药。", images: [] },
              ],
            },
            {
              documentId: "course-pediatrics",
              title: "儿科陪诊要点",
              required_for_first_task: false,
              exam: { pass_mark_percent: 60, question_count: 1, retry_cooldown_minutes: 5 },
              lessons: [],
            },
          ]
        : url.pathname === "/api/exam-questions"
          ? QUESTIONS
          : null
    res.writeHead(data ? 200 : 404, { "content-type": "application/json" })
    res.end(
      JSON.stringify({
        data,
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data?.length ?? 0 } },
      })
    )
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let cms: Server
    let store: Headers
    let admin: Headers
    let dispatcher: Headers
    let finance: Headers
    let phoneSeq = 0

    beforeAll(async () => {
      cms = startTrainingCms()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      dispatcher = await adminHeaders(getContainer(), api, "dispatch@health.local", [
        "escort_dispatch",
      ])
      finance = await adminHeaders(getContainer(), api, "finance@health.local", ["finance"])
    })

    afterAll(async () => {
      await new Promise((resolve) => cms?.close(resolve))
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const pg = () => getContainer().resolve("__pg_connection__")
    const escortModule = () => getContainer().resolve<EscortModuleService>(ESCORT_MODULE)

    const smsCode = async (phone: string) => {
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      return LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
    }

    /** Operations add an escort; the escort signs in with an SMS code. */
    const signInEscort = async (city: string) => {
      const phone = `1381111${String(++phoneSeq).padStart(4, "0")}`
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city },
        admin
      )
      expect(created.status).toBe(201)
      const { data } = await api.post("/auth/escort/phone", { phone, code: await smsCode(phone) })
      return {
        id: created.data.escort.id as string,
        phone,
        auth: { headers: { authorization: `Bearer ${data.token}` } } as Headers,
      }
    }

    /** A paid booking (待接单) in `city`. */
    const paidBooking = async (city: string, date: string) => {
      const booking = await escortModule().createBooking(
        {
          customer_id: "cus_training",
          service_id: "prod_half_day",
          service_name: "半日陪诊",
          variant_id: "variant_half_day",
          extras: [],
          hospital_id: "hosp-xiangya",
          hospital_name: "中南大学湘雅医院",
          department_name: "心血管内科",
          city,
          service_date: date,
          start_time: "09:00",
          end_time: "11:00",
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          needs: [],
          price_fen: 19900,
        },
        { actor_type: "customer", actor_id: "cus_training" }
      )
      await escortModule().markPaid(booking.id, { actor_type: "staff", actor_id: "user_test" })
      return booking.id
    }

    /** The correct keys the server stored for an attempt (never in any response). */
    const storedCorrectKeys = async (attemptId: string) => {
      const { rows } = await pg().raw(`select questions from escort_exam_attempt where id = ?`, [
        attemptId,
      ])
      return Object.fromEntries(
        (rows[0].questions as { question_id: string; correct: string[] }[]).map((q) => [
          q.question_id,
          q.correct,
        ])
      )
    }

    /** Answers every question with an option that is not right. */
    const wrongAnswers = (attempt: any, correct: Record<string, string[]>) =>
      Object.fromEntries(
        attempt.questions.map((q: any) => [
          q.id,
          [q.options.find((o: any) => !correct[q.id].includes(o.key)).key],
        ])
      )

    it("an untrained escort cannot grab a task; after failing, the cool-down and passing, they can, until the certificate lapses", async () => {
      const escort = await signInEscort("长沙市")
      const overview = await api.get("/escort/training", escort.auth)
      expect(overview.data.training).toMatchObject({
        qualified: false,
        missing_required: [TITLE],
        message: `完成必修培训并通过考试后才能接单：《${TITLE}》`,
      })
      expect(overview.data.training.courses.map((c: any) => [c.id, c.required])).toEqual([
        [PRIVACY, true],
        ["course-pediatrics", false],
      ])
      expect(overview.data.training.courses[0]).toMatchObject({
        exam: { pass_mark_percent: 80, question_count: 5, retry_cooldown_minutes: 30 },
        progress: { state: "not_started", label: "未开始" },
      })

      const first = await paidBooking("长沙市", "2030-03-04")
      const refused = await failure(api.post(`/escort/tasks/${first}/accept`, {}, escort.auth))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`完成必修培训并通过考试后才能接单：《${TITLE}》`)

      const course = await api.get(`/escort/training/courses/${PRIVACY}`, escort.auth)
      expect(course.data.course.lessons).toEqual([
        {
          title: "患者隐私",
          body: "## 不得拍摄病历\n就诊人的信息只用于本次陪诊。",
          images: [{ url: expect.stringMatching(/\/uploads\/privacy\.png$/), alt: "示意图" }],
          video_url: "https://video.example.com/privacy.mp4",
          key: "#1",
          read: false,
        },
        {
          title: "陪同就医流程",
          body: "挂号、候诊、取药。",
          images: [],
          video_url: null,
          key: "12",
          read: false,
        },
      ])

      // Start: five of the six questions, no answers in what the escort receives.
      const started = await api.post(
        `/escort/training/courses/${PRIVACY}/attempts`,
        {},
        escort.auth
      )
      expect(started.status).toBe(201)
      const attempt = started.data.attempt
      expect(attempt.questions).toHaveLength(5)
      expect(JSON.stringify(started.data)).not.toMatch(/correct|explanation|"right"/)
      // A second tap resumes the same attempt with the same order.
      const again = await api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, escort.auth)
      expect(again.data.attempt.id).toBe(attempt.id)
      expect(again.data.attempt.questions).toEqual(attempt.questions)

      const correct = await storedCorrectKeys(attempt.id)
      const unanswered = await failure(
        api.post(`/escort/training/attempts/${attempt.id}/submit`, { answers: {} }, escort.auth)
      )
      expect(unanswered.status).toBe(400)
      expect(unanswered.data.message).toBe("还有 5 道题未作答")

      const failed = await api.post(
        `/escort/training/attempts/${attempt.id}/submit`,
        { answers: wrongAnswers(attempt, correct) },
        escort.auth
      )
      expect(failed.data.certificate).toBeNull()
      expect(failed.data.attempt).toMatchObject({
        status: "failed",
        status_label: "未通过",
        result: { passed: false, score_percent: 0, correct_count: 0, total: 5 },
      })
      // The review explains each wrong answer without naming the right option.
      expect(failed.data.attempt.questions[0]).toMatchObject({
        right: false,
        explanation: expect.stringMatching(/^解析：第 \d 条$/),
      })
      expect(JSON.stringify(failed.data)).not.toMatch(/"correct"/)

      const cooling = await failure(
        api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, escort.auth)
      )
      expect(cooling.status).toBe(400)
      expect(cooling.data.message).toBe("考试未通过，需等待冷却时间结束后重考（约 30 分钟后）")
      const waiting = await api.get("/escort/training", escort.auth)
      expect(waiting.data.training.courses[0].progress).toMatchObject({
        state: "cooling_down",
        label: "未通过，冷却中",
        last_score_percent: 0,
        retry_at: expect.any(String),
      })

      // The cool-down passes.
      await pg().raw(
        `update escort_exam_attempt set submitted_at = now() - interval '31 minutes' where id = ?`,
        [attempt.id]
      )
      const retry = (
        await api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, escort.auth)
      ).data.attempt
      expect(retry.id).not.toBe(attempt.id)
      const keys = await storedCorrectKeys(retry.id)
      const answers = Object.fromEntries(retry.questions.map((q: any) => [q.id, keys[q.id]]))
      // A double submit: both answer with the one grading, one certificate is issued.
      const [a, b] = await Promise.all([
        api.post(`/escort/training/attempts/${retry.id}/submit`, { answers }, escort.auth),
        api.post(`/escort/training/attempts/${retry.id}/submit`, { answers }, escort.auth),
      ])
      expect(a.data.attempt.result).toEqual(b.data.attempt.result)
      expect(a.data.attempt.result).toMatchObject({ passed: true, score_percent: 100 })
      expect(a.data.certificate).toMatchObject({ course_title: TITLE })
      const { rows: certificates } = await pg().raw(
        `select expires_at, issued_at from escort_training_certificate where escort_id = ?`,
        [escort.id]
      )
      expect(certificates).toHaveLength(1)
      const months =
        (new Date(certificates[0].expires_at).getTime() -
          new Date(certificates[0].issued_at).getTime()) /
        86_400_000
      expect(months).toBeGreaterThanOrEqual(365)
      expect(months).toBeLessThanOrEqual(366)

      const passed = await api.get("/escort/training", escort.auth)
      expect(passed.data.training).toMatchObject({ qualified: true, message: null })
      expect(passed.data.training.courses[0].progress).toMatchObject({
        state: "passed",
        label: "已通过",
      })
      const accepted = await api.post(`/escort/tasks/${first}/accept`, {}, escort.auth)
      expect(accepted.status).toBe(200)

      // A year on, the certificate has lapsed: a refresher is required before the next task.
      await pg().raw(
        `update escort_training_certificate set expires_at = now() - interval '1 minute'
         where escort_id = ?`,
        [escort.id]
      )
      const second = await paidBooking("长沙市", "2030-03-05")
      const lapsed = await failure(api.post(`/escort/tasks/${second}/accept`, {}, escort.auth))
      expect(lapsed.status).toBe(400)
      expect(lapsed.data.message).toContain("完成必修培训并通过考试后才能接单")
      // The daily credential check texts the escort once that a refresher is due.
      expect((await remindTrainingRefreshers(getContainer())).reminded).toBeGreaterThanOrEqual(1)
      const text = await eventually(
        async () => LogSmsSender.latestTo(`+86${escort.phone}`),
        (message) => message?.template === "escort-credential"
      )
      expect(text).toMatchObject({
        template: "escort-credential",
        params: { document: `《${TITLE}》培训合格证`, days: "0" },
      })
      const { rows: stamped } = await pg().raw(
        `select reminded_at from escort_training_certificate where escort_id = ?`,
        [escort.id]
      )
      expect(stamped[0].reminded_at).not.toBeNull()
      const expired = await api.get("/escort/training", escort.auth)
      expect(expired.data.training.courses[0].progress).toMatchObject({
        state: "expired",
        label: "证书已过期，需复训",
      })
    })

    it("auto-dispatch offers a task only to escorts whose required training is valid", async () => {
      const city = "湘潭市"
      await api.post("/admin/escort-dispatch/settings", { city, mode: "auto" }, admin)
      const escort = await signInEscort(city)
      await api.get("/escort/training", escort.auth)
      const booking = await paidBooking(city, "2030-04-01")
      const { result: none } = await offerNextEscortWorkflow(getContainer()).run({
        input: { booking_id: booking },
      })
      expect(none).toEqual({ outcome: "skipped", reason: "no_escort" })
      // Staff cannot assign them either.
      const assign = await failure(
        api.post(`/admin/escort-bookings/${booking}/assign`, { escort_id: escort.id }, admin)
      )
      expect(assign.status).toBe(400)
      expect(assign.data.message).toContain("完成必修培训并通过考试后才能接单")

      const attempt = (
        await api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, escort.auth)
      ).data.attempt
      const keys = await storedCorrectKeys(attempt.id)
      await api.post(
        `/escort/training/attempts/${attempt.id}/submit`,
        { answers: Object.fromEntries(attempt.questions.map((q: any) => [q.id, keys[q.id]])) },
        escort.auth
      )
      const { result: offered } = await offerNextEscortWorkflow(getContainer()).run({
        input: { booking_id: booking },
      })
      expect(offered).toMatchObject({ outcome: "offered", escort_id: escort.id })
    })

    it("an applicant may train before activation; another escort's attempt is not found; bad answers are 400 in Chinese", async () => {
      const phone = `1372222${String(++phoneSeq).padStart(4, "0")}`
      const { data } = await api.post("/auth/escort/phone/apply", {
        phone,
        code: await smsCode(phone),
      })
      const applicant = { headers: { authorization: `Bearer ${data.token}` } }
      const overview = await api.get("/escort/training", applicant)
      expect(overview.data.training.qualified).toBe(false)
      const attempt = (
        await api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, applicant)
      ).data.attempt

      const other = await signInEscort("长沙市")
      const foreign = await failure(api.get(`/escort/training/attempts/${attempt.id}`, other.auth))
      expect(foreign.status).toBe(404)
      expect(foreign.data.message).toBe("未找到该次考试")
      const foreignSubmit = await failure(
        api.post(`/escort/training/attempts/${attempt.id}/submit`, { answers: {} }, other.auth)
      )
      expect(foreignSubmit.status).toBe(404)

      const malformed = await failure(
        api.post(
          `/escort/training/attempts/${attempt.id}/submit`,
          { answers: { "question-1": ["not-a-key"] } },
          applicant
        )
      )
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toBe("请提交每道题所选的选项")
      const [q1, q2] = attempt.questions
      const allAnswered = Object.fromEntries(
        attempt.questions.map((q: any) => [q.id, [q.options[0].key]])
      )
      const foreignKey = await failure(
        api.post(
          `/escort/training/attempts/${attempt.id}/submit`,
          { answers: { ...allAnswered, [q1.id]: [q2.options[0].key] } },
          applicant
        )
      )
      expect(foreignKey.status).toBe(400)
      expect(foreignKey.data.message).toBe("答案中有不属于该题的选项")
      const missingCourse = await failure(
        api.post(`/escort/training/courses/no-such-course/attempts`, {}, applicant)
      )
      expect(missingCourse.status).toBe(404)
      expect(missingCourse.data.message).toBe("未找到该培训课程")
    })

    it("an escort opening a lesson marks it read: progress is lessons read of all, for the escort and for staff", async () => {
      const escort = await signInEscort("湘潭市")
      const other = await signInEscort("湘潭市")
      const overview = await api.get("/escort/training", escort.auth)
      expect(overview.data.training.courses[0].progress).toMatchObject({
        lessons_read: 0,
        lesson_count: 2,
      })
      const read = await api.post(
        `/escort/training/courses/${PRIVACY}/lessons/12/read`,
        {},
        escort.auth
      )
      expect(read.status).toBe(200)
      expect(read.data.course.progress).toMatchObject({ lessons_read: 1, lesson_count: 2 })
      expect(read.data.course.lessons.map((l: any) => [l.key, l.read])).toEqual([
        ["#1", false],
        ["12", true],
      ])
      // Opening it again counts once; the other lesson makes two of two.
      await api.post(`/escort/training/courses/${PRIVACY}/lessons/12/read`, {}, escort.auth)
      await api.post(
        `/escort/training/courses/${PRIVACY}/lessons/${encodeURIComponent("#1")}/read`,
        {},
        escort.auth
      )
      const mine = await api.get(`/escort/training/courses/${PRIVACY}`, escort.auth)
      expect(mine.data.course.progress).toMatchObject({ lessons_read: 2, lesson_count: 2 })

      const unknown = await failure(
        api.post(`/escort/training/courses/${PRIVACY}/lessons/99/read`, {}, escort.auth)
      )
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("未找到该课时")
      expect(
        (await failure(api.post(`/escort/training/courses/${PRIVACY}/lessons/12/read`, {}))).status
      ).toBe(401)

      // Staff's 培训 page shows each escort's reading; the other escort read nothing.
      const board = await api.get("/admin/escort-training", dispatcher)
      const progressOf = (id: string) => board.data.escorts.find((e: any) => e.id === id).courses[0]
      expect(progressOf(escort.id)).toMatchObject({ lessons_read: 2, lesson_count: 2 })
      expect(progressOf(other.id)).toMatchObject({ lessons_read: 0, lesson_count: 2 })
    })

    it("a course published in the CMS reaches commerce on the CMS's publish event, not only at a sync", async () => {
      const escort = await signInEscort("衡阳市")
      await api.get("/escort/training", escort.auth)
      // The copy is fresh for an hour: only the event can bring the change in.
      process.env.ESCORT_TRAINING_SYNC_MS = String(3_600_000)
      published.title = "陪诊服务规范与患者隐私（2027 版）"
      try {
        const stale = await api.get("/escort/training", escort.auth)
        expect(stale.data.training.courses[0].title).toBe(TITLE)
        const raw = JSON.stringify({
          event: "entry.publish",
          model: "course",
          document_id: PRIVACY,
          entry: { documentId: PRIVACY, title: published.title },
        })
        const at = String(Math.floor(Date.now() / 1000))
        const hook = await api.post("/hooks/cms", raw, {
          headers: {
            "content-type": "application/json",
            "x-cms-timestamp": at,
            "x-cms-signature": signCmsHook(cmsWebhookSecret(), at, raw),
          },
          transformRequest: [(data: unknown) => data],
        })
        expect(hook.status).toBe(202)
        expect(hook.data.jobs).toContain("cms/sync-training-courses")
        const after = await eventually(
          async () => (await api.get("/escort/training", escort.auth)).data.training.courses[0],
          (course: { title: string }) => course.title === published.title
        )
        expect(after.title).toBe(published.title)
      } finally {
        published.title = TITLE
        process.env.ESCORT_TRAINING_SYNC_MS = "0"
      }
    })

    it("staff see every escort's progress and certificates; other roles are refused", async () => {
      const escort = await signInEscort("株洲市")
      await api.get("/escort/training", escort.auth)
      const attempt = (
        await api.post(`/escort/training/courses/${PRIVACY}/attempts`, {}, escort.auth)
      ).data.attempt
      const keys = await storedCorrectKeys(attempt.id)
      await api.post(
        `/escort/training/attempts/${attempt.id}/submit`,
        { answers: Object.fromEntries(attempt.questions.map((q: any) => [q.id, keys[q.id]])) },
        escort.auth
      )

      const board = await api.get("/admin/escort-training", dispatcher)
      expect(board.data.courses.map((c: any) => c.title)).toEqual([TITLE, "儿科陪诊要点"])
      const row = board.data.escorts.find((e: any) => e.id === escort.id)
      expect(row).toMatchObject({
        qualified: true,
        city: "株洲市",
        courses: [
          { course_id: PRIVACY, state: "passed", certificate: { score_percent: 100 } },
          { course_id: "course-pediatrics", state: "not_started" },
        ],
      })
      const detail = await api.get(`/admin/escort-training/escorts/${escort.id}`, dispatcher)
      expect(detail.data.certificates).toEqual([
        expect.objectContaining({ course_title: TITLE, score_percent: 100 }),
      ])
      expect(JSON.stringify(board.data)).not.toMatch(/"correct"/)
      const synced = await api.post("/admin/escort-training/sync", {}, dispatcher)
      expect(synced.data).toEqual({ courses: 2, removed: 0 })

      // An offline exam (线下考核) recorded by staff: every missing required course, once.
      const offline = await signInEscort("株洲市")
      const booking = await paidBooking("株洲市", "2030-05-06")
      const recorded = await api.post(
        `/admin/escort-training/escorts/${offline.id}/certificates`,
        {},
        dispatcher
      )
      expect(recorded.status).toBe(201)
      expect(recorded.data.certificates).toEqual([
        expect.objectContaining({ course_title: TITLE, score_percent: 100, offline: true }),
      ])
      const none = await api.post(
        `/admin/escort-training/escorts/${offline.id}/certificates`,
        {},
        dispatcher
      )
      expect(none.data.certificates).toEqual([])
      expect((await api.post(`/escort/tasks/${booking}/accept`, {}, offline.auth)).status).toBe(200)
      const badScore = await failure(
        api.post(
          `/admin/escort-training/escorts/${offline.id}/certificates`,
          { score_percent: 101 },
          dispatcher
        )
      )
      expect(badScore.status).toBe(400)
      expect(badScore.data.message).toBe("成绩应为 0–100 的整数")
      expect(
        (
          await failure(
            api.post(`/admin/escort-training/escorts/${offline.id}/certificates`, {}, finance)
          )
        ).status
      ).toBe(403)

      expect((await failure(api.get("/admin/escort-training", finance))).status).toBe(403)
      expect((await failure(api.get("/admin/escort-training"))).status).toBe(401)
      expect(
        (await failure(api.get(`/admin/escort-training/escorts/esc_nobody`, dispatcher))).status
      ).toBe(404)
    })
  },
})
