import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import type ConsultationModuleService from "../../src/modules/consultation/service"
import { releaseDueDoctorEarnings } from "../../src/workflows/doctor-income/release-due-doctor-earnings"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }
type Frame = { event: string; id: string | null; data: any }

const CHINESE = /[\u4e00-\u9fff]/

/** Reads a Server-Sent Events stream as a browser's EventSource would hand the frames over. */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const frames: Frame[] = []
  const reading = (async () => {
    if (!response.ok || !response.body) return
    const decoder = new TextDecoder()
    let buffer = ""
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const field = (name: string) =>
            frame
              .split("\n")
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2)
          const data = field("data")
          if (data) {
            frames.push({
              event: field("event") ?? "message",
              id: field("id") ?? null,
              data: JSON.parse(data),
            })
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return {
    response,
    frames,
    /** Waits (within the test's timeout) until a frame with this id has arrived. */
    async until(id: string) {
      while (!frames.some((f) => f.id === id)) await new Promise((r) => setTimeout(r, 25))
      return frames
    },
    async close() {
      abort.abort()
      await reading
    },
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: Headers
    let publishableKey: string
    let operations: Headers
    let finance: Headers
    let expert: Headers
    let otherExpert: Headers
    let alice: Headers
    let bob: Headers
    let carol: Headers

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

    /** A doctor staff verified, signed in with an SMS code at /auth/doctor/phone. */
    async function signInDoctor(cmsId: string, name: string, phone: string): Promise<Headers> {
      const consultations = getContainer().resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      await consultations.upsertFromCms(
        [
          {
            cms_document_id: cmsId,
            name,
            title: "主任医师",
            hospital: "中南大学湘雅医院",
            departments: [],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const row = (await consultations.doctors({ all: true })).find((d) => d.name === name)!
      await consultations.updateDoctorDetails(row.id, {
        phone: `+86${phone}`,
        license_number: `11043000000${phone.slice(-4)}`,
        prices: { text: 3000 },
      })
      await consultations.verifyLicense(row.id, new Date())
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/doctor/phone", { phone, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    beforeAll(async () => {
      const container = getContainer()
      publishableKey = await createPublishableKey(container)
      store = { headers: { "x-publishable-api-key": publishableKey } }
      operations = await adminHeaders(container, api as never, "ops@health.local", ["operations"])
      finance = await adminHeaders(container, api as never, "fin@health.local", ["finance"])
      expert = await signInDoctor("expert-li", "李秀兰", "13700000101")
      otherExpert = await signInDoctor("expert-zhao", "赵志刚", "13700000102")
      alice = await registerCustomer(api as never, publishableKey, "alice@example.com")
      bob = await registerCustomer(api as never, publishableKey, "bob@example.com")
      carol = await registerCustomer(api as never, publishableKey, "carol@example.com")
    })

    /** The expert's session starting in 10 minutes: its room already takes questions. */
    async function scheduled(capacity = 50): Promise<string> {
      const { status, data } = await api.post(
        "/doctor/group-sessions",
        {
          title: "秋冬养生在线答疑",
          topic: "气虚、阳虚体质的日常调养",
          starts_at: minutesFromNow(10),
          ends_at: minutesFromNow(70),
          capacity,
        },
        expert
      )
      expect(status).toBe(201)
      return data.group_session.id
    }

    const ask = (who: Headers, sessionId: string, text: string) =>
      api.post(`/store/group-sessions/${sessionId}/questions`, { text }, who)

    it("delivers an approved question and its answer live to every member in the room, never a rejected one", async () => {
      const sessionId = await scheduled()
      const listed = (await api.get("/store/group-sessions", store)).data.group_sessions
      expect(listed.find((s: any) => s.id === sessionId)).toMatchObject({
        title: "秋冬养生在线答疑",
        phase: "upcoming",
        phase_label: "未开始",
        questions_open: true,
        joined: false,
        joined_count: 0,
        expert: { name: "李秀兰", title: "主任医师" },
      })

      const joinedAlice = await api.post(`/store/group-sessions/${sessionId}/join`, {}, alice)
      const joinedBob = await api.post(`/store/group-sessions/${sessionId}/join`, {}, bob)
      const again = await api.post(`/store/group-sessions/${sessionId}/join`, {}, alice)
      expect([joinedAlice.status, joinedBob.status, again.status]).toEqual([201, 201, 200])
      expect([joinedAlice.data.participant.name, joinedBob.data.participant.name]).toEqual([
        "1 号会员",
        "2 号会员",
      ])
      expect(again.data.group_session).toMatchObject({ joined: true, joined_count: 2 })

      const url = `${baseUrl()}/store/group-sessions/${sessionId}/events/stream`
      const aliceRoom = await openStream(url, alice.headers)
      const bobRoom = await openStream(url, bob.headers)
      const console_ = await openStream(
        `${baseUrl()}/doctor/group-sessions/${sessionId}/events/stream`,
        expert.headers
      )
      try {
        expect(aliceRoom.response.headers.get("content-type")).toContain("text/event-stream")
        const kept = (await ask(alice, sessionId, "气虚体质冬天适合吃哪些食物？")).data.question
        const dropped = (await ask(bob, sessionId, "这个问题和主题无关，应该被驳回。")).data
          .question
        expect([kept.status, kept.status_label, kept.asker]).toEqual([
          "pending",
          "待审核",
          "1 号会员",
        ])

        // The expert's console hears each question as it is asked.
        await console_.until(`${dropped.id}:asked`)

        const approved = await api.post(
          `/doctor/group-sessions/${sessionId}/questions/${kept.id}/approve`,
          {},
          expert
        )
        expect(approved.data.question).toMatchObject({
          status: "approved",
          decided_by_type: "doctor",
        })
        // 内容审核 staff moderate too.
        const rejected = await api.post(
          `/admin/group-sessions/${sessionId}/questions/${dropped.id}/reject`,
          { reason: "与本场主题无关" },
          operations
        )
        expect(rejected.data.question).toMatchObject({
          status: "rejected",
          decided_by_type: "staff",
          reject_reason: "与本场主题无关",
        })
        const answered = await api.post(
          `/doctor/group-sessions/${sessionId}/questions/${kept.id}/answer`,
          { answer: "可以多吃山药、红枣、小米粥，少吃生冷。" },
          expert
        )
        expect(answered.data.question.answer).toBe("可以多吃山药、红枣、小米粥，少吃生冷。")

        for (const room of [aliceRoom, bobRoom]) {
          const frames = await room.until(`${kept.id}:answered`)
          expect(frames.map((f) => [f.event, f.id])).toEqual([
            ["timeline", `${kept.id}:approved`],
            ["timeline", `${kept.id}:answered`],
          ])
          expect(frames[1].data.question).toMatchObject({
            asker: "1 号会员",
            text: "气虚体质冬天适合吃哪些食物？",
            answer: "可以多吃山药、红枣、小米粥，少吃生冷。",
          })
          expect(JSON.stringify(frames)).not.toContain(dropped.id)
          expect(JSON.stringify(frames)).not.toContain("cus_")
        }
        await console_.until(`${dropped.id}:rejected`)
      } finally {
        await Promise.all([aliceRoom.close(), bobRoom.close(), console_.close()])
      }

      // The history stays: Bob reads the room and where his own question stands.
      const page = (await api.get(`/store/group-sessions/${sessionId}`, bob)).data
      expect(page.questions.map((q: any) => [q.text, q.answer])).toEqual([
        ["气虚体质冬天适合吃哪些食物？", "可以多吃山药、红枣、小米粥，少吃生冷。"],
      ])
      expect(page.my_questions.map((q: any) => [q.status_label, q.reject_reason])).toEqual([
        ["未通过", "与本场主题无关"],
      ])
      // A reconnecting client resumes after the last event it saw.
      const keptId = page.questions[0].id
      const resumed = await openStream(url, {
        ...alice.headers,
        "last-event-id": `${keptId}:approved`,
      })
      try {
        const frames = await resumed.until(`${keptId}:answered`)
        expect(frames.map((f) => f.id)).toEqual([`${keptId}:answered`])
      } finally {
        await resumed.close()
      }
    })

    it("lets only the session's expert and 内容审核 staff moderate; members and others are refused", async () => {
      const sessionId = await scheduled()
      await api.post(`/store/group-sessions/${sessionId}/join`, {}, alice)
      const { question } = (await ask(alice, sessionId, "阳虚的人可以泡脚吗？")).data
      const approvePath = (base: string) =>
        `${base}/group-sessions/${sessionId}/questions/${question.id}/approve`

      for (const member of [alice, carol]) {
        const asDoctor = await failure(api.post(approvePath("/doctor"), {}, member))
        const asStaff = await failure(api.post(approvePath("/admin"), {}, member))
        expect([asDoctor.status, asStaff.status]).toEqual([401, 401])
      }
      const notTheirs = await failure(api.post(approvePath("/doctor"), {}, otherExpert))
      expect([notTheirs.status, notTheirs.data.message]).toEqual([404, "没有找到这场在线咨询"])
      const noModeration = await failure(api.post(approvePath("/admin"), {}, finance))
      expect(noModeration.status).toBe(403)
      expect(noModeration.data.message).toMatch(CHINESE)

      // Carol never joined: she cannot ask, follow or read the room.
      const carolAsks = await failure(ask(carol, sessionId, "我没加入也能提问吗？"))
      expect([carolAsks.status, carolAsks.data.message]).toEqual([403, "请先加入本场咨询，再提问"])
      const carolStream = await fetch(
        `${baseUrl()}/store/group-sessions/${sessionId}/events/stream`,
        carol
      )
      expect(carolStream.status).toBe(403)
      expect((await carolStream.json()).message).toBe("请先加入本场咨询")
      const carolPage = (await api.get(`/store/group-sessions/${sessionId}`, carol)).data
      expect([carolPage.group_session.joined, carolPage.questions]).toEqual([false, []])

      // Nothing above moved the question; its expert still decides it, once.
      const console_ = (await api.get(`/doctor/group-sessions/${sessionId}`, expert)).data
      expect(console_.questions.map((q: any) => q.status)).toEqual(["pending"])
      await api.post(approvePath("/doctor"), {}, expert)
      const twice = await failure(api.post(approvePath("/admin"), {}, operations))
      expect([twice.status, twice.data.message]).toEqual([409, "这个问题已审核（已公开）"])
    })

    it("refuses bad input in Chinese: schedules, off-limits questions and a flood of questions", async () => {
      const badSchedules = [
        [
          { title: "答疑", starts_at: "明天晚上", ends_at: minutesFromNow(90), capacity: 10 },
          "开始时间格式",
        ],
        [
          {
            title: "答疑",
            starts_at: minutesFromNow(60),
            ends_at: minutesFromNow(30),
            capacity: 10,
          },
          "每场时长",
        ],
        [
          {
            title: "答疑",
            starts_at: minutesFromNow(-60),
            ends_at: minutesFromNow(30),
            capacity: 10,
          },
          "开始时间须晚于现在",
        ],
        [
          {
            title: "答疑",
            starts_at: minutesFromNow(60),
            ends_at: minutesFromNow(120),
            capacity: 0,
          },
          "人数上限",
        ],
      ] as const
      for (const [body, message] of badSchedules) {
        const r = await failure(api.post("/doctor/group-sessions", body, expert))
        expect([r.status, r.data.message]).toEqual([400, expect.stringContaining(message)])
      }
      const missing = await failure(api.post("/store/group-sessions/gsess_missing/join", {}, alice))
      expect([missing.status, missing.data.message]).toEqual([404, "没有找到这场在线咨询"])

      // A member new to this test: the minute's question count is kept in Redis across tests.
      const dave = await registerCustomer(api as never, publishableKey, "dave@example.com")
      const sessionId = await scheduled(2)
      await api.post(`/store/group-sessions/${sessionId}/join`, {}, dave)
      await api.post(`/store/group-sessions/${sessionId}/join`, {}, bob)
      const full = await failure(api.post(`/store/group-sessions/${sessionId}/join`, {}, carol))
      expect([full.status, full.data.message]).toEqual([409, "本场咨询名额已满"])

      const short = await failure(ask(dave, sessionId, "在吗"))
      expect([short.status, short.data.message]).toEqual([400, "请写下您的问题（5 至 300 字）"])
      // The sensitive-word filter: contact details never reach the public room.
      const contact = await failure(ask(dave, sessionId, "想私聊，我的手机 13812345678 请回电"))
      expect([contact.status, contact.data.message]).toEqual([
        400,
        "问题含有不适合公开的内容（联系方式），请修改后再提交",
      ])
      expect((await ask(dave, sessionId, "阳虚体质适合喝什么茶？")).status).toBe(201)
      // Three questions a minute (refused ones count): the fourth waits.
      const flood = await failure(ask(dave, sessionId, "再问一个：艾灸多久一次？"))
      expect(flood.status).toBe(429)
      expect(flood.data.message).toMatch(/^提问过于频繁，请 \d+ 秒后再试$/)
      const mine = (await api.get(`/store/group-sessions/${sessionId}`, dave)).data.my_questions
      expect(mine.map((q: any) => q.text)).toEqual(["阳虚体质适合喝什么茶？"])
    })

    it("pays the expert the session fee once the session has ended with members in it (#22)", async () => {
      const held = await scheduled()
      const empty = await scheduled()
      await api.post(`/store/group-sessions/${held}/join`, {}, alice)
      const container = getContainer()
      // Before the end nothing is earned; after it, one fee for the session members joined.
      await releaseDueDoctorEarnings(container, new Date(Date.now() + 30 * 60_000))
      expect((await api.get("/doctor/income", expert)).data.earnings).toEqual([])
      const afterEnd = new Date(Date.now() + 80 * 60_000)
      const [first, second] = await Promise.all([
        releaseDueDoctorEarnings(container, afterEnd),
        releaseDueDoctorEarnings(container, afterEnd),
      ])
      expect(first.recorded + second.recorded).toBe(1)
      const income = (await api.get("/doctor/income", expert)).data
      expect(income.earnings).toEqual([
        expect.objectContaining({
          source_type: "group_session",
          source_id: held,
          kind_label: "在线咨询会",
          amount_fen: 30000,
          share_percent: null,
          status: "pending",
        }),
      ])
      expect(income.earnings.some((e: any) => e.source_id === empty)).toBe(false)
      expect((await api.get("/doctor/income", otherExpert)).data.count).toBe(0)

      // Doctors' withdrawals are finance's (money), not operations'.
      const listed = await api.get("/admin/doctor-income/withdrawals", finance)
      expect(listed.data).toMatchObject({ withdrawals: [], count: 0 })
      const refused = await failure(api.get("/admin/doctor-income/withdrawals", operations))
      expect(refused.status).toBe(403)
    })
  },
})
