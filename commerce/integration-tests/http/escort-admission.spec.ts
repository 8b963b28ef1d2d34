import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { forgetConsentPageVersions } from "../../src/lib/cms/consent-page-versions"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import seed from "../../src/scripts/seed"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import { checkEscortCredentials } from "../../src/workflows/escort-admission/check-escort-credentials"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"
import {
  identityStandinEnv,
  startIdentityStandin,
  type IdentityStandin,
} from "../helpers/identity-verification-standin"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
// The app reads the 实名认证 provider's settings when it boots: the stand-in's address first.
const STANDIN_PORT = freePortSync()
Object.assign(process.env, identityStandinEnv(STANDIN_PORT))

type Headers = { headers: Record<string, string> }

// Valid mainland ID numbers (GB 11643 check digits).
const APPLICANT_ID = "430602199003151231"
const OTHER_ID = "11010519491231002X"
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    // Every booking's consent versions are checked against the CMS's.
    const consentCms = useConsentCms()
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let standin: IdentityStandin
    let store: Headers
    let admin: Headers
    let dispatcher: Headers
    let finance: Headers
    let alice: Headers
    let halfDayVariant: string
    let phoneSeq = 0

    beforeAll(async () => {
      standin = await startIdentityStandin(STANDIN_PORT)
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": apiKey.token } }
      admin = await adminHeaders(container, api)
      dispatcher = await adminHeaders(container, api, "dispatch@health.local", ["escort_dispatch"])
      finance = await adminHeaders(container, api, "finance@health.local", ["finance"])
      alice = await registerCustomer(api, apiKey.token, "alice-admission@example.com")
      const { data } = await api.get("/store/escort-services", store)
      halfDayVariant = data.services.find(
        (s: { title: string }) => s.title === "半日陪诊"
      ).variant_id
    })

    afterAll(async () => {
      standin?.process.kill()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const pg = () => getContainer().resolve("__pg_connection__")

    const smsCode = async (phone: string) => {
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      return LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
    }

    /** What the apply page sends once every box is ticked: the versions the CMS publishes. */
    const APPLICANT_CONSENTS = [
      { kind: "privacy_policy", version: "2026-12" },
      { kind: "applicant_personal_info", version: "2026-12" },
      { kind: "applicant_sensitive_info", version: "2026-12" },
    ]

    /**
     * A new phone number signs in to the admission app (an applicant's escort token) and,
     * unless told not to, accepts the privacy policy and consents as the apply page does.
     */
    const signUpApplicant = async ({ consent = true } = {}) => {
      const phone = `1370000${String(++phoneSeq).padStart(4, "0")}`
      const { data } = await api.post("/auth/escort/phone/apply", {
        phone,
        code: await smsCode(phone),
      })
      const auth = { headers: { authorization: `Bearer ${data.token}` } } as Headers
      if (consent)
        await api.post("/escort/admission/consents", { consents: APPLICANT_CONSENTS }, auth)
      return { phone, auth }
    }

    const upload = (auth: Headers, kind: string, bytes: Buffer, filename: string) => {
      const form = new FormData()
      form.append("kind", kind)
      form.append("file", new Blob([new Uint8Array(bytes)]), filename)
      return api.post("/escort/admission/documents", form, auth)
    }

    const fields = (overrides: Record<string, unknown> = {}) => ({
      real_name: "周晓梅",
      id_number: APPLICANT_ID,
      city: "长沙市",
      base_location: "岳麓区望月湖街道",
      specialties: ["儿科", "异地就医"],
      ...overrides,
    })

    /** A half-day booking in 长沙 for the person of that name (the ID number is OTHER_ID). */
    const booking = (name: string) => ({
      variant_id: halfDayVariant,
      extras: [],
      hospital_id: "hosp-xiangya",
      hospital_name: "中南大学湘雅医院",
      department: "心血管内科",
      city: "长沙市",
      date: "2030-12-20",
      time_window: { start: "08:00", end: "12:00" },
      person: { name, id_number: OTHER_ID },
      meeting_point: "门诊楼一楼大厅",
      consents: ESCORT_CONSENTS,
      needs: [],
    })

    const review = (applicationId: string, documentId: string, body: object, who = admin) =>
      api.post(`/admin/escort-admission/${applicationId}/documents/${documentId}/review`, body, who)

    /** Applies, verifies, uploads and submits; staff approve both documents and activate. */
    const admittedEscort = async (healthExpiresOn: string) => {
      const applicant = await signUpApplicant()
      await api.post("/escort/admission", fields(), applicant.auth)
      await api.post("/escort/admission/verify", {}, applicant.auth)
      const health = await upload(applicant.auth, "health_certificate", PDF, "健康证.pdf")
      const check = await upload(applicant.auth, "background_check", JPEG, "无犯罪记录.jpg")
      const { data } = await api.post("/escort/admission/submit", {}, applicant.auth)
      const applicationId = data.application.id as string
      await review(applicationId, health.data.document.id, {
        decision: "approve",
        expires_on: healthExpiresOn,
      })
      await review(applicationId, check.data.document.id, { decision: "approve" })
      const activated = await api.post(
        `/admin/escort-admission/${applicationId}/activate`,
        {},
        admin
      )
      expect(activated.status).toBe(200)
      return { ...applicant, applicationId, escortId: data.application.escort_id as string }
    }

    it("takes an applicant from sign-up through verification, review and activation to tasks", async () => {
      const applicant = await signUpApplicant()
      expect((await api.get("/escort/admission", applicant.auth)).data.application).toBeNull()
      // Not an active escort yet: no tasks, and the escort sign-in still refuses the number.
      expect((await failure(api.get("/escort/tasks", applicant.auth))).status).toBe(400)
      const refused = await failure(
        api.post("/auth/escort/phone", {
          phone: applicant.phone,
          code: await smsCode(applicant.phone),
        })
      )
      expect(refused.status).toBe(401)

      const badId = await failure(
        api.post("/escort/admission", fields({ id_number: "430602199003151230" }), applicant.auth)
      )
      expect(badId.status).toBe(400)
      expect(badId.data.message).toContain("请填写正确的 18 位身份证号")

      const saved = await api.post("/escort/admission", fields(), applicant.auth)
      expect(saved.data.application).toMatchObject({
        status: "draft",
        status_label: "待提交",
        real_name: "周晓梅",
        id_number_masked: "4306**********1231",
        verified: false,
        requirements: [
          { code: "real_name", met: false },
          { code: "health_certificate", met: false },
          { code: "background_check", met: false },
        ],
      })
      expect(JSON.stringify(saved.data)).not.toContain(APPLICANT_ID)

      const verified = await api.post("/escort/admission/verify", {}, applicant.auth)
      expect(verified.data.application).toMatchObject({ verified: true })
      expect(verified.data.application.requirements[0]).toMatchObject({
        code: "real_name",
        met: true,
      })
      expect(await standin.calls()).toContainEqual({
        action: "IdCardVerification",
        id_number: "4306**********1231",
        result: "0",
      })

      // Documents are checked by content: a GIF named .pdf is refused.
      const gif = await failure(
        upload(applicant.auth, "health_certificate", Buffer.from("GIF89a......"), "健康证.pdf")
      )
      expect(gif.status).toBe(400)
      expect(gif.data.message).toBe("只能上传 JPG、PNG 图片或 PDF 文件")
      const badKind = await failure(upload(applicant.auth, "selfie", JPEG, "a.jpg"))
      expect(badKind.status).toBe(400)

      const health = await upload(applicant.auth, "health_certificate", PDF, "健康证.pdf")
      expect(health.status).toBe(201)
      expect(health.data.document).toMatchObject({
        kind: "health_certificate",
        kind_label: "健康证",
        status: "pending",
        mime_type: "application/pdf",
      })
      const check = await upload(applicant.auth, "background_check", JPEG, "背景调查.jpg")
      // Stored sealed: the file module holds no PDF, the applicant reads it back whole.
      const [stored] = (
        await pg().raw(`select file_id from escort_admission_document where id = ?`, [
          health.data.document.id,
        ])
      ).rows
      const raw = await getContainer().resolve(Modules.FILE).getAsBuffer(stored.file_id)
      expect(raw.includes(Buffer.from("%PDF"))).toBe(false)
      const own = await api.get(`/escort/admission/documents/${health.data.document.id}`, {
        ...applicant.auth,
        responseType: "arraybuffer",
      })
      expect(Buffer.from(own.data).equals(PDF)).toBe(true)

      const submitted = await api.post("/escort/admission/submit", {}, applicant.auth)
      const applicationId = submitted.data.application.id
      expect(submitted.data.application.status_label).toBe("待审核")

      // Staff see it among applications waiting for review (陪诊员审核), the ID masked.
      const listed = await api.get("/admin/escort-admission?status=submitted", dispatcher)
      expect(listed.data.applications.map((a: { id: string }) => a.id)).toContain(applicationId)
      expect(JSON.stringify(listed.data)).not.toContain(APPLICANT_ID)

      const early = await failure(
        api.post(`/admin/escort-admission/${applicationId}/activate`, {}, dispatcher)
      )
      expect(early.status).toBe(409)
      expect(early.data.message).toBe(
        "尚不能启用：健康证审核通过且在有效期内、背景调查材料审核通过且在有效期内"
      )

      const undated = await failure(
        review(applicationId, health.data.document.id, { decision: "approve" }, dispatcher)
      )
      expect(undated.status).toBe(400)
      expect(undated.data.message).toBe("请填写该证件的有效期截止日期")
      const noReason = await failure(
        review(applicationId, check.data.document.id, { decision: "reject" }, dispatcher)
      )
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toContain("驳回时请填写原因")

      await review(
        applicationId,
        health.data.document.id,
        { decision: "approve", expires_on: "2030-06-30" },
        dispatcher
      )
      const rejected = await review(
        applicationId,
        check.data.document.id,
        { decision: "reject", reason: "照片模糊，请重新拍摄上传" },
        dispatcher
      )
      expect(rejected.data.document).toMatchObject({ status: "rejected", status_label: "已驳回" })
      const twice = await failure(
        review(applicationId, check.data.document.id, { decision: "approve" }, dispatcher)
      )
      expect(twice.status).toBe(409)

      // The applicant sees the reason and uploads again.
      const mine = await api.get("/escort/admission", applicant.auth)
      expect(
        mine.data.application.documents.find((d: { id: string }) => d.id === check.data.document.id)
      ).toMatchObject({ rejection_reason: "照片模糊，请重新拍摄上传" })
      const again = await upload(applicant.auth, "background_check", PDF, "背景调查.pdf")
      await review(applicationId, again.data.document.id, { decision: "approve" }, dispatcher)

      // 财务 has no business here; the dispatch desk (陪诊调度) reviews and activates.
      expect((await failure(api.get("/admin/escort-admission", finance))).status).toBe(403)
      const activated = await api.post(
        `/admin/escort-admission/${applicationId}/activate`,
        {},
        dispatcher
      )
      expect(activated.data.application).toMatchObject({
        status: "approved",
        status_label: "已通过",
      })

      const [escort] = await getContainer()
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .listEscorts({ id: activated.data.application.escort_id })
      expect(escort).toMatchObject({ status: "active", name: "周晓梅", city: "长沙市" })
      const signedIn = await api.post("/auth/escort/phone", {
        phone: applicant.phone,
        code: await smsCode(applicant.phone),
      })
      const tasks = await api.get("/escort/tasks?status=open", {
        headers: { authorization: `Bearer ${signedIn.data.token}` },
      })
      expect(tasks.status).toBe(200)
    })

    it("reminds 30 and 7 days before a 健康证 lapses, then suspends the escort until renewed", async () => {
      const escort = await admittedEscort("2030-03-31")
      const texts = () =>
        LogSmsSender.outbox.filter(
          (sms) => sms.phone === `+86${escort.phone}` && sms.template === "escort-credential"
        )
      const at = (day: string) => new Date(`${day}T02:00:00Z`)

      expect(await checkEscortCredentials(getContainer(), at("2030-02-20"))).toEqual({
        reminded: 0,
        suspended: 0,
      })
      expect((await checkEscortCredentials(getContainer(), at("2030-03-01"))).reminded).toBe(1)
      expect((await checkEscortCredentials(getContainer(), at("2030-03-02"))).reminded).toBe(0)
      expect((await checkEscortCredentials(getContainer(), at("2030-03-25"))).reminded).toBe(1)
      expect(texts().map((sms) => sms.params)).toEqual([
        { document: "健康证", expires_on: "2030-03-31", days: "30" },
        { document: "健康证", expires_on: "2030-03-31", days: "6" },
      ])

      // Valid through its last day; the day after, the escort is suspended once.
      expect((await checkEscortCredentials(getContainer(), at("2030-03-31"))).suspended).toBe(0)
      expect((await checkEscortCredentials(getContainer(), at("2030-04-01"))).suspended).toBe(1)
      expect((await checkEscortCredentials(getContainer(), at("2030-04-02"))).suspended).toBe(0)

      const escorts = getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
      const [suspended] = await escorts.listEscorts({ id: escort.escortId })
      expect(suspended.status).toBe("suspended")
      const refused = await failure(
        api.post("/auth/escort/phone", { phone: escort.phone, code: await smsCode(escort.phone) })
      )
      expect(refused.status).toBe(401)
      // Nor can they take a task, even by a path that skips the app's sign-in check.
      await standin.registerPerson("张桂兰", OTHER_ID)
      const { data: created } = await api.post("/store/escort-bookings", booking("张桂兰"), alice)
      await api.post(`/admin/escort-bookings/${created.booking.id}/mark-paid`, {}, admin)
      await expect(
        escorts.acceptTask(created.booking.id, { id: escort.escortId, city: "长沙市" })
      ).rejects.toThrow("该陪诊员账号已停用，请联系运营")

      // The suspended escort still reaches the admission app and sees why.
      const mine = await api.get("/escort/admission", escort.auth)
      expect(mine.data.application).toMatchObject({
        status: "suspended",
        status_label: "已暂停",
        suspension_reason: "健康证审核通过且在有效期内未满足，已暂停接单",
      })
      // A renewed 健康证, approved, brings them back.
      const renewed = await upload(escort.auth, "health_certificate", PDF, "新健康证.pdf")
      await review(escort.applicationId, renewed.data.document.id, {
        decision: "approve",
        expires_on: "2099-03-31",
      })
      const back = await api.post(
        `/admin/escort-admission/${escort.applicationId}/activate`,
        {},
        admin
      )
      expect(back.data.application.status).toBe("approved")
      const [active] = await escorts.listEscorts({ id: escort.escortId })
      expect(active.status).toBe("active")
    })

    it("refuses to book for a person whose real name and ID number do not verify", async () => {
      await standin.registerPerson("张桂兰", OTHER_ID)
      const wrong = await failure(api.post("/store/escort-bookings", booking("张桂芳"), alice))
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toBe(
        "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写"
      )
      const { rows } = await pg().raw(
        `select subject_type, outcome, id_number_masked, id_number_ciphertext from identity_verification
         where subject_type = 'escort_booking_person' order by created_at`
      )
      expect(rows[0]).toMatchObject({
        outcome: "mismatch",
        id_number_masked: "1101**********002X",
      })
      expect(JSON.stringify(rows)).not.toContain(OTHER_ID)
      const right = await api.post("/store/escort-bookings", booking("张桂兰"), alice)
      expect(right.status).toBe(201)
    })

    it("takes the applicant's consents at the CMS's current versions before any detail, and stops on withdrawal", async () => {
      const applicant = await signUpApplicant({ consent: false })
      const before = await api.get("/escort/admission/consents", applicant.auth)
      expect(before.data.consents).toMatchObject({ all_accepted: false, consents: [] })
      expect(before.data.consents.documents.map((d: { slug: string }) => d.slug)).toEqual([
        "privacy-policy",
        "consent-escort-applicant-personal-info",
        "consent-escort-applicant-sensitive-info",
      ])

      // No detail is taken before the consents.
      const early = await failure(api.post("/escort/admission", fields(), applicant.auth))
      expect(early.status).toBe(409)
      expect(early.data.message).toBe(
        "请先阅读并同意「隐私政策」、「陪诊员个人信息处理同意」、「陪诊员敏感个人信息处理同意」，再填写或提交入驻资料"
      )

      // A missing kind is a 400; a version the CMS does not publish now is a 409 naming it.
      const partial = await failure(
        api.post(
          "/escort/admission/consents",
          { consents: APPLICANT_CONSENTS.slice(0, 2) },
          applicant.auth
        )
      )
      expect(partial.status).toBe(400)
      expect(partial.data.message).toContain("「陪诊员敏感个人信息处理同意」")
      consentCms.pages.set("consent-escort-applicant-sensitive-info", "2027-01")
      forgetConsentPageVersions() // what the CMS's page event does on this server
      const stale = await failure(
        api.post("/escort/admission/consents", { consents: APPLICANT_CONSENTS }, applicant.auth)
      )
      expect(stale.status).toBe(409)
      expect(stale.data.message).toBe(
        "以下文本已更新，请刷新页面重新阅读并同意：「陪诊员敏感个人信息处理同意」（当前版本 2027-01）"
      )
      const current = APPLICANT_CONSENTS.map((c) =>
        c.kind === "applicant_sensitive_info" ? { ...c, version: "2027-01" } : c
      )
      const accepted = await api.post(
        "/escort/admission/consents",
        { consents: current },
        applicant.auth
      )
      expect(accepted.data.consents.all_accepted).toBe(true)
      // Ticking again records nothing new.
      await api.post("/escort/admission/consents", { consents: current }, applicant.auth)
      const { rows } = await pg().raw(
        `select kind, version from escort_applicant_consent where escort_id = (
           select escort_id from escort_applicant_consent where id = ?) order by kind`,
        [accepted.data.consents.consents[0].id]
      )
      expect(rows).toEqual([
        { kind: "applicant_personal_info", version: "2026-12" },
        { kind: "applicant_sensitive_info", version: "2027-01" },
        { kind: "privacy_policy", version: "2026-12" },
      ])
      expect((await api.post("/escort/admission", fields(), applicant.auth)).status).toBe(200)
      // Back to the version the other applicants accept.
      consentCms.pages.set("consent-escort-applicant-sensitive-info", "2026-12")
      forgetConsentPageVersions()

      // Withdrawn: kept as a record, and nothing more is verified or submitted.
      const sensitive = accepted.data.consents.consents.find(
        (c: { kind: string }) => c.kind === "applicant_sensitive_info"
      )
      const other = await signUpApplicant()
      const foreign = await failure(
        api.post(`/escort/admission/consents/${sensitive.id}/withdraw`, {}, other.auth)
      )
      expect(foreign.status).toBe(404)
      const withdrawn = await api.post(
        `/escort/admission/consents/${sensitive.id}/withdraw`,
        {},
        applicant.auth
      )
      expect(withdrawn.data.consents.all_accepted).toBe(false)
      expect(
        withdrawn.data.consents.consents.find((c: { id: string }) => c.id === sensitive.id)
          .withdrawn_at
      ).toEqual(expect.any(String))
      const verify = await failure(api.post("/escort/admission/verify", {}, applicant.auth))
      expect(verify.status).toBe(409)
      expect(verify.data.message).toContain("「陪诊员敏感个人信息处理同意」")
      const submit = await failure(api.post("/escort/admission/submit", {}, applicant.auth))
      expect(submit.status).toBe(409)
    })

    it("keeps an application private: masked, unseen by other escorts and members, every read audited", async () => {
      const first = await signUpApplicant()
      const saved = await api.post("/escort/admission", fields(), first.auth)
      const doc = await upload(first.auth, "photo", JPEG, "照片.jpg")
      await api.get("/escort/admission", first.auth)

      // At rest the ID number is sealed.
      const { rows } = await pg().raw(`select * from escort_application where id = ?`, [
        saved.data.application.id,
      ])
      expect(JSON.stringify(rows[0])).not.toContain("199003151")

      // Another applicant sees only their own (none), and never the first one's document.
      const other = await signUpApplicant()
      expect((await api.get("/escort/admission", other.auth)).data.application).toBeNull()
      await api.post(
        "/escort/admission",
        fields({ real_name: "刘强", id_number: OTHER_ID }),
        other.auth
      )
      const peek = await failure(
        api.get(`/escort/admission/documents/${doc.data.document.id}`, other.auth)
      )
      expect(peek.status).toBe(404)

      // A member's token opens neither the escort app nor the admin.
      expect((await failure(api.get("/escort/admission", alice))).status).toBe(401)
      expect((await failure(api.get("/admin/escort-admission", alice))).status).toBe(401)
      expect((await failure(api.get("/escort/admission"))).status).toBe(401)

      // A name and ID number that do not belong together are not verified.
      await standin.registerPerson("刘伟", OTHER_ID)
      const mismatch = await failure(api.post("/escort/admission/verify", {}, other.auth))
      expect(mismatch.status).toBe(400)
      expect(mismatch.data.message).toBe("实名认证未通过：姓名与身份证号不一致，请核对后重新填写")

      const read = await api.get(`/admin/escort-admission/${saved.data.application.id}`, admin)
      expect(read.data.application.id_number_masked).toBe("4306**********1231")
      expect(JSON.stringify(read.data)).not.toContain(APPLICANT_ID)
      await api.get(
        `/admin/escort-admission/${saved.data.application.id}/documents/${doc.data.document.id}`,
        admin
      )
      // Staff reads are recorded as their responses finish: wait for the document's.
      const audited = await eventually(
        async () =>
          (
            await pg().raw(
              `select action, details from audit_entry where action like 'escort_admission.%'
                 or action like 'identity_verification.%' order by created_at`
            )
          ).rows.map((row: { action: string; details: Record<string, string> }) => [
            row.action,
            row.details.application_id,
          ]),
        (rows: string[][]) => rows.some(([action]) => action === "escort_admission.document.read")
      )
      expect(audited).toEqual(
        expect.arrayContaining([
          ["escort_admission.read", saved.data.application.id],
          ["escort_admission.document.read", saved.data.application.id],
          ["identity_verification.verify", expect.any(String)],
        ])
      )
      expect(
        audited.filter(([action]: string[]) => action === "escort_admission.read").length
      ).toBe(2)
    })
  },
})
