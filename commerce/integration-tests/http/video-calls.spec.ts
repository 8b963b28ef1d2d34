import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import WebSocket from "ws"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import type ConsultationModuleService from "../../src/modules/consultation/service"
import { signRoomToken } from "../../src/modules/video-call/rules/room-token"
import { startSignallingServer } from "../../src/video-signalling/signalling-server"
import { createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
process.env.VIDEO_CALL_SECRET = randomUUID()
process.env.TURN_URLS = "turn:turn.health.local:3478?transport=udp"
process.env.TURN_SECRET = "turn-secret-for-tests"

type Headers = { headers: Record<string, string> }
type Signalling = Awaited<ReturnType<typeof startSignallingServer>>

const DOCTOR_PHONE = "13700000077"

/** A WebSocket client that keeps every message; `next(type)` waits for the next of a type. */
function roomClient(url: string) {
  const socket = new WebSocket(url)
  const received: any[] = []
  let taken = 0
  socket.on("message", (data) => received.push(JSON.parse(data.toString())))
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve())
    socket.once("unexpected-response", (_req, res) => {
      let body = ""
      res.on("data", (chunk) => (body += chunk))
      res.on("end", () => reject({ status: res.statusCode, body: JSON.parse(body || "{}") }))
    })
    socket.once("error", reject)
  })
  const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)))
  return {
    opened,
    closed,
    received,
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    async next(type: string) {
      return eventually(
        async () => received.slice(taken).find((m) => m.type === type),
        (found) => Boolean(found),
        15_000
      ).then((found) => {
        taken = received.indexOf(found) + 1
        return found
      })
    },
    close: () => socket.close(),
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let alice: Headers
    let bob: Headers
    let aliceId: string
    let doctorId: string
    let doctor: Headers
    // Two signalling instances on one Redis: the member on one, the doctor on the other.
    let east: Signalling
    let west: Signalling

    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const consultations = () =>
      getContainer().resolve<ConsultationModuleService>(CONSULTATION_MODULE)

    /** A paid consultation of Alice with the doctor (slot booking and paying are tested elsewhere). */
    const paidConsultation = async (mode: "video" | "text" = "video") => {
      const row = await consultations().openConsultation({
        customer_id: aliceId,
        doctor_id: doctorId,
        mode,
        question: "想视频看看孩子的湿疹",
        price_fen: 5000,
      })
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`update consultation set status = 'awaiting_doctor', paid_at = now() where id = ?`, [
          row.id,
        ])
      return row.id
    }
    const url = (server: Signalling, token: string) =>
      `ws://127.0.0.1:${server.port}/ws/video?token=${encodeURIComponent(token)}`

    beforeAll(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      alice = await registerCustomer(api, key, "alice-video@example.com")
      bob = await registerCustomer(api, key, "bob-video@example.com")
      aliceId = (await api.get("/store/customers/me", alice)).data.customer.id

      const service = consultations()
      await service.upsertFromCms(
        [
          {
            cms_document_id: "expert-video",
            name: "李雪",
            title: "副主任医师",
            hospital: "湖南省儿童医院",
            departments: ["儿科"],
            specialties: ["儿童湿疹"],
            introduction: "儿科皮肤病。",
            photo_url: null,
          } as never,
        ],
        new Date()
      )
      doctorId = (await service.doctors({ all: true }))[0].id
      await service.updateDoctorDetails(doctorId, {
        phone: `+86${DOCTOR_PHONE}`,
        license_number: "110430000054321",
        prices: { video: 5000 } as never,
      })
      await service.verifyLicense(doctorId, new Date())
      await api.post("/store/auth/sms-codes", { phone: DOCTOR_PHONE, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${DOCTOR_PHONE}`)?.params.code as string
      const { data } = await api.post("/auth/doctor/phone", { phone: DOCTOR_PHONE, code })
      doctor = { headers: { authorization: `Bearer ${data.token}` } }

      const options = {
        port: 0,
        host: "127.0.0.1",
        redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
        prefix,
        secret: process.env.VIDEO_CALL_SECRET!,
        reportUrl: `${baseUrl()}/hooks/video-call`,
      }
      east = await startSignallingServer(options)
      west = await startSignallingServer(options)
    })

    afterAll(async () => {
      await east?.close()
      await west?.close()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    it("gives the member and the assigned doctor a room token with TURN credentials; others 404, wrong mode 400", async () => {
      const id = await paidConsultation()
      const member = (await api.post(`/store/consultations/${id}/video/token`, {}, alice)).data
        .video
      expect(member).toEqual({
        token: expect.any(String),
        expires_at: expect.any(String),
        role: "member",
        room: id,
        signalling_url: expect.stringMatching(/^wss?:\/\//),
        ice_servers: [
          {
            urls: ["turn:turn.health.local:3478?transport=udp"],
            username: expect.stringMatching(new RegExp(`^\\d+:member:${aliceId}$`)),
            credential: expect.any(String),
          },
        ],
        mini_program: null,
      })
      const forDoctor = (await api.post(`/doctor/consultations/${id}/video/token`, {}, doctor)).data
        .video
      expect(forDoctor.role).toBe("doctor")

      const stranger = await failure(api.post(`/store/consultations/${id}/video/token`, {}, bob))
      expect([stranger.status, stranger.data.message]).toEqual([404, "没有找到这次问诊"])
      const signedOut = await failure(api.post(`/store/consultations/${id}/video/token`, {}, store))
      expect(signedOut.status).toBe(401)
      const asMember = await failure(api.post(`/doctor/consultations/${id}/video/token`, {}, alice))
      expect(asMember.status).toBe(401)

      const text = await paidConsultation("text")
      const notVideo = await failure(
        api.post(`/store/consultations/${text}/video/token`, {}, alice)
      )
      expect([notVideo.status, notVideo.data.message]).toEqual([400, "这次问诊不是视频问诊"])
    })

    it("relays offer, answer and candidates between member and doctor across two instances and records the call", async () => {
      const id = await paidConsultation()
      const memberToken = (await api.post(`/store/consultations/${id}/video/token`, {}, alice)).data
        .video.token
      const doctorToken = (await api.post(`/doctor/consultations/${id}/video/token`, {}, doctor))
        .data.video.token

      const member = roomClient(url(east, memberToken))
      await member.opened
      expect(await member.next("joined")).toEqual({ type: "joined", role: "member", peers: [] })

      const desk = roomClient(url(west, doctorToken))
      await desk.opened
      expect(await desk.next("joined")).toEqual({
        type: "joined",
        role: "doctor",
        peers: ["member"],
      })
      expect(await member.next("peer-joined")).toEqual({ type: "peer-joined", role: "doctor" })

      member.send({ type: "signal", data: { description: { type: "offer", sdp: "v=0 offer" } } })
      expect(await desk.next("signal")).toEqual({
        type: "signal",
        from: "member",
        data: { description: { type: "offer", sdp: "v=0 offer" } },
      })
      desk.send({ type: "signal", data: { description: { type: "answer", sdp: "v=0 answer" } } })
      desk.send({
        type: "signal",
        data: { candidate: { candidate: "candidate:1 1 udp 1 10.0.0.1 9 typ host" } },
      })
      expect((await member.next("signal")).data.description.type).toBe("answer")
      expect((await member.next("signal")).data.candidate.candidate).toContain("typ host")
      // Nobody hears their own signals.
      expect(member.received.filter((m) => m.type === "signal" && m.from === "member")).toEqual([])

      const open = await eventually(
        async () => (await api.get(`/store/consultations/${id}/video`, alice)).data.video,
        (video) => video.sessions.length === 1
      )
      expect(open.sessions[0]).toEqual(
        expect.objectContaining({ started_at: expect.any(String), ended_at: null })
      )

      desk.close()
      expect(await member.next("peer-left")).toEqual({ type: "peer-left", role: "doctor" })
      const ended = await eventually(
        async () => (await api.get(`/doctor/consultations/${id}/video`, doctor)).data.video,
        (video) => video.sessions[0]?.ended_at !== null
      )
      expect(ended.sessions).toHaveLength(1)
      expect(ended.sessions[0].duration_seconds).toBeGreaterThanOrEqual(0)
      expect(ended.total_seconds).toBe(ended.sessions[0].duration_seconds)
      member.close()
      await member.closed

      const foreign = await failure(api.get(`/store/consultations/${id}/video`, bob))
      expect(foreign.status).toBe(404)
    })

    it("refuses a forged, expired or foreign-signed token at the door and an unsigned call report; a second tab replaces the first", async () => {
      const id = await paidConsultation()
      const forged = signRoomToken("not-our-secret", {
        room: id,
        role: "member",
        sub: "cus_x",
      }).token
      await expect(roomClient(url(east, forged)).opened).rejects.toEqual({
        status: 401,
        body: { message: "通话凭证无效" },
      })
      const expired = signRoomToken(
        process.env.VIDEO_CALL_SECRET!,
        { room: id, role: "member", sub: aliceId },
        new Date(Date.now() - 600_000)
      ).token
      await expect(roomClient(url(east, expired)).opened).rejects.toEqual({
        status: 401,
        body: { message: "通话凭证已过期，请重新进入视频问诊" },
      })
      await expect(roomClient(`ws://127.0.0.1:${east.port}/ws/video`).opened).rejects.toMatchObject(
        {
          status: 401,
        }
      )

      const token = (await api.post(`/store/consultations/${id}/video/token`, {}, alice)).data.video
        .token
      const first = roomClient(url(east, token))
      await first.opened
      await first.next("joined")
      const second = roomClient(url(west, token))
      await second.opened
      await second.next("joined")
      expect(await first.closed).toBe(4409)
      second.close()
      await second.closed

      // Only the signalling service may report a call: an unsigned report is refused.
      const report = { consultation_id: id, event: "started", at: new Date().toISOString() }
      const unsigned = await failure(api.post(`/hooks/video-call`, report))
      expect([unsigned.status, unsigned.data.message]).toEqual([401, "签名无效或已过期"])
      const sessions = (await api.get(`/store/consultations/${id}/video`, alice)).data.video
        .sessions
      expect(sessions).toEqual([])
    })
  },
})
