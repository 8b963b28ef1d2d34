import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import Redis from "ioredis"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import seed from "../../src/scripts/seed"
import { shanghaiDate } from "../../src/modules/consultation/rules/slots"
import { consultationReminderJobId } from "../../src/lib/queue/jobs"
import { refundOverdueConsultations } from "../../src/workflows/consultation/refund-overdue-consultations"
import { recordDoctorEarningWorkflow } from "../../src/workflows/doctor-income/record-doctor-earning"
import { releaseDueDoctorEarnings } from "../../src/workflows/doctor-income/release-due-doctor-earnings"
import { DOCTOR_INCOME_MODULE } from "../../src/modules/doctor-income"
import type DoctorIncomeModuleService from "../../src/modules/doctor-income/service"
import { settleWechatTransfer } from "../../src/workflows/payouts/settle-wechat-transfer"
import { sendConsultationReminder } from "../../src/workflows/consultation/send-consultation-reminder"
import { sendFollowUpReminder } from "../../src/workflows/consultation/send-follow-up-reminder"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"
import { startWechatStandin } from "../helpers/wechat-standin"
import {
  privacyNumberStandinEnv,
  startPrivacyNumberStandin,
  type PrivacyNumberStandin,
} from "../helpers/privacy-number-standin"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
process.env.CONSULTATION_ANSWER_HOURS = "24"

// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Headers = { headers: Record<string, string> }

const DOCTOR_PHONE = "13700000001"

/** A Strapi 5 stand-in with one expert entry (the doctor's public profile). */
function startCmsStandIn(): Server {
  const expert = {
    id: 1,
    documentId: "expert-wang",
    name: "王建国",
    title: "主任医师",
    hospital: "中南大学湘雅医院",
    bio: "从事心血管内科临床工作三十年，擅长高血压、冠心病的诊治与健康管理。",
    departments: ["心血管内科"],
    specialties: "高血压、冠心病",
    avatar: { url: "/uploads/wang.jpg" },
  }
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    res.writeHead(url.pathname === "/api/experts" ? 200 : 404, {
      "content-type": "application/json",
    })
    if (url.pathname === "/api/experts") {
      return res.end(
        JSON.stringify({
          data: [expert],
          meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } },
        })
      )
    }
    res.end(JSON.stringify({ data: null, error: { status: 404, message: "Not Found" } }))
  })
}

/** Reads a Server-Sent Events stream; `next(n)` waits (within the test's timeout) for n more. */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const events: { event: string; data: any }[] = []
  let taken = 0
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
          if (data) events.push({ event: field("event") ?? "message", data: JSON.parse(data) })
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return {
    response,
    async next(count: number) {
      while (events.length < taken + count) await new Promise((r) => setTimeout(r, 25))
      const batch = events.slice(taken, taken + count)
      taken += count
      return batch
    },
    async close() {
      abort.abort()
      await reading
    },
  }
}

/** A multipart body with one file in field `file`. */
function oneFile(bytes: Buffer, name: string, type: string) {
  const form = new FormData()
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name)
  return form
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("舌苔照片"),
])

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let aliceId: string
    let doctorId: string
    let cms: Server
    let sandbox: Sandbox
    let closeRecorder: (() => Promise<void>) | undefined
    let pls: PrivacyNumberStandin
    let wechat: Awaited<ReturnType<typeof startWechatStandin>>

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL

    beforeAll(async () => {
      pls = await startPrivacyNumberStandin()
      Object.assign(process.env, privacyNumberStandinEnv(pls.url))
      // The mini-program's wx.login codes (a doctor binding WeChat) go to the API stand-in.
      wechat = await startWechatStandin()
      process.env.WECHAT_API_BASE = wechat.url
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // WeChat's callbacks reach this test's app through a recorder (as escort-bookings does).
      const recorder = createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)])
          )
          const hook = body.includes('"event_type":"REFUND.')
            ? "/hooks/wechatpay/refund"
            : body.includes('"event_type":"MCHTRANSFER.')
              ? "/hooks/wechatpay/transfer"
              : "/hooks/payment/wechatpay_wechatpay"
          const status = await fetch(`${baseUrl()}${hook}`, {
            method: "POST",
            headers: { ...headers, host: "" },
            body,
          }).then(
            (answer) => answer.status,
            () => 502
          )
          res.writeHead(status)
          res.end()
        })
      })
      await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve))
      sandbox.setNotifyUrl(`http://127.0.0.1:${(recorder.address() as AddressInfo).port}/`)
      closeRecorder = () =>
        new Promise<void>((resolve) => {
          recorder.close(() => resolve())
          recorder.closeAllConnections()
        })
    })

    afterAll(async () => {
      pls?.stop()
      wechat?.process.kill()
      await sandbox?.close()
      await closeRecorder?.()
      await new Promise((resolve) => cms?.close(resolve))
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    // Seeded once, before the runner snapshots the database: the doctor synced from the CMS,
    // given a phone, licence and price by staff (not yet verified), and two members.
    beforeAll(async () => {
      cms = startCmsStandIn()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": apiKey.token } }
      admin = await adminHeaders(container, api)
      alice = await registerCustomer(api, apiKey.token, "alice@example.com")
      bob = await registerCustomer(api, apiKey.token, "bob@example.com")
      aliceId = (await api.get("/store/customers/me", alice)).data.customer.id

      const sync = await api.post("/admin/consultations/doctors/sync", {}, admin)
      expect(sync.data.sync).toEqual({ created: 1, updated: 0, retired: 0 })
      const { doctors } = (await api.get("/admin/consultations/doctors", admin)).data
      doctorId = doctors[0].id
      await api.post(
        `/admin/consultations/doctors/${doctorId}`,
        { phone: DOCTOR_PHONE, license_number: "110430000012345", prices: { text: 3000 } },
        admin
      )
    })

    const signInDoctor = async (): Promise<Headers> => {
      // Each test signs in again: clear the resend, daily and per-address counters of the run.
      const limits = await redis.keys(`${prefix}:otp:*`)
      if (limits.length) await redis.del(...limits)
      await api.post("/store/auth/sms-codes", { phone: DOCTOR_PHONE, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${DOCTOR_PHONE}`)?.params.code as string
      const { data } = await api.post("/auth/doctor/phone", { phone: DOCTOR_PHONE, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }
    /**
     * Verified as every doctor is (there is no other way): the doctor uploads their 执业证书
     * and staff approve it in the licence review. Answers the doctor's headers.
     */
    const verified = async () => {
      const doctor = await signInDoctor()
      const form = oneFile(
        Buffer.concat([PNG.subarray(0, 8), Buffer.from("医师执业证书 110430000012345")]),
        "执业证书.png",
        "image/png"
      )
      form.append("kind", "practice_license")
      const { data } = await api.post("/doctor/license-documents", form, doctor)
      const review = `/admin/consultations/doctors/${doctorId}/license-documents/${data.document.id}/review`
      await api.post(review, { decision: "approve" }, admin)
      return doctor
    }

    const consultationOf = async (id: string, who = alice) =>
      (await api.get(`/store/consultations/${id}`, who)).data.consultation
    const untilStatus = (id: string, status: string) =>
      eventually(
        () => consultationOf(id),
        (c: { status: string }) => c.status === status
      )

    /** Staff credit a member's available balance (an adjustment entry), in fen. */
    const creditBalance = async (who: Headers, fen: number) => {
      const { data } = await api.get("/store/affiliate/me", who)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(
          `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
           values (?, ?, 'available', 'adjustment', ?, ?)`,
          [`afle_${randomUUID()}`, data.affiliate.id, fen, randomUUID()]
        )
    }
    const available = async (who: Headers) =>
      Math.round(
        (await api.get("/store/affiliate/me", who)).data.affiliate.balances.available * 100
      )

    const ask = (question = "最近三个月血压 150/95，早上头晕，需要马上吃药吗？") =>
      api.post("/store/consultations", { doctor_id: doctorId, mode: "text", question }, alice)

    /** Asks and pays with store credit alone; answers the consultation, 待接诊. */
    const paidByCredit = async () => {
      const { data } = await ask()
      await creditBalance(alice, data.consultation.price_fen)
      const paid = await api.post(
        `/store/consultations/${data.consultation.id}/pay`,
        {
          payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
          store_credit_fen: data.consultation.price_fen,
        },
        alice
      )
      expect(paid.data.action).toEqual({ kind: "none" })
      return untilStatus(data.consultation.id, "awaiting_doctor")
    }

    /** Asks and pays by WeChat Pay through the sandbox; answers the consultation and its order. */
    const paidByWechat = async () => {
      const { data } = await ask()
      const id = data.consultation.id as string
      const paid = await api.post(
        `/store/consultations/${id}/pay`,
        { payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" } },
        alice
      )
      expect(paid.data.amount_fen).toBe(3000)
      const { data: carts } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "cart",
          fields: ["payment_collection.payment_sessions.data"],
          filters: { id: paid.data.cart_id },
        })
      const trade = (carts[0] as any).payment_collection.payment_sessions[0].data.out_trade_no
      await sandbox.pay(trade)
      return untilStatus(id, "awaiting_doctor")
    }

    /** The order's refunds in fen, as Medusa recorded them. */
    const refundedFen = async (consultationId: string) => {
      const [row] = (
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`select order_id from consultation where id = ?`, [consultationId])
      ).rows
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["status", "payment_collections.payments.refunds.amount"],
          filters: { id: row.order_id },
        })
      const refunds = ((data[0] as any).payment_collections ?? []).flatMap((c: any) =>
        (c.payments ?? []).flatMap((p: any) => p.refunds ?? [])
      )
      return {
        status: (data[0] as any).status,
        fen: refunds.reduce((sum: number, r: any) => sum + Math.round(Number(r.amount) * 100), 0),
      }
    }

    it("offers and signs in a doctor only once staff verified the licence", async () => {
      const listed = async () =>
        (await api.get("/store/consultation-doctors", store)).data.doctors.map(
          (d: { id: string }) => d.id
        )
      expect(await listed()).toEqual([])
      const early = await failure(ask())
      expect([early.status, early.data.message]).toEqual([400, "请选择已核验执业资格的医生"])

      // A number staff never recorded is refused; the recorded but unverified doctor signs
      // in only to upload their licence documents: every other doctor route refuses them.
      const stranger = "13700000099"
      await api.post("/store/auth/sms-codes", { phone: stranger, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${stranger}`)?.params.code as string
      const refused = await failure(api.post("/auth/doctor/phone", { phone: stranger, code }))
      expect([refused.status, refused.data.message]).toEqual([
        401,
        "该手机号不是平台登记的医生，请联系运营",
      ])
      const unverified = await signInDoctor()
      for (const path of ["/doctor/me", "/doctor/consultations", "/doctor/income"]) {
        const locked = await failure(api.get(path, unverified))
        expect([locked.status, locked.data.message]).toEqual([
          400,
          "医生账号未核验或已停用，请联系运营",
        ])
      }

      // The licence review is the only way in: the super admin's old shortcut is gone.
      const shortcut = await failure(
        api.post(`/admin/consultations/doctors/${doctorId}/verify-license`, {}, admin)
      )
      expect(shortcut.status).toBe(404)
      expect(await listed()).toEqual([])

      const doctor = await verified()
      expect(await listed()).toEqual([doctorId])
      const page = (await api.get(`/store/consultation-doctors/${doctorId}`, store)).data.doctor
      expect(page).toMatchObject({
        name: "王建国",
        title: "主任医师",
        hospital: "中南大学湘雅医院",
        departments: ["心血管内科"],
        specialties: ["高血压", "冠心病"],
        license_verified: true,
        prices: { text: 3000 },
      })
      expect(page).not.toHaveProperty("phone")
      const me = (await api.get("/doctor/me", doctor)).data.doctor
      expect(me.id).toBe(doctorId)

      // A member's token opens no doctor route; a doctor's opens no member route.
      expect((await failure(api.get("/doctor/consultations", alice))).status).toBe(401)
      const asShopper = { headers: { ...store.headers, ...doctor.headers } }
      expect((await failure(api.get("/store/consultations", asShopper))).status).toBe(401)

      // Off duty: members cannot start a consultation.
      await api.post("/doctor/schedule", { on_duty: false }, doctor)
      const off = await failure(ask())
      expect([off.status, off.data.message]).toEqual([400, "该医生暂停接诊，请选择其他医生"])
      const bad = await failure(
        api.post("/doctor/schedule", { weekly_schedule: { "8": [["09:00", "12:00"]] } }, doctor)
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("每周排班格式")
    })

    it("reviews a doctor's licence documents like escorts' admission: sealed, reads audited, approval verifies and rejection withdraws", async () => {
      const container = getContainer()
      const pg = () => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const listed = async () =>
        (await api.get("/store/consultation-doctors", store)).data.doctors.map(
          (d: { id: string }) => d.id
        )
      const doctor = await signInDoctor()
      const upload = (kind: string, bytes: Buffer, name: string, type: string) => {
        const form = oneFile(bytes, name, type)
        form.append("kind", kind)
        return failure(api.post("/doctor/license-documents", form, doctor))
      }
      const LICENCE = Buffer.concat([
        PNG.subarray(0, 8),
        Buffer.from("医师执业证书 110430000012345"),
      ])
      expect((await api.get("/doctor/license-documents", doctor)).data).toEqual({
        license_verified: false,
        documents: [],
      })
      const noKind = await upload("diploma", LICENCE, "证书.png", "image/png")
      expect(noKind.status).toBe(400)
      expect(noKind.data.message).toContain("请选择材料类型")
      const notImage = await upload(
        "practice_license",
        Buffer.from("not a picture"),
        "a.png",
        "image/png"
      )
      expect([notImage.status, notImage.data.message]).toEqual([
        400,
        "只能上传 JPG、PNG 图片或 PDF 文件",
      ])
      const first = await upload("practice_license", LICENCE, "执业证书.png", "image/png")
      expect(first.status).toBe(201)
      expect(first.data.document).toMatchObject({
        kind: "practice_license",
        kind_label: "医师执业证书",
        status: "pending",
        status_label: "待审核",
        mime_type: "image/png",
      })
      const documentId = first.data.document.id as string
      // Stored sealed: the file module never holds the licence's text.
      const [stored] = (
        await pg().raw(`select file_id from doctor_license_document where id = ?`, [documentId])
      ).rows
      const raw = await container.resolve(Modules.FILE).getAsBuffer(stored.file_id)
      expect(raw.includes(Buffer.from("110430000012345"))).toBe(false)

      // The admission desk (调度) reviews; finance may not even read.
      const desk = await adminHeaders(container, api, "desk-doc@health.local", ["escort_dispatch"])
      const finance = await adminHeaders(container, api, "fin-lic@health.local", ["finance"])
      const base = `/admin/consultations/doctors/${doctorId}/license-documents`
      expect((await failure(api.get(base, finance))).status).toBe(403)
      const queue = (await api.get("/admin/doctor-licenses", desk)).data.documents
      expect(queue).toEqual([
        expect.objectContaining({
          id: documentId,
          doctor_id: doctorId,
          doctor_name: "王建国",
          license_number: "110430000012345",
        }),
      ])
      const list = (await api.get(base, desk)).data
      expect(list.doctor).toMatchObject({ id: doctorId, license_verified_at: null })
      expect(list.documents.map((d: { id: string }) => d.id)).toEqual([documentId])
      const file = await api.get(`${base}/${documentId}`, { ...desk, responseType: "arraybuffer" })
      expect(Buffer.from(file.data).equals(LICENCE)).toBe(true)
      const audited = await eventually(
        async () =>
          (
            await pg().raw(
              `select action, details from audit_entry where action like 'doctor_license.%'`
            )
          ).rows.map((row: { action: string; details: Record<string, string> }) => [
            row.action,
            row.details.document_id ?? null,
          ]),
        (rows: string[][]) => rows.some(([action]) => action === "doctor_license.document.read")
      )
      expect(audited).toEqual(
        expect.arrayContaining([["doctor_license.document.read", documentId]])
      )

      // Rejecting needs a reason; approving verifies the licence: offered, let in.
      const noReason = await failure(
        api.post(`${base}/${documentId}/review`, { decision: "reject" }, desk)
      )
      expect([noReason.status, noReason.data.message]).toEqual([
        400,
        "驳回时请填写原因，医生会看到它",
      ])
      const approved = await api.post(`${base}/${documentId}/review`, { decision: "approve" }, desk)
      expect(approved.data.document).toMatchObject({ status: "approved", status_label: "已通过" })
      const twice = await failure(
        api.post(`${base}/${documentId}/review`, { decision: "approve" }, desk)
      )
      expect([twice.status, twice.data.message]).toEqual([409, "该材料已审核过，不能重复审核"])
      expect(await listed()).toEqual([doctorId])
      expect((await api.get("/doctor/me", doctor)).data.doctor.id).toBe(doctorId)
      expect((await api.get("/doctor/license-documents", doctor)).data.license_verified).toBe(true)

      // A renewed licence rejected: the doctor reads why, and is no longer offered or let in.
      const renewed = await upload("practice_license", LICENCE, "新证.png", "image/png")
      const rejected = await api.post(
        `${base}/${renewed.data.document.id}/review`,
        { decision: "reject", reason: "证书照片模糊，请重新拍摄上传" },
        desk
      )
      expect(rejected.data.document).toMatchObject({
        status: "rejected",
        rejection_reason: "证书照片模糊，请重新拍摄上传",
      })
      const mine = (await api.get("/doctor/license-documents", doctor)).data
      expect(mine.license_verified).toBe(false)
      expect(mine.documents[0]).toMatchObject({
        id: renewed.data.document.id,
        rejection_reason: "证书照片模糊，请重新拍摄上传",
      })
      expect(await listed()).toEqual([])
      expect((await failure(api.get("/doctor/me", doctor))).status).toBe(400)
      // Another doctor's document, or a member, reaches nothing.
      expect(
        (
          await failure(
            api.get(`/admin/consultations/doctors/doc_other/license-documents/${documentId}`, desk)
          )
        ).status
      ).toBe(404)
      expect((await failure(api.get("/doctor/license-documents", alice))).status).toBe(401)
    })

    it("keeps the doctors as they were when the CMS does not answer a sync (503 in Chinese)", async () => {
      const cmsUrl = process.env.CMS_URL
      process.env.CMS_URL = `http://127.0.0.1:${freePortSync()}`
      try {
        const down = await failure(api.post("/admin/consultations/doctors/sync", {}, admin))
        expect([down.status, down.data.message]).toEqual([
          503,
          "专家信息暂时无法从内容平台读取，请稍后再试",
        ])
      } finally {
        process.env.CMS_URL = cmsUrl
      }
      const { doctors } = (await api.get("/admin/consultations/doctors", admin)).data
      expect(doctors.map((d: { name: string; on_duty: boolean }) => [d.name, d.on_duty])).toEqual([
        ["王建国", true],
      ])
      const again = await api.post("/admin/consultations/doctors/sync", {}, admin)
      expect(again.data.sync).toEqual({ created: 0, updated: 1, retired: 0 })
    })

    it("refuses bad input in Chinese: no question, phone or video, another member's consultation", async () => {
      await verified()
      const short = await failure(
        api.post(
          "/store/consultations",
          { doctor_id: doctorId, mode: "text", question: "头" },
          alice
        )
      )
      expect([short.status, short.data.message]).toEqual([400, "请描述您的问题（5 至 2000 字）"])
      const video = await failure(
        api.post(
          "/store/consultations",
          { doctor_id: doctorId, mode: "video", question: "想视频看看舌苔" },
          alice
        )
      )
      expect([video.status, video.data.message]).toEqual([400, "该医生暂未开通视频问诊"])

      const created = await ask()
      expect(created.status).toBe(201)
      expect(created.data.consultation).toMatchObject({
        status: "pending_payment",
        status_label: "待支付",
        price_fen: 3000,
        mode: "text",
      })
      const id = created.data.consultation.id
      for (const path of [
        `/store/consultations/${id}`,
        `/store/consultations/${id}/messages`,
        `/store/consultations/${id}/events/stream`,
      ]) {
        const theirs = await failure(api.get(path, bob))
        expect([path, theirs.status, theirs.data.message]).toEqual([path, 404, "没有找到这次问诊"])
      }
      const pay = await failure(
        api.post(
          `/store/consultations/${id}/pay`,
          { payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" } },
          bob
        )
      )
      expect(pay.status).toBe(404)
      // Unpaid: the doctor does not see it, and nobody may write in it.
      const doctor = await signInDoctor()
      expect((await failure(api.get(`/doctor/consultations/${id}`, doctor))).status).toBe(404)
      const early = await failure(
        api.post(`/store/consultations/${id}/messages`, { text: "在吗" }, alice)
      )
      expect([early.status, early.data.message]).toEqual([
        409,
        "问诊当前为「待支付」，不能发送消息",
      ])
    })

    it("pays with store credit, the doctor answers live and writes advice that lands in the archive and inbox", async () => {
      const doctor = await verified()
      const consultation = await paidByCredit()
      const id = consultation.id as string
      expect(consultation.events.map((e: { status: string }) => e.status)).toEqual([
        "pending_payment",
        "awaiting_doctor",
      ])
      const due = new Date(consultation.answer_due_at).getTime()
      expect(due - new Date(consultation.paid_at).getTime()).toBe(24 * 3_600_000)

      const waiting = (await api.get("/doctor/consultations?tab=waiting", doctor)).data
      expect(waiting.consultations.map((c: { id: string }) => c.id)).toEqual([id])
      expect(waiting.consultations[0].question).toContain("血压 150/95")

      const live = await openStream(
        `${baseUrl()}/store/consultations/${id}/events/stream`,
        alice.headers
      )
      expect(live.response.status).toBe(200)
      expect(live.response.headers.get("content-type")).toContain("text/event-stream")
      try {
        expect((await live.next(2)).map((e) => [e.event, e.data.status])).toEqual([
          ["timeline", "pending_payment"],
          ["timeline", "awaiting_doctor"],
        ])
        // The member adds a picture (judged by its bytes) and the doctor's first reply takes it.
        const fake = await fetch(`${baseUrl()}/store/consultations/${id}/attachments`, {
          method: "POST",
          headers: alice.headers,
          body: oneFile(Buffer.from("not really a picture"), "x.jpg", "image/jpeg"),
        })
        expect(fake.status).toBe(400)
        expect((await fake.json()).message).toBe("只能发送 JPG、PNG、WebP 图片或 PDF 文件")
        const upload = await fetch(`${baseUrl()}/store/consultations/${id}/attachments`, {
          method: "POST",
          headers: alice.headers,
          body: oneFile(PNG, "舌苔.png", "image/png"),
        })
        expect(upload.status).toBe(201)
        const attachment = (await upload.json()).attachment
        await api.post(
          `/store/consultations/${id}/messages`,
          { text: "这是我的舌苔，电话 13912345678", attachment_id: attachment.id },
          alice
        )
        await api.post(
          `/doctor/consultations/${id}/messages`,
          { text: "收到，血压要每天早晚各测一次。" },
          doctor
        )
        const pushed = await live.next(3)
        expect(pushed.map((e) => [e.event, e.data.from ?? e.data.status])).toEqual(
          expect.arrayContaining([
            ["message", "member"],
            ["message", "doctor"],
            ["timeline", "in_progress"],
          ])
        )
      } finally {
        await live.close()
      }

      const read = await consultationOf(id)
      expect(read.status).toBe("in_progress")
      expect(read.messages.map((m: any) => [m.from, m.text])).toEqual([
        ["member", "这是我的舌苔，电话 139****5678"],
        ["doctor", "收到，血压要每天早晚各测一次。"],
      ])
      const picture = await fetch(`${baseUrl()}${read.messages[0].attachment.url}`, {
        headers: alice.headers,
      })
      expect([picture.status, picture.headers.get("content-type")]).toEqual([200, "image/png"])
      expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true)
      const forBob = await fetch(`${baseUrl()}${read.messages[0].attachment.url}`, {
        headers: bob.headers,
      })
      expect(forBob.status).toBe(404)
      // The text is sealed at rest.
      const rows = (
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`select text_ciphertext from consultation_message where consultation_id = ?`, [id])
      ).rows
      expect(rows.every((r: any) => !String(r.text_ciphertext).includes("舌苔"))).toBe(true)

      const advice = await api.post(
        `/doctor/consultations/${id}/advice`,
        {
          health_advice: "低盐饮食，每天早晚测血压并记录。",
          follow_up_advice: "两周后带血压记录复诊。",
        },
        doctor
      )
      expect(advice.status).toBe(201)
      expect(advice.data.consultation.status).toBe("completed")
      const again = await failure(
        api.post(`/doctor/consultations/${id}/advice`, { health_advice: "再写一次" }, doctor)
      )
      expect([again.status, again.data.message]).toEqual([
        409,
        "问诊当前为「已完成」，不能再写建议",
      ])
      const closed = await failure(
        api.post(`/store/consultations/${id}/messages`, { text: "谢谢医生" }, alice)
      )
      expect(closed.status).toBe(409)

      const archive = (await api.get("/store/health-archive/assessments", alice)).data
      expect(archive.advice_notes).toEqual([
        expect.objectContaining({
          kind: "consultation_advice",
          consultation_id: id,
          advice: expect.objectContaining({
            health_advice: "低盐饮食，每天早晚测血压并记录。",
            follow_up_advice: "两周后带血压记录复诊。",
            labels: { health_advice: "健康建议", follow_up_advice: "复诊建议" },
            disclaimer: expect.stringContaining("不作为诊断或处方依据"),
          }),
        }),
      ])
      expect((await api.get("/store/health-archive/assessments", bob)).data.advice_notes).toEqual(
        []
      )
      const inbox = await eventually(
        async () => (await api.get("/store/inbox", alice)).data.messages,
        (messages: { title: string }[]) => messages.some((m) => m.title === "医生已给出健康建议")
      )
      expect(inbox.find((m: any) => m.title === "医生已给出健康建议").link).toBe(
        `/account/consultations/${id}`
      )
      const done = (await api.get("/doctor/consultations?tab=done", doctor)).data.consultations
      expect(done.map((c: { id: string }) => c.id)).toEqual([id])
    })

    it("lets the doctor read only the archive items shared for the consultation, every read logged", async () => {
      const doctor = await verified()
      const { id } = await paidByCredit()
      const pdf = Buffer.from("%PDF-1.4\n% 血常规化验单\n%%EOF\n")
      const form = new FormData()
      form.append(
        "files",
        new Blob([new Uint8Array(pdf)], { type: "application/pdf" }),
        "血常规.pdf"
      )
      const uploaded = await fetch(`${baseUrl()}/store/health-archive/uploads`, {
        method: "POST",
        headers: alice.headers,
        body: form,
      })
      const uploadId = (await uploaded.json()).uploads[0].id as string

      const stranger = await failure(
        api.post(
          `/store/consultations/${id}/shared-items`,
          { item_type: "upload", item_id: uploadId },
          bob
        )
      )
      expect(stranger.status).toBe(404)
      const shared = await api.post(
        `/store/consultations/${id}/shared-items`,
        { item_type: "upload", item_id: uploadId },
        alice
      )
      expect(shared.status).toBe(201)
      const shareId = shared.data.shared_item.id as string

      const seen = (await api.get(`/doctor/consultations/${id}`, doctor)).data.consultation
      expect(seen.shared_items).toEqual([
        {
          id: shareId,
          item_type: "upload",
          url: `/doctor/consultations/${id}/shared-items/${shareId}`,
        },
      ])
      const file = await fetch(`${baseUrl()}${seen.shared_items[0].url}`, {
        headers: doctor.headers,
      })
      expect([file.status, file.headers.get("content-type")]).toEqual([200, "application/pdf"])
      expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
      const log = (
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(
            `select actor_type, actor_id, action, resource_id from archive_access
             where owner_id = ? and resource_id = ? order by created_at`,
            [aliceId, uploadId]
          )
      ).rows
      expect(log.map((r: any) => [r.action, r.actor_id])).toEqual([
        ["create", aliceId],
        ["share_with_doctor", aliceId],
        ["doctor_view", doctorId],
      ])

      await api.post(`/store/consultations/${id}/shared-items/${shareId}/withdraw`, {}, alice)
      const gone = await fetch(`${baseUrl()}${seen.shared_items[0].url}`, {
        headers: doctor.headers,
      })
      expect(gone.status).toBe(404)
      expect(
        (await api.get(`/doctor/consultations/${id}`, doctor)).data.consultation.shared_items
      ).toEqual([])

      // Shared again, then the consultation ends: the doctor's access ends with it.
      const again = await api.post(
        `/store/consultations/${id}/shared-items`,
        { item_type: "upload", item_id: uploadId },
        alice
      )
      const againUrl = `${baseUrl()}/doctor/consultations/${id}/shared-items/${again.data.shared_item.id}`
      expect((await fetch(againUrl, { headers: doctor.headers })).status).toBe(200)
      await api.post(`/doctor/consultations/${id}/accept`, {}, doctor)
      await api.post(
        `/doctor/consultations/${id}/advice`,
        { health_advice: "定期复查血常规" },
        doctor
      )
      const after = await fetch(againUrl, { headers: doctor.headers })
      expect(after.status).toBe(404)
      expect(
        (await api.get(`/doctor/consultations/${id}`, doctor)).data.consultation.shared_items
      ).toEqual([])
    })

    it("refunds in full through WeChat Pay when no doctor answers in time, once", async () => {
      await verified()
      const consultation = await paidByWechat()
      const id = consultation.id as string
      const due = new Date(consultation.answer_due_at)
      const container = getContainer()
      // Before the deadline nothing happens; the clock moved past it refunds once.
      expect(
        (await refundOverdueConsultations(container, new Date(due.getTime() - 60_000))).refunded
      ).toEqual([])
      const late = new Date(due.getTime() + 60_000)
      const [first, second] = await Promise.all([
        refundOverdueConsultations(container, late),
        refundOverdueConsultations(container, late),
      ])
      expect([...first.refunded, ...second.refunded]).toEqual([id])
      const refunded = await consultationOf(id)
      expect(refunded).toMatchObject({
        status: "refunded",
        status_label: "已退款",
        refund_fen: 3000,
        refund_reason: "医生未在承诺时间内回复",
      })
      expect(await refundedFen(id)).toEqual({ status: "canceled", fen: 3000 })
      expect((await refundOverdueConsultations(container, late)).refunded).toEqual([])
      expect((await refundedFen(id)).fen).toBe(3000)
      const inbox = (await api.get("/store/inbox", alice)).data.messages
      expect(inbox.filter((m: any) => m.title === "问诊已退款")).toHaveLength(1)
    })

    it("refunds the store credit when the doctor declines, and a taken consultation cannot be declined", async () => {
      const doctor = await verified()
      const before = await available(alice)
      const { id } = await paidByCredit()
      expect(await available(alice)).toBe(before)

      const declined = await api.post(
        `/doctor/consultations/${id}/decline`,
        { reason: "非本专业" },
        doctor
      )
      expect(declined.data.consultation).toMatchObject({
        status: "refunded",
        refund_fen: 3000,
        refund_reason: "医生婉拒：非本专业",
      })
      expect(await refundedFen(id)).toMatchObject({ status: "canceled" })
      // The order's cancellation gives the store credit back.
      await eventually(
        () => available(alice),
        (fen: number) => fen === before + 3000
      )
      const twice = await failure(api.post(`/doctor/consultations/${id}/decline`, {}, doctor))
      expect([twice.status, twice.data.message]).toEqual([409, "只能婉拒尚未接诊的问诊"])

      const taken = await paidByCredit()
      await api.post(`/doctor/consultations/${taken.id}/accept`, {}, doctor)
      const refused = await failure(
        api.post(`/doctor/consultations/${taken.id}/decline`, {}, doctor)
      )
      expect(refused.status).toBe(409)
      expect((await consultationOf(taken.id)).status).toBe("in_progress")
      expect(
        (await refundOverdueConsultations(getContainer(), new Date(Date.now() + 48 * 3_600_000)))
          .refunded
      ).toEqual([])
    })

    // ---- schedules and slot booking (phone / video) ---------------------------------------

    const DAY_MS = 86_400_000
    /** A Beijing date `days` from today, and the instant of `HH:MM` on it. */
    const beijingDate = (days: number) => shanghaiDate(new Date(Date.now() + days * DAY_MS))
    const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString()

    /** The verified doctor prices phone and video and works 09:00–10:00 every day. */
    const scheduledDoctor = async (capacity = 1) => {
      const doctor = await verified()
      await api.post(
        `/admin/consultations/doctors/${doctorId}`,
        { prices: { text: 3000, phone: 5000, video: 8000 } },
        admin
      )
      const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        start: "09:00",
        end: "10:00",
        slot_minutes: 30,
        modes: ["phone", "video"],
        capacity,
      }))
      const saved = await api.post("/doctor/schedule/rules", { rules: week }, doctor)
      expect(saved.data.rules).toHaveLength(7)
      return doctor
    }
    const slotsOn = async (date: string) =>
      (
        await api.get(
          `/store/doctors/${doctorId}/slots?from=${date}&to=${shanghaiDate(
            new Date(Date.parse(`${date}T12:00:00+08:00`) + DAY_MS)
          )}`,
          store
        )
      ).data.slots as { start: string; end: string; modes: string[]; remaining: number }[]
    const bookSlot = (who: Headers, slot: string, mode = "phone") =>
      api.post(
        "/store/consultations",
        { doctor_id: doctorId, mode, slot, question: "想电话咨询一下降压药的服用时间" },
        who
      )

    it("lets the doctor keep a week and days off, and lists the free slots in Beijing time", async () => {
      const doctor = await scheduledDoctor()
      const day = beijingDate(2)
      expect((await slotsOn(day)).map((s) => [s.start, s.end, s.modes, s.remaining])).toEqual([
        [at(day, "09:00"), at(day, "09:30"), ["phone", "video"], 1],
        [at(day, "09:30"), at(day, "10:00"), ["phone", "video"], 1],
      ])

      const off = await api.post(
        "/doctor/schedule/exceptions",
        { date: day, kind: "day_off", note: "外出义诊" },
        doctor
      )
      expect(off.status).toBe(201)
      const extra = await api.post(
        "/doctor/schedule/exceptions",
        {
          date: day,
          kind: "extra_hours",
          start: "19:00",
          end: "19:20",
          slot_minutes: 20,
          modes: ["video"],
        },
        doctor
      )
      expect((await slotsOn(day)).map((s) => [s.start, s.modes])).toEqual([
        [at(day, "19:00"), ["video"]],
      ])
      const mine = (await api.get("/doctor/schedule", doctor)).data.schedule
      expect(mine.rules).toHaveLength(7)
      expect(mine.exceptions.map((e: { kind: string }) => e.kind)).toEqual([
        "day_off",
        "extra_hours",
      ])
      await api.delete(`/doctor/schedule/exceptions/${off.data.exception.id}`, doctor)
      await api.delete(`/doctor/schedule/exceptions/${extra.data.exception.id}`, doctor)
      expect(await slotsOn(day)).toHaveLength(2)

      // Off duty: no slots offered.
      await api.post("/doctor/schedule", { on_duty: false }, doctor)
      expect(await slotsOn(day)).toEqual([])
      await api.post("/doctor/schedule", { on_duty: true }, doctor)

      // Bad input is a Chinese 400, never a 500.
      const overlap = await failure(
        api.post(
          "/doctor/schedule/rules",
          {
            rules: [
              { weekday: 2, start: "09:00", end: "11:00", slot_minutes: 30, modes: ["phone"] },
              { weekday: 2, start: "10:00", end: "12:00", slot_minutes: 30, modes: ["phone"] },
            ],
          },
          doctor
        )
      )
      expect([overlap.status, overlap.data.message]).toEqual([
        400,
        "周二的排班时段有重叠，请调整后再保存",
      ])
      const badMode = await failure(
        api.post(
          "/doctor/schedule/rules",
          {
            rules: [
              { weekday: 1, start: "09:00", end: "10:00", slot_minutes: 30, modes: ["text"] },
            ],
          },
          doctor
        )
      )
      expect([badMode.status, badMode.data.message]).toEqual([
        400,
        "问诊方式须为 phone（电话）和/或 video（视频）",
      ])
      const badDate = await failure(
        api.post("/doctor/schedule/exceptions", { date: "2026-02-30", kind: "day_off" }, doctor)
      )
      expect([badDate.status, badDate.data.message]).toEqual([400, "日期格式为 YYYY-MM-DD"])
      const wide = await failure(
        api.get(`/store/doctors/${doctorId}/slots?from=${day}&to=${beijingDate(40)}`, store)
      )
      expect([wide.status, wide.data.message]).toEqual([400, "一次最多查询 31 天的号源"])
      const unknown = await failure(api.get(`/store/doctors/doc_nobody/slots`, store))
      expect(unknown.status).toBe(404)
      // Another doctor's route is no member's.
      expect((await failure(api.get("/doctor/schedule", alice))).status).toBe(401)
    })

    it("books a slot once when two members race for it (201 and a Chinese 409), and frees it when unpaid", async () => {
      await scheduledDoctor()
      const day = beijingDate(2)
      const slot = at(day, "09:00")

      const none = await failure(
        api.post(
          "/store/consultations",
          { doctor_id: doctorId, mode: "phone", question: "想电话咨询一下降压药" },
          alice
        )
      )
      expect([none.status, none.data.message]).toEqual([400, "电话问诊请先选择预约时段"])
      const offHour = await failure(bookSlot(alice, at(day, "09:10")))
      expect([offHour.status, offHour.data.message]).toEqual([
        400,
        "该时段不可预约，请重新选择医生排班中的时段",
      ])
      const textWithSlot = await failure(bookSlot(alice, slot, "text"))
      expect(textWithSlot.status).toBe(400)

      // Either may win: the answer is what counts, whoever gets it.
      const race = await Promise.all([alice, bob].map((who) => failure(bookSlot(who, slot))))
      expect(race.map((r) => r.status).sort()).toEqual([201, 409])
      const lost = race.find((r) => r.status === 409)!
      expect(lost.data.message).toBe("该时段已被预约满，请选择其他时段")
      const won = race.find((r) => r.status === 201)!
      expect(won.data.consultation).toMatchObject({
        mode: "phone",
        status: "pending_payment",
        price_fen: 5000,
        slot: { start: slot, end: at(day, "09:30") },
      })
      expect((await slotsOn(day)).map((s) => s.start)).toEqual([at(day, "09:30")])
      // The losing member has no consultation left behind.
      const loser = race.indexOf(lost) === 0 ? alice : bob
      expect((await api.get("/store/consultations", loser)).data.consultations).toEqual([])

      // Unpaid past CONSULTATION_PAYMENT_MINUTES: cancelled by the sweep, the slot is free again.
      const later = new Date(Date.now() + 31 * 60_000)
      const swept = await refundOverdueConsultations(getContainer(), later)
      expect(swept.expired).toContain(won.data.consultation.id)
      expect((await slotsOn(day)).map((s) => s.start)).toEqual([at(day, "09:00"), at(day, "09:30")])
      expect((await bookSlot(loser, slot)).status).toBe(201)
    })

    it("holds a paid slot to its start plus the grace minutes, refunds it when the doctor does not start, and when the doctor cancels", async () => {
      const doctor = await scheduledDoctor()
      const day = beijingDate(2)
      const payByCredit = async (id: string, fen: number) => {
        await creditBalance(alice, fen)
        await api.post(
          `/store/consultations/${id}/pay`,
          {
            payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
            store_credit_fen: fen,
          },
          alice
        )
        return untilStatus(id, "awaiting_doctor")
      }

      const first = (await bookSlot(alice, at(day, "09:00"), "video")).data.consultation
      expect(first.price_fen).toBe(8000)
      const paid = await payByCredit(first.id, 8000)
      // The promise is the slot: start by 09:15 Beijing time, not 24 h after paying.
      expect(paid.answer_due_at).toBe(at(day, "09:15"))
      // Its reminder waits in BullMQ (delayed to 30 minutes before) until the refund drops it.
      const reminderKey = (id: string, start: string) =>
        `${prefix}:consultation:${consultationReminderJobId({ consultation_id: id, slot_start: start })}`
      expect(await redis.exists(reminderKey(first.id, at(day, "09:00")))).toBe(1)
      const queue = (await api.get("/doctor/consultations?tab=waiting", doctor)).data.consultations
      expect(queue.find((c: { id: string }) => c.id === first.id).slot).toEqual({
        start: at(day, "09:00"),
        end: at(day, "09:30"),
      })
      const container = getContainer()
      expect(
        (await refundOverdueConsultations(container, new Date(at(day, "09:14")))).refunded
      ).toEqual([])
      expect(
        (await refundOverdueConsultations(container, new Date(at(day, "09:16")))).refunded
      ).toEqual([first.id])
      expect(await consultationOf(first.id)).toMatchObject({
        status: "refunded",
        refund_fen: 8000,
        slot: { start: at(day, "09:00") },
      })
      expect(await redis.exists(reminderKey(first.id, at(day, "09:00")))).toBe(0)

      // The doctor cancels a booked slot: refunded in full, the slot bookable again.
      const second = (await bookSlot(alice, at(day, "09:30"))).data.consultation
      await payByCredit(second.id, 5000)
      expect((await slotsOn(day)).map((s) => s.start)).not.toContain(at(day, "09:30"))

      // The reminder itself: the member's inbox and the doctor's text, once however often it runs.
      const job = { consultation_id: second.id, slot_start: at(day, "09:30") }
      expect(await sendConsultationReminder(container, job)).toMatchObject({ doctor: "sent" })
      await sendConsultationReminder(container, job)
      const reminders = (await api.get("/store/inbox", alice)).data.messages.filter(
        (m: { title: string }) => m.title.startsWith("电话问诊提醒")
      )
      expect(reminders).toHaveLength(1)
      expect(reminders[0].body).toContain("王建国医生电话问诊将于")
      const texted = LogSmsSender.outbox.filter(
        (m) => m.template === "consultation-reminder" && m.phone === `+86${DOCTOR_PHONE}`
      )
      expect(texted).toHaveLength(1)
      expect(texted[0].params).toEqual({
        doctor: "王建国",
        time: expect.stringMatching(/^\d+月\d+日 09:30$/),
      })
      const declined = await api.post(
        `/doctor/consultations/${second.id}/decline`,
        { reason: "临时手术" },
        doctor
      )
      expect(declined.data.consultation).toMatchObject({ status: "refunded", refund_fen: 5000 })
      expect((await slotsOn(day)).map((s) => s.start)).toContain(at(day, "09:30"))
      // A reminder job still running after the cancellation says nothing.
      expect(await sendConsultationReminder(container, job)).toEqual({ skipped: true })
    })

    it("shows the doctor their patients with history, keeps private notes, and schedules a follow-up the member is reminded of", async () => {
      const doctor = await verified()
      const consultation = await paidByCredit()
      const bobId = (await api.get("/store/customers/me", bob)).data.customer.id

      const { patients } = (await api.get("/doctor/patients", doctor)).data
      expect(patients).toEqual([
        expect.objectContaining({ customer_id: aliceId, consultations: 1 }),
      ])
      const stranger = await failure(api.get(`/doctor/patients/${bobId}`, doctor))
      expect([stranger.status, stranger.data.message]).toEqual([404, "没有找到这位患者"])

      const note = await api.post(
        `/doctor/patients/${aliceId}/notes`,
        { text: "血压控制欠佳，注意随访" },
        doctor
      )
      expect(note.status).toBe(201)
      const [sealed] = (
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`select note_ciphertext from consultation_patient_note`)
      ).rows
      expect(sealed.note_ciphertext).not.toContain("血压")

      const past = await failure(
        api.post(
          `/doctor/patients/${aliceId}/follow-ups`,
          { date: "2020-01-01", note: "复查血压" },
          doctor
        )
      )
      expect([past.status, past.data.message]).toEqual([400, "复诊日期不能早于今天"])
      const notHers = await failure(
        api.post(
          `/doctor/patients/${bobId}/follow-ups`,
          { date: beijingDate(7), note: "复查" },
          doctor
        )
      )
      expect(notHers.status).toBe(404)
      const due = beijingDate(7)
      const planned = await api.post(
        `/doctor/patients/${aliceId}/follow-ups`,
        { date: due, note: "一周后复查血压，带上家庭血压记录", consultation_id: consultation.id },
        doctor
      )
      expect(planned.status).toBe(201)
      const followUpId = planned.data.follow_up.id as string
      expect(await redis.exists(`${prefix}:consultation:cons-followup-${followUpId}`)).toBe(1)

      const patient = (await api.get(`/doctor/patients/${aliceId}`, doctor)).data.patient
      expect(patient.consultations.map((c: { id: string }) => c.id)).toEqual([consultation.id])
      expect(patient.notes.map((n: { text: string }) => n.text)).toEqual(["血压控制欠佳，注意随访"])
      expect(patient.follow_ups).toEqual([
        expect.objectContaining({ due_date: due, note: "一周后复查血压，带上家庭血压记录" }),
      ])

      // The member finds it with their consultations; the private note is not there.
      const mine = (await api.get("/store/consultations", alice)).data
      expect(mine.follow_ups).toEqual([
        expect.objectContaining({
          due_date: due,
          note: "一周后复查血压，带上家庭血压记录",
          doctor_name: "王建国",
        }),
      ])
      expect(JSON.stringify(mine)).not.toContain("注意随访")
      expect((await consultationOf(consultation.id)).follow_ups).toHaveLength(1)
      expect((await api.get("/store/consultations", bob)).data.follow_ups).toEqual([])

      // The reminder on the morning of the date: once in the inbox however often it runs.
      await sendFollowUpReminder(getContainer(), { follow_up_id: followUpId })
      await sendFollowUpReminder(getContainer(), { follow_up_id: followUpId })
      const inbox = (await api.get("/store/inbox", alice)).data.messages
      expect(inbox.filter((m: { title: string }) => m.title.startsWith("复诊提醒"))).toHaveLength(1)
      const after = (await api.get("/store/consultations", alice)).data.follow_ups[0]
      expect(after.reminded_at).not.toBeNull()
    })

    it("bridges a phone consultation through a middle number, records the call and releases the number with the advice", async () => {
      const doctor = await scheduledDoctor()
      await getContainer()
        .resolve(Modules.CUSTOMER)
        .updateCustomers(aliceId, { phone: "+8613900000009" })
      const day = beijingDate(2)
      const booked = (await bookSlot(alice, at(day, "09:00"))).data.consultation
      await creditBalance(alice, 5000)
      await api.post(
        `/store/consultations/${booked.id}/pay`,
        {
          payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
          store_credit_fen: 5000,
        },
        alice
      )
      await untilStatus(booked.id, "awaiting_doctor")

      // 拨打: the doctor gets the middle number, never the member's; it takes the consultation.
      const first = await api.post(`/doctor/consultations/${booked.id}/call`, {}, doctor)
      expect(first.data.call.middle_number).toMatch(/^1700000\d{4}$/)
      expect(JSON.stringify(first.data)).not.toContain("13900000009")
      const again = await api.post(`/doctor/consultations/${booked.id}/call`, {}, doctor)
      expect(again.data.call.middle_number).toBe(first.data.call.middle_number)
      expect((await consultationOf(booked.id)).status).toBe("in_progress")
      const [binding] = await pls.bindings()
      expect(binding).toMatchObject({ out_id: booked.id, secret_no: first.data.call.middle_number })

      // The provider pushes the call record, signed; it appears on both sides, once.
      const hook = `${baseUrl()}/hooks/privacy-number`
      const call = await pls.call(binding.subs_id, hook, 95)
      expect(call.delivered).toBe(200)
      expect((await consultationOf(booked.id)).calls).toEqual([
        expect.objectContaining({ duration_seconds: 95 }),
      ])
      const forged = await fetch(hook, {
        method: "POST",
        headers: { "content-type": "application/json", "x-pls-signature": "0".repeat(64) },
        body: JSON.stringify([call.record]),
      })
      expect(forged.status).toBe(401)
      const seen = (await api.get(`/doctor/consultations/${booked.id}`, doctor)).data.consultation
      expect(seen.calls).toHaveLength(1)
      expect(JSON.stringify(seen)).not.toContain("13900000009")

      // The advice ends it: the binding is released at the provider.
      await api.post(
        `/doctor/consultations/${booked.id}/advice`,
        { health_advice: "按时服用降压药，低盐饮食" },
        doctor
      )
      expect(await pls.bindings()).toEqual([])
      const over = await failure(api.post(`/doctor/consultations/${booked.id}/call`, {}, doctor))
      expect([over.status, over.data.message]).toEqual([409, "问诊已结束，不能再拨打"])

      const text = await paidByCredit()
      const notPhone = await failure(api.post(`/doctor/consultations/${text.id}/call`, {}, doctor))
      expect([notPhone.status, notPhone.data.message]).toEqual([400, "只有电话问诊可以拨打"])
    })

    describe("doctor income (#22)", () => {
      /** A paid text consultation the doctor takes and closes with advice. */
      const completed = async (doctor: Headers, paid: () => Promise<{ id: string }>) => {
        const { id } = await paid()
        await api.post(`/doctor/consultations/${id}/accept`, {}, doctor)
        await api.post(
          `/doctor/consultations/${id}/advice`,
          { health_advice: "低盐饮食，每天早晚测血压并记录。" },
          doctor
        )
        return id
      }
      const incomeOf = async (doctor: Headers, query = "") =>
        (await api.get(`/doctor/income${query}`, doctor)).data
      const earningOf = (doctor: Headers, id: string) =>
        eventually(
          () => incomeOf(doctor),
          (data: any) => data.earnings.some((e: any) => e.source_id === id)
        ).then((data: any) => data.earnings.find((e: any) => e.source_id === id))

      it("accrues 70% of a completed consultation once, pending until the hold has passed", async () => {
        const doctor = await verified()
        const empty = await incomeOf(doctor)
        expect(empty).toMatchObject({
          income: { pending_fen: 0, available_fen: 0, withdrawn_fen: 0, requested_fen: 0 },
          earnings: [],
          count: 0,
        })
        const id = await completed(doctor, paidByCredit)
        const earning = await earningOf(doctor, id)
        expect(earning).toMatchObject({
          source_type: "consultation",
          kind: "text",
          kind_label: "图文问诊",
          price_fen: 3000,
          share_percent: 70,
          amount_fen: 2100,
          net_fen: 2100,
          status: "pending",
          status_label: "待结算",
        })
        // A replayed completion, racing itself, records nothing more.
        const container = getContainer()
        const replays = await Promise.all(
          [1, 2].map(() =>
            recordDoctorEarningWorkflow(container).run({
              input: { source_type: "consultation", source_id: id },
            })
          )
        )
        expect(replays.map(({ result }) => result?.created)).toEqual([false, false])
        const after = await incomeOf(doctor)
        expect(after.count).toBe(1)
        expect(after.income).toMatchObject({ pending_fen: 2100, available_fen: 0 })
        // Not before 72 h after completion; then it is available.
        const release = new Date(earning.release_at).getTime()
        expect(release - new Date(earning.earned_at).getTime()).toBe(72 * 3_600_000)
        await releaseDueDoctorEarnings(container, new Date(release - 60_000))
        expect((await incomeOf(doctor)).income.available_fen).toBe(0)
        await releaseDueDoctorEarnings(container, new Date(release + 60_000))
        expect((await incomeOf(doctor)).income).toMatchObject({
          pending_fen: 0,
          available_fen: 2100,
        })
        // The earnings list is paged.
        const paged = await incomeOf(doctor, "?limit=1&offset=1")
        expect([paged.count, paged.earnings, paged.limit]).toEqual([1, [], 1])
        const bad = await failure(api.get("/doctor/income?limit=0", doctor))
        expect([bad.status, bad.data.message]).toEqual([400, "limit 应为 1–100 的整数"])
      })

      it("lets the doctor withdraw once at a time (of two at once one succeeds) and finance pay or reject", async () => {
        const doctor = await verified()
        const container = getContainer()
        const first = await completed(doctor, paidByCredit)
        const second = await completed(doctor, paidByCredit)
        await earningOf(doctor, first)
        await earningOf(doctor, second)
        await releaseDueDoctorEarnings(container, new Date(Date.now() + 73 * 3_600_000))
        expect((await incomeOf(doctor)).income.available_fen).toBe(4200)

        const tooMuch = await failure(
          api.post("/doctor/income/withdrawals", { amount_fen: 4201 }, doctor)
        )
        expect([tooMuch.status, tooMuch.data.message]).toEqual([
          409,
          "可提现余额不足：当前可提现 ¥42.00，申请 ¥42.01",
        ])
        const notFen = await failure(
          api.post("/doctor/income/withdrawals", { amount_fen: 10.5 }, doctor)
        )
        expect([notFen.status, notFen.data.message]).toEqual([
          400,
          "提现金额应为正整数（分），且不超过 100 万元",
        ])
        const race = await Promise.all(
          [1, 2].map(() =>
            api
              .post("/doctor/income/withdrawals", { amount_fen: 3000 }, doctor)
              .catch((e: any) => e.response)
          )
        )
        expect(race.map((r) => r.status).sort()).toEqual([201, 409])
        expect(race.find((r) => r.status === 409).data.message).toBe(
          "已有一笔提现申请待处理，请等财务处理后再申请"
        )
        const requested = race.find((r) => r.status === 201).data.withdrawal
        expect(requested).toMatchObject({
          amount_fen: 3000,
          status: "requested",
          status_label: "待打款",
        })
        expect((await incomeOf(doctor)).income).toMatchObject({
          available_fen: 1200,
          requested_fen: 3000,
        })

        // Finance sees it with the doctor's name and rejects it: the money is back.
        const listed = (await api.get("/admin/doctor-income/withdrawals?status=requested", admin))
          .data
        expect(listed.withdrawals).toEqual([
          expect.objectContaining({
            id: requested.id,
            doctor_id: doctorId,
            doctor_name: expect.any(String),
          }),
        ])
        const noReason = await failure(
          api.post(`/admin/doctor-income/withdrawals/${requested.id}/reject`, {}, admin)
        )
        expect([noReason.status, noReason.data.message]).toEqual([
          400,
          "请填写驳回原因（不超过 200 字）",
        ])
        const rejected = await api.post(
          `/admin/doctor-income/withdrawals/${requested.id}/reject`,
          { reason: "收款账户信息有误" },
          admin
        )
        expect(rejected.data.withdrawal).toMatchObject({
          status: "rejected",
          reject_reason: "收款账户信息有误",
        })
        expect((await incomeOf(doctor)).income).toMatchObject({
          available_fen: 4200,
          requested_fen: 0,
        })

        // A new request, paid by finance; paying twice with the same reference is one payment.
        const again = (await api.post("/doctor/income/withdrawals", { amount_fen: 4200 }, doctor))
          .data.withdrawal
        const paid = await api.post(
          `/admin/doctor-income/withdrawals/${again.id}/pay`,
          { reference: "BANK-20261207-001" },
          admin
        )
        expect(paid.data.withdrawal).toMatchObject({ status: "paid", status_label: "已打款" })
        const replay = await api.post(
          `/admin/doctor-income/withdrawals/${again.id}/pay`,
          { reference: "BANK-20261207-001" },
          admin
        )
        expect(replay.status).toBe(200)
        const late = await failure(
          api.post(`/admin/doctor-income/withdrawals/${again.id}/reject`, { reason: "晚了" }, admin)
        )
        expect([late.status, late.data.message]).toEqual([
          409,
          "该提现申请当前为「已打款」，只有待打款或已审核的申请可以这样处理",
        ])
        const mine = await incomeOf(doctor)
        expect(mine.income).toEqual({
          pending_fen: 0,
          available_fen: 0,
          withdrawn_fen: 4200,
          requested_fen: 0,
        })
        expect(mine.withdrawals.map((w: any) => w.status)).toEqual(["paid", "rejected"])
        // The doctor's own routes are theirs alone.
        const anonymous = await failure(api.get("/doctor/income"))
        expect(anonymous.status).toBe(401)
      })

      it("pays a withdrawal by WeChat 商家转账 to the WeChat the doctor bound, once; a failed transfer returns the money", async () => {
        const doctor = await verified()
        const container = getContainer()
        await earningOf(doctor, await completed(doctor, paidByCredit))
        await releaseDueDoctorEarnings(container, new Date(Date.now() + 73 * 3_600_000))
        const finance = await adminHeaders(container, api, "fin-doc@health.local", ["finance"])
        const operations = await adminHeaders(container, api, "ops-doc@health.local", [
          "operations",
        ])
        const approved = async () => {
          const { data } = await api.post(
            "/doctor/income/withdrawals",
            { amount_fen: 2100 },
            doctor
          )
          const ok = await api.post(
            `/admin/doctor-income/withdrawals/${data.withdrawal.id}/approve`,
            {},
            finance
          )
          expect(ok.data.withdrawal).toMatchObject({
            status: "approved",
            status_label: "已审核，待转账",
          })
          return data.withdrawal.id as string
        }
        const transfer = (id: string, who: Headers = finance) =>
          failure(api.post(`/admin/doctor-income/withdrawals/${id}/wechat-transfer`, {}, who))
        const mine = async (id: string) =>
          (await incomeOf(doctor)).withdrawals.find((w: any) => w.id === id)

        // Not bound yet: finance cannot transfer (a bank payment stays open).
        expect((await api.get("/doctor/wechat", doctor)).data.wechat).toEqual({
          bound: false,
          bound_at: null,
        })
        const first = await approved()
        const again = await failure(
          api.post(`/admin/doctor-income/withdrawals/${first}/approve`, {}, finance)
        )
        expect([again.status, again.data.message]).toEqual([
          409,
          "该提现申请当前为「已审核，待转账」，只有待打款的申请可以这样处理",
        ])
        const unbound = await transfer(first)
        expect(unbound.status).toBe(400)
        expect(unbound.data.message).toContain("该医生还没有绑定微信")
        expect(await mine(first)).toMatchObject({ status: "approved" })

        // wx.login in the mini-program → code → bound; a bad code is refused in Chinese.
        const badCode = await failure(api.post("/doctor/wechat/bind", { code: "nonsense" }, doctor))
        expect([badCode.status, badCode.data.message]).toEqual([
          400,
          "微信登录凭证无效或已过期，请重新点击绑定微信",
        ])
        const empty = await failure(api.post("/doctor/wechat/bind", {}, doctor))
        expect(empty.status).toBe(400)
        expect(empty.data.message).toContain("缺少微信登录凭证 code")
        const bound = await api.post(
          "/doctor/wechat/bind",
          { code: `wx-code-doctor-${randomUUID().slice(0, 8)}.1` },
          doctor
        )
        expect(bound.data.wechat).toMatchObject({ bound: true, bound_at: expect.any(String) })
        expect(JSON.stringify(bound.data)).not.toContain("openid")
        expect((await incomeOf(doctor)).wechat.bound).toBe(true)
        // One WeChat, one doctor's money; a member is not a doctor.
        const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
        const { wechat_openid } = (await income.payoutAccount(doctorId))!
        await expect(
          income.bindWechat({
            doctor_id: "doc_someone_else",
            openid: wechat_openid,
            unionid: null,
            at: new Date(),
          })
        ).rejects.toThrow("该微信已绑定其他医生账号，请用本人微信绑定")
        expect((await failure(api.post("/doctor/wechat/bind", { code: "x" }, alice))).status).toBe(
          401
        )

        // Money moves only for finance; two clicks at once start one transfer.
        expect((await transfer(first, operations)).status).toBe(403)
        const [one, two] = await Promise.all([transfer(first), transfer(first)])
        expect([one.status, two.status].sort()).toEqual([202, 409])
        const started = [one, two].find((r) => r.status === 202)
        expect(started.data.transfer.state).toBe("WAIT_USER_CONFIRM")
        expect(started.data.withdrawal).toMatchObject({ status: "paying", method: "wechat" })
        const outBillNo = started.data.transfer.out_bill_no as string

        // WeChat reports the failure: the amount is back in the balance.
        await sandbox.confirmTransfer(outBillNo, "FAIL")
        const failed = await eventually(
          () => mine(first),
          (w: any) => w.status === "failed"
        )
        expect(failed.fail_reason).toContain("金额已退回可提现余额")
        expect(failed.transfer).toBeNull()
        expect((await incomeOf(doctor)).income).toMatchObject({
          available_fen: 2100,
          requested_fen: 0,
          withdrawn_fen: 0,
        })
        expect((await transfer(first)).status).toBe(409)

        // Again, paid: the doctor confirms receipt with what wx.requestMerchantTransfer takes;
        // WeChat's callback settles it, and a replayed outcome changes nothing more.
        const second = await approved()
        expect((await transfer(second)).status).toBe(202)
        const paying = await mine(second)
        expect(paying).toMatchObject({ status: "paying", status_label: "微信转账中，待确认收款" })
        expect(paying.transfer).toEqual({
          mch_id: sandbox.keys.mchid,
          app_id: sandbox.keys.appid,
          package: expect.stringMatching(/^sandbox_pkg_/),
        })
        expect((await incomeOf(doctor)).income).toMatchObject({
          available_fen: 0,
          requested_fen: 2100,
        })
        const confirmed = await fetch(`${sandbox.url}/sandbox/transfer/confirm-package`, {
          method: "POST",
          body: JSON.stringify({
            mchId: paying.transfer.mch_id,
            appId: paying.transfer.app_id,
            package: paying.transfer.package,
          }),
        }).then((response) => response.json())
        expect(confirmed.err_msg).toBe("requestMerchantTransfer:ok")
        const paid = await eventually(
          () => mine(second),
          (w: any) => w.status === "paid"
        )
        expect(paid).toMatchObject({
          method: "wechat",
          transfer: null,
          paid_at: expect.any(String),
        })
        expect(
          await settleWechatTransfer(container, { out_bill_no: paid.reference, state: "SUCCESS" })
        ).toEqual({ settled: false })
        expect((await incomeOf(doctor)).income).toEqual({
          pending_fen: 0,
          available_fen: 0,
          withdrawn_fen: 2100,
          requested_fen: 0,
        })
        const listed = (await api.get("/admin/doctor-income/withdrawals?status=paid", finance)).data
        expect(listed.withdrawals).toEqual([
          expect.objectContaining({ id: second, method: "wechat", reference: paid.reference }),
        ])
      })

      it("reverses the doctor's share when finance refunds a completed consultation's payment", async () => {
        const doctor = await verified()
        const id = await completed(doctor, paidByWechat)
        expect(await earningOf(doctor, id)).toMatchObject({ amount_fen: 2100, status: "pending" })
        const [row] = (
          await getContainer()
            .resolve(ContainerRegistrationKeys.PG_CONNECTION)
            .raw(`select order_id from consultation where id = ?`, [id])
        ).rows
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "order",
            fields: ["payment_collections.payments.id"],
            filters: { id: row.order_id },
          })
        const paymentId = (data[0] as any).payment_collections[0].payments[0].id
        // Half back to the member: the doctor keeps 70% of the ¥15 the platform kept.
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 15 }, admin)
        const half = await eventually(
          () => earningOf(doctor, id),
          (e: any) => e.reversed_fen > 0
        )
        expect(half).toMatchObject({ reversed_fen: 1050, net_fen: 1050, status: "pending" })
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 15 }, admin)
        const full = await eventually(
          () => earningOf(doctor, id),
          (e: any) => e.status === "reversed"
        )
        expect(full).toMatchObject({
          reversed_fen: 2100,
          net_fen: 0,
          status_label: "已冲销（退款）",
        })
        await releaseDueDoctorEarnings(getContainer(), new Date(Date.now() + 73 * 3_600_000))
        expect((await incomeOf(doctor)).income).toMatchObject({ pending_fen: 0, available_fen: 0 })
      })
    })
  },
})
