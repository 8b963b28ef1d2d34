import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { ensureEscortServices } from "../../src/scripts/seed/reference-escort-services"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }
type Message = {
  id: string
  from: string
  text: string | null
  image_url: string | null
  created_at: string
}
const noThrow = { validateStatus: () => true }

/** A JPEG as far as content checks go: the JPEG signature, then bytes of its own. */
const jpeg = (label: string, size = 0) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(label), Buffer.alloc(size)])

/** SSE frames of one kind from a stream, as a browser's EventSource would hand them over. */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const frames: { event: string; id?: string; data: any }[] = []
  const reading = (async () => {
    if (!response.ok || !response.body) return
    const decoder = new TextDecoder()
    let buffer = ""
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const lines = buffer.slice(0, end).split("\n")
          buffer = buffer.slice(end + 2)
          const field = (name: string) =>
            lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2)
          const data = field("data")
          if (data)
            frames.push({ event: field("event") ?? "", id: field("id"), data: JSON.parse(data) })
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return {
    response,
    /** Waits (well under the 15 s heartbeat re-read) for the first frame of `event` matching. */
    async waitFor(event: string, match: (data: any) => boolean, withinMs = 5_000) {
      const deadline = Date.now() + withinMs
      for (;;) {
        const found = frames.find((frame) => frame.event === event && match(frame.data))
        if (found) return found
        if (Date.now() > deadline) {
          throw new Error(`no ${event} frame within ${withinMs} ms: ${JSON.stringify(frames)}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    frames,
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
    // Every booking's consent versions are checked against the CMS's.
    useConsentCms()
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let escortLi: Headers
    let escortWang: Headers
    let bookingId: string

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    async function signInEscort(phone: string, name: string): Promise<Headers> {
      await api.post("/admin/escorts", { phone, name, city: "长沙市" }, admin)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    /** multipart `file` as the apps send it; answers status and JSON body. */
    async function postImage(path: string, who: Headers, bytes: Buffer, type = "image/jpeg") {
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array(bytes)], { type }), "photo.jpg")
      const response = await fetch(`${baseUrl()}${path}`, {
        method: "POST",
        headers: who.headers,
        body: form,
      })
      return { status: response.status, data: await response.json() }
    }

    async function getBytes(path: string, who: Headers) {
      const response = await fetch(`${baseUrl()}${path}`, { headers: who.headers })
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        cache: response.headers.get("cache-control"),
        bytes: Buffer.from(await response.arrayBuffer()),
      }
    }

    const memberPath = (rest = "") => `/store/escort-bookings/${bookingId}${rest}`
    const escortPath = (rest = "") => `/escort/tasks/${bookingId}${rest}`

    beforeAll(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, key, "alice-msg@example.com")
      bob = await registerCustomer(api, key, "bob-msg@example.com")
      escortLi = await signInEscort("13800003331", "陪诊员李")
      escortWang = await signInEscort("13800003332", "陪诊员王")

      await ensureEscortServices(getContainer())
      bookingId = await paidBooking()
      await api.post(escortPath("/accept"), {}, escortLi)
    })

    /** A booking of Alice's for her mother, paid, waiting for an escort. */
    async function paidBooking(): Promise<string> {
      const { services } = (await api.get("/store/escort-services", store)).data
      const { data } = await api.post(
        "/store/escort-bookings",
        {
          variant_id: services[0].variant_id,
          extras: [],
          hospital_id: null,
          hospital_name: "长沙市第一医院",
          department: "心血管内科",
          city: "长沙市",
          date: addDays(shanghaiToday(), 5),
          time_window: { start: "08:00", end: "12:00" },
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          consents: ESCORT_CONSENTS,
          needs: [],
        },
        alice
      )
      await api.post(`/admin/escort-bookings/${data.booking.id}/mark-paid`, {}, admin)
      return data.booking.id as string
    }

    /** Alice writes, Li answers with a picture: the conversation most tests start from. */
    async function chat() {
      const hello = await api.post(memberPath("/messages"), { text: "您好" }, alice)
      const picture = await postImage(escortPath("/messages/images"), escortLi, jpeg("挂号单照片"))
      const reply = await api.post(
        escortPath("/messages"),
        { text: "已挂号", image_upload_id: picture.data.upload.id },
        escortLi
      )
      return {
        hello: hello.data.message as Message,
        reply: reply.data.message as Message,
        uploadId: picture.data.upload.id as string,
      }
    }

    async function completeService() {
      for (const status of ["departed", "arrived", "accompanying", "completed"]) {
        await api.post(escortPath("/progress"), { status }, escortLi)
      }
    }

    it("opens the conversation only once an escort holds the task", async () => {
      const waiting = `/store/escort-bookings/${await paidBooking()}/messages`
      const early = await api.post(waiting, { text: "您好" }, { ...alice, ...noThrow })
      expect([early.status, early.data.message]).toEqual([409, "陪诊员接单后才能发送消息"])
      expect((await api.get(waiting, alice)).data.messages).toEqual([])
    })

    it("lets the member and the escort chat with text and pictures, numbers masked, live on the member's stream", async () => {
      const live = await openStream(`${baseUrl()}${memberPath("/events/stream")}`, alice.headers)
      try {
        expect(live.response.status).toBe(200)
        await live.waitFor("timeline", (event) => event.status === "accepted")

        const hello = await api.post(
          memberPath("/messages"),
          { text: "  您好，我的电话 13812345678，家里座机 0731-84327788  " },
          alice
        )
        expect(hello.status).toBe(201)
        expect(hello.data.message).toEqual({
          id: expect.any(String),
          from: "member",
          text: "您好，我的电话 138****5678，家里座机 0731-****7788",
          image_url: null,
          created_at: expect.any(String),
        })
        const pushed = await live.waitFor("message", (m) => m.id === hello.data.message.id)
        expect(pushed.data).toEqual(hello.data.message)
        // Messages carry no SSE id: Last-Event-ID keeps resuming the timeline.
        expect(pushed.id).toBeUndefined()

        const photo = jpeg("挂号单照片")
        const upload = await postImage(escortPath("/messages/images"), escortLi, photo)
        expect(upload.status).toBe(201)
        const uploadId = upload.data.upload.id as string
        const reply = await api.post(
          escortPath("/messages"),
          { text: "已挂号，请看挂号单。有事打 139-1234-5678", image_upload_id: uploadId },
          escortLi
        )
        expect(reply.status).toBe(201)
        expect(reply.data.message).toMatchObject({
          from: "escort",
          text: "已挂号，请看挂号单。有事打 139****5678",
          image_url: `/escort/tasks/${bookingId}/messages/images/${uploadId}`,
        })
        const replyPush = await live.waitFor("message", (m) => m.id === reply.data.message.id)
        expect(replyPush.data.image_url).toBe(memberPath(`/messages/images/${uploadId}`))
      } finally {
        await live.close()
      }

      const { messages } = (await api.get(memberPath("/messages"), alice)).data as {
        messages: Message[]
      }
      expect(messages.map((m) => [m.from, m.text?.slice(0, 2)])).toEqual([
        ["member", "您好"],
        ["escort", "已挂"],
      ])
      const after = (await api.get(memberPath(`/messages?after=${messages[0].id}`), alice)).data
      expect(after.messages.map((m: Message) => m.id)).toEqual([messages[1].id])
      const escortSees = (await api.get(escortPath("/messages"), escortLi)).data.messages
      expect(escortSees.map((m: Message) => m.id)).toEqual(messages.map((m) => m.id))

      // The picture reaches both parties through their routes, never cached.
      for (const [path, who] of [
        [messages[1].image_url!, alice],
        [escortSees[1].image_url, escortLi],
      ] as const) {
        const image = await getBytes(path, who)
        expect([image.status, image.type, image.cache]).toEqual([
          200,
          "image/jpeg",
          "private, no-store",
        ])
        expect(image.bytes.equals(jpeg("挂号单照片"))).toBe(true)
      }

      // At rest: the text sealed, the picture encrypted.
      const [row] = await pg()("escort_message").where({ id: messages[0].id })
      expect(row.text_ciphertext).not.toContain("您好")
      const [stored] = await pg()("escort_upload").where({ booking_id: bookingId })
      expect(stored.file_id).toBeTruthy()
    })

    it("answers another member, another escort and visitors 404 or 401, and checks what is sent", async () => {
      const { reply, uploadId } = await chat()
      const image = memberPath(`/messages/images/${uploadId}`)
      expect(reply.image_url).toBe(escortPath(`/messages/images/${uploadId}`))
      const tries = [
        api.get(memberPath("/messages"), { ...bob, ...noThrow }),
        api.post(memberPath("/messages"), { text: "我是别人" }, { ...bob, ...noThrow }),
        api.get(image, { ...bob, ...noThrow }),
        api.get(memberPath("/service-report"), { ...bob, ...noThrow }),
        api.get(escortPath("/messages"), { ...escortWang, ...noThrow }),
        api.post(escortPath("/messages"), { text: "抢个话" }, { ...escortWang, ...noThrow }),
        api.get(escortPath(`/messages/images/${uploadId}`), { ...escortWang, ...noThrow }),
        api.get(escortPath("/service-report"), { ...escortWang, ...noThrow }),
      ]
      const answers = await Promise.all(tries)
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404])
      expect(answers[0].data.message).toBe("未找到该陪诊订单")
      expect(answers[4].data.message).toBe("未找到该任务")
      expect((await api.get(memberPath("/messages"), { ...store, ...noThrow })).status).toBe(401)
      expect((await postImage(memberPath("/messages/images"), bob, jpeg("x"))).status).toBe(404)

      const tooLong = await api.post(
        memberPath("/messages"),
        { text: "字".repeat(1001) },
        { ...alice, ...noThrow }
      )
      expect([tooLong.status, tooLong.data.message]).toEqual([
        400,
        "消息最多 1000 个字，请分几条发送",
      ])
      const empty = await api.post(
        memberPath("/messages"),
        { text: "  " },
        { ...alice, ...noThrow }
      )
      expect([empty.status, empty.data.message]).toEqual([400, "请输入消息内容或选择一张图片"])
      // The escort's picture is not the member's to send.
      const notHers = await api.post(
        memberPath("/messages"),
        { image_upload_id: uploadId },
        { ...alice, ...noThrow }
      )
      expect([notHers.status, notHers.data.message]).toEqual([
        400,
        "图片不存在或已失效，请重新选择图片",
      ])
      const pdf = await postImage(memberPath("/messages/images"), alice, Buffer.from("%PDF-1.4 x"))
      expect([pdf.status, pdf.data.message]).toEqual([400, "只能发送 JPG、PNG 或 WebP 图片"])
      const huge = await postImage(
        memberPath("/messages/images"),
        alice,
        jpeg("大", 5 * 1024 * 1024)
      )
      expect([huge.status, huge.data.message]).toEqual([400, "图片超过 5 MB，请压缩后再发送"])
    })

    it("shows staff the conversation and audit-logs every read", async () => {
      await chat()
      const { data } = await api.get(`/admin/escort-bookings/${bookingId}/messages`, admin)
      expect(data.messages.map((m: Message) => m.from)).toEqual(["member", "escort"])
      const imageUrl = data.messages[1].image_url as string
      expect(imageUrl).toMatch(new RegExp(`^/admin/escort-bookings/${bookingId}/messages/images/`))
      expect((await getBytes(imageUrl, admin)).status).toBe(200)
      const audited = await eventually(
        () =>
          pg().raw(
            `select action, path from audit_entry where action like 'escort_booking.messages.%'
             order by created_at`
          ),
        (result: { rows: unknown[] }) => result.rows.length === 2
      )
      expect(audited.rows).toEqual([
        {
          action: "escort_booking.messages.read",
          path: `/admin/escort-bookings/${bookingId}/messages`,
        },
        { action: "escort_booking.messages.image_read", path: imageUrl },
      ])
    })

    it("takes the service report once after 服务完成 and saves a document into the member's archive once", async () => {
      const body = (ids: string[]) => ({
        steps: [
          { step: "挂号", note: "8:10 取号，心内科 12 号" },
          { step: "就诊", note: "医生问诊约 15 分钟" },
        ],
        doctor_advice: "低盐饮食，两周后复查心电图",
        document_upload_ids: ids,
      })
      const early = await api.post(escortPath("/service-report"), body([]), {
        ...escortLi,
        ...noThrow,
      })
      expect([early.status, early.data.message]).toEqual([409, "服务完成后才能提交服务报告"])
      await completeService()
      expect((await api.get(memberPath("/service-report"), alice)).data.report).toBeNull()

      const documentBytes = jpeg("检查单")
      const document = await postImage(escortPath("/messages/images"), escortLi, documentBytes)
      const documentId = document.data.upload.id as string
      const written = await api.post(escortPath("/service-report"), body([documentId]), escortLi)
      expect(written.status).toBe(201)
      const again = await api.post(escortPath("/service-report"), body([]), {
        ...escortLi,
        ...noThrow,
      })
      expect([again.status, again.data.message]).toEqual([409, "服务报告已提交，不能重复提交"])

      const { report } = (await api.get(memberPath("/service-report"), alice)).data
      expect(report).toMatchObject({
        steps: body([]).steps,
        doctor_advice: "低盐饮食，两周后复查心电图",
        documents: [
          {
            id: documentId,
            image_url: memberPath(`/messages/images/${documentId}`),
            archived_upload_id: null,
          },
        ],
      })
      const [sealed] = await pg()("escort_service_report").where({ booking_id: bookingId })
      expect(sealed.payload_ciphertext).not.toContain("低盐")

      const archive = memberPath(`/service-report/documents/${documentId}/archive`)
      expect((await api.post(archive, {}, { ...bob, ...noThrow })).status).toBe(404)
      const [first, second] = await Promise.all([
        api.post(archive, {}, alice),
        api.post(archive, {}, alice),
      ])
      expect([first.status, second.status].sort()).toEqual([200, 201])
      expect(first.data.archived.upload_id).toBe(second.data.archived.upload_id)
      const third = await api.post(archive, {}, alice)
      expect([third.status, third.data.archived.upload_id]).toEqual([
        200,
        first.data.archived.upload_id,
      ])

      const { uploads } = (await api.get("/store/health-archive/uploads", alice)).data
      expect(uploads).toHaveLength(1)
      expect(uploads[0]).toMatchObject({
        id: first.data.archived.upload_id,
        kind: "image",
        mime_type: "image/jpeg",
        note: expect.stringContaining("陪诊服务报告"),
      })
      const file = await getBytes(`/store/health-archive/uploads/${uploads[0].id}/file`, alice)
      expect(file.bytes.equals(documentBytes)).toBe(true)
      expect((await api.get("/store/health-archive/uploads", bob)).data.uploads).toEqual([])
      const shown = (await api.get(memberPath("/service-report"), alice)).data.report
      expect(shown.documents[0].archived_upload_id).toBe(uploads[0].id)
    })

    it("ends the escort's access to pictures and the report when the task ends, and keeps the history read-only", async () => {
      const { uploadId } = await chat()
      await completeService()
      await api.post(
        escortPath("/service-report"),
        {
          steps: [{ step: "就诊", note: "顺利" }],
          doctor_advice: "按时服药",
          document_upload_ids: [uploadId],
        },
        escortLi
      )
      expect((await getBytes(escortPath(`/messages/images/${uploadId}`), escortLi)).status).toBe(
        200
      )
      // Seven days after 服务完成 the task has ended.
      await pg()("escort_booking_event")
        .where({ booking_id: bookingId, status: "completed" })
        .update({ created_at: pg().raw(`created_at - interval '8 days'`) })

      const read = (await api.get(escortPath("/messages"), escortLi)).data.messages as Message[]
      expect(read.length).toBeGreaterThanOrEqual(2)
      expect(read.every((m) => m.image_url === null)).toBe(true)
      const memberRead = (await api.get(memberPath("/messages"), alice)).data.messages as Message[]
      expect(memberRead[1].image_url).toBe(memberPath(`/messages/images/${uploadId}`))

      const refused = await Promise.all([
        api.get(escortPath(`/messages/images/${uploadId}`), { ...escortLi, ...noThrow }),
        api.get(escortPath("/service-report"), { ...escortLi, ...noThrow }),
      ])
      expect(refused.map((r) => [r.status, r.data.message])).toEqual([
        [403, "任务已结束，图片和服务报告仅就诊人一方可查看"],
        [403, "任务已结束，图片和服务报告仅就诊人一方可查看"],
      ])
      for (const [path, who] of [
        [memberPath("/messages"), alice],
        [escortPath("/messages"), escortLi],
      ] as const) {
        const late = await api.post(path, { text: "还在吗" }, { ...who, ...noThrow })
        expect([late.status, late.data.message]).toEqual([
          409,
          "服务完成已超过 7 天，消息记录仅供查看",
        ])
      }
      // The member keeps everything.
      expect((await getBytes(memberRead[1].image_url!, alice)).status).toBe(200)
      expect((await api.get(memberPath("/service-report"), alice)).data.report).not.toBeNull()
    })

    it("takes step and 报备 photos only from the escort's own uploads of that task", async () => {
      const refused = "照片不是本任务上传的图片，请重新拍照上传"
      const other = await paidBooking()
      await api.post(`/escort/tasks/${other}/accept`, {}, escortWang)
      const wangPhoto = (
        await postImage(`/escort/tasks/${other}/messages/images`, escortWang, jpeg("王的照片"))
      ).data.upload.id as string
      const liPhoto = (await postImage(escortPath("/messages/images"), escortLi, jpeg("李的照片")))
        .data.upload.id as string
      const memberPhoto = (await postImage(memberPath("/messages/images"), alice, jpeg("家属")))
        .data.upload.id as string
      const report = (ids: unknown) => ({ type: "other", text: "家属未到", photo_upload_ids: ids })

      for (const ids of [[wangPhoto], [memberPhoto], ["escupl_made_up"]]) {
        const r = await api.post(escortPath("/reports"), report(ids), { ...escortLi, ...noThrow })
        expect([r.status, r.data.message]).toEqual([400, refused])
      }
      const tooMany = await api.post(
        escortPath("/reports"),
        report(Array.from({ length: 10 }, (_, i) => `escupl_${i}`)),
        { ...escortLi, ...noThrow }
      )
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toContain("照片最多 9 张")
      const reported = await api.post(escortPath("/reports"), report([liPhoto]), escortLi)
      expect(reported.status).toBe(201)

      const wrongStep = await api.post(
        `/escort/tasks/${other}/progress`,
        { status: "departed", photo_upload_id: liPhoto },
        { ...escortWang, ...noThrow }
      )
      expect([wrongStep.status, wrongStep.data.message]).toEqual([400, refused])
      const step = await api.post(
        `/escort/tasks/${other}/progress`,
        { status: "departed", photo_upload_id: wangPhoto },
        escortWang
      )
      expect(step.data.task.status).toBe("departed")
      // Both photos stay on their timeline events, which the member reads.
      const timeline = async (id: string) =>
        (await api.get(`/store/escort-bookings/${id}`, alice)).data.booking.events as {
          status: string
          flagged: boolean
          photo_upload_ids: string[]
        }[]
      expect((await timeline(bookingId)).find((e) => e.flagged)?.photo_upload_ids).toEqual([
        liPhoto,
      ])
      expect(
        (await timeline(other)).find((e) => e.status === "departed")?.photo_upload_ids
      ).toEqual([wangPhoto])
    })

    it("refuses a sender past the per-minute limit with a clear 429", async () => {
      const carol = await registerCustomer(
        api,
        store.headers["x-publishable-api-key"],
        "carol-msg@example.com"
      )
      const statuses: number[] = []
      let refusal: { status: number; data: any; headers: any } | undefined
      for (let i = 0; i < 22 && !refusal; i++) {
        // Carol has no booking here: each try is a 404, but it counts against her all the same.
        const r = await api.post(
          memberPath("/messages"),
          { text: `第 ${i} 条` },
          { ...carol, ...noThrow }
        )
        statuses.push(r.status)
        if (r.status === 429) refusal = r
      }
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true)
      expect(refusal?.data.message).toMatch(/^消息发送过于频繁，请 \d+ 秒后再试$/)
      expect(Number(refusal?.headers["retry-after"])).toBeGreaterThan(0)
    })
  },
})
