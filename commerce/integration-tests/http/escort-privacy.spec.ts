import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import seed from "../../src/scripts/seed"
import { forgetConsentPageVersions } from "../../src/lib/cms/consent-page-versions"
import { runRetentionSweep } from "../../src/lib/privacy/retention-sweep"
import { SealedFileStore } from "../../src/lib/health-files/sealed-file-store"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }

const ID_NUMBER = "11010519491231002X"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    // Every booking's consent versions are checked against the CMS's.
    const consentCms = useConsentCms()
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let halfDayVariant: string

    const booking = (overrides: Record<string, unknown> = {}) => ({
      variant_id: halfDayVariant,
      extras: [],
      hospital_id: "hosp-xiangya",
      hospital_name: "中南大学湘雅医院",
      department: "心血管内科",
      city: "长沙市",
      date: "2026-12-20",
      time_window: { start: "08:00", end: "12:00" },
      person: { name: "张桂兰", id_number: ID_NUMBER },
      meeting_point: "湘雅医院门诊楼一楼大厅",
      needs: ["轮椅"],
      consents: ESCORT_CONSENTS,
      ...overrides,
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)

    const pg = () => getContainer().resolve("__pg_connection__")

    const signInEscort = async (phone: string): Promise<Headers> => {
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city: "长沙市" },
        admin
      )
      expect(created.status).toBe(201)
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    /** A paid booking of alice's taken by `escort`. */
    const acceptedBooking = async (escort: Headers) => {
      const { data } = await api.post("/store/escort-bookings", booking(), alice)
      await api.post(`/admin/escort-bookings/${data.booking.id}/mark-paid`, {}, admin)
      const accepted = await api.post(`/escort/tasks/${data.booking.id}/accept`, {}, escort)
      expect(accepted.status).toBe(200)
      return data.booking.id as string
    }

    const patientReads = async (bookingId: string) =>
      (
        await pg().raw(
          `select actor_id, details from audit_entry
           where action = 'escort.patient_details.read' and details->>'booking_id' = ?`,
          [bookingId]
        )
      ).rows as { actor_id: string; details: { customer_id: string } }[]

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": apiKey.token } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, apiKey.token, "alice@example.com")
      bob = await registerCustomer(api, apiKey.token, "bob@example.com")
      const { data } = await api.get("/store/escort-services", store)
      halfDayVariant = data.services.find(
        (s: { title: string }) => s.title === "半日陪诊"
      ).variant_id
    })

    it("refuses a booking whose accepted versions are not the CMS's current ones, naming the texts, and waits for a CMS that does not answer", async () => {
      const count = async () =>
        (await pg().raw(`select count(*)::int as n from escort_booking`)).rows[0].n
      // The privacy policy was republished after the member opened the form.
      consentCms.pages.set("privacy-policy", "2027-01")
      const stale = await failure(api.post("/store/escort-bookings", booking(), alice))
      expect(stale.status).toBe(409)
      expect(stale.data.message).toBe(
        "以下文本已更新，请刷新页面重新阅读并同意：「隐私政策」（当前版本 2027-01）"
      )
      // A version the CMS never published is refused the same way.
      const unknown = await failure(
        api.post(
          "/store/escort-bookings",
          booking({
            consents: ESCORT_CONSENTS.map((c) =>
              c.kind === "privacy_policy"
                ? { ...c, version: "2027-01" }
                : c.kind === "escort_sharing"
                  ? { ...c, version: "9.9" }
                  : c
            ),
          }),
          alice
        )
      )
      expect(unknown.status).toBe(409)
      expect(unknown.data.message).toBe(
        "以下文本已更新，请刷新页面重新阅读并同意：「向陪诊员提供就诊人信息的单独同意」（当前版本 2026-12）"
      )
      // A text the CMS no longer publishes stops bookings until it is back.
      consentCms.pages.delete("consent-escort-sharing")
      forgetConsentPageVersions() // what the CMS's page event does on this server
      const unpublished = await failure(
        api.post(
          "/store/escort-bookings",
          booking({
            consents: ESCORT_CONSENTS.map((c) =>
              c.kind === "privacy_policy" ? { ...c, version: "2027-01" } : c
            ),
          }),
          alice
        )
      )
      expect(unpublished.status).toBe(409)
      expect(unpublished.data.message).toBe(
        "「向陪诊员提供就诊人信息的单独同意」暂未发布，暂时无法办理，请稍后再试"
      )
      consentCms.pages.set("consent-escort-sharing", "2026-12")
      consentCms.pages.set("privacy-policy", "2026-12")
      // The CMS does not answer: a 503 in Chinese, never a booking on unchecked consents.
      const cmsUrl = process.env.CMS_URL
      process.env.CMS_URL = "http://127.0.0.1:9"
      const down = await failure(api.post("/store/escort-bookings", booking(), alice))
      process.env.CMS_URL = cmsUrl
      expect(down.status).toBe(503)
      expect(down.data.message).toBe("隐私政策与同意书暂时无法从内容平台读取，请稍后再试")
      expect(await count()).toBe(0)
      // The current versions book.
      expect((await api.post("/store/escort-bookings", booking(), alice)).status).toBe(201)
    })

    it("refuses a booking without every consent, naming what is missing, and records the exact versions accepted", async () => {
      const none = await failure(
        api.post("/store/escort-bookings", booking({ consents: undefined }), alice)
      )
      expect(none.status).toBe(400)
      expect(none.data.message).toContain("隐私政策")

      const noSharing = await failure(
        api.post(
          "/store/escort-bookings",
          booking({ consents: ESCORT_CONSENTS.filter((c) => c.kind !== "escort_sharing") }),
          alice
        )
      )
      expect(noSharing.status).toBe(400)
      expect(noSharing.data.message).toBe(
        "预约陪诊前请阅读并同意：「向陪诊员提供就诊人信息的单独同意」"
      )

      const noVersion = await failure(
        api.post(
          "/store/escort-bookings",
          booking({
            consents: ESCORT_CONSENTS.map((c) =>
              c.kind === "privacy_policy" ? { kind: c.kind } : c
            ),
          }),
          alice
        )
      )
      expect(noVersion.status).toBe(400)
      expect(noVersion.data.message).toBe("「隐私政策」缺少有效的版本号")
      const { rows: refused } = await pg().raw(`select count(*)::int as n from escort_booking`)
      expect(refused[0].n).toBe(0)

      // The CMS publishes a new version of one text; the member accepts that one.
      consentCms.pages.set("consent-sensitive-personal-info", "2026-12.2")
      const versions = ESCORT_CONSENTS.map((c) =>
        c.kind === "sensitive_personal_info" ? { ...c, version: "2026-12.2" } : c
      )
      const created = await api.post(
        "/store/escort-bookings",
        booking({ consents: versions }),
        alice
      )
      consentCms.pages.set("consent-sensitive-personal-info", "2026-12")
      expect(created.status).toBe(201)
      const { data } = await api.get("/store/health-archive/consents", alice)
      const mine = data.consents.filter((c: any) => c.escort_booking_id === created.data.booking.id)
      expect(
        mine.map((c: any) => [c.kind, c.kind_label, c.version, c.withdrawn_at]).sort()
      ).toEqual([
        ["escort_sharing", "向陪诊员提供就诊人信息的单独同意", "2026-12", null],
        ["personal_info", "个人信息处理同意", "2026-12", null],
        ["privacy_policy", "隐私政策", "2026-12", null],
        ["sensitive_personal_info", "敏感个人信息处理同意", "2026-12.2", null],
      ])
      // Bob sees none of alice's consents.
      const bobs = await api.get("/store/health-archive/consents", bob)
      expect(JSON.stringify(bobs.data)).not.toContain(created.data.booking.id)
    })

    it("shows the patient only to the task's escort while it is active, audits every read, and nothing to anyone else", async () => {
      const escort = await signInEscort("13600000101")
      const other = await signInEscort("13600000102")
      const id = await acceptedBooking(escort)

      const own = await api.get(`/escort/tasks/${id}`, escort)
      expect(own.data.task).toMatchObject({
        patient_details_hidden: false,
        person: { name: "张桂兰", id_number: "1101**********002X" },
        meeting_point: "湘雅医院门诊楼一楼大厅",
      })
      expect(JSON.stringify(own.data)).not.toContain(ID_NUMBER)
      const listed = await api.get(`/escort/tasks?status=mine`, escort)
      expect(listed.data.tasks.find((t: any) => t.id === id).person.name).toBe("张桂兰")
      const reads = await patientReads(id)
      // The accept answer, the task read and the list each showed the patient: three reads.
      expect(reads.length).toBe(3)
      expect(new Set(reads.map((r) => r.details.customer_id)).size).toBe(1)

      const otherEscort = await failure(api.get(`/escort/tasks/${id}`, other))
      expect(otherEscort.status).toBe(404)
      expect(JSON.stringify(otherEscort.data)).not.toContain("张桂兰")
      const otherList = await api.get(`/escort/tasks?status=mine`, other)
      expect(otherList.data.tasks).toEqual([])
      const otherMember = await failure(api.get(`/store/escort-bookings/${id}`, bob))
      expect(otherMember.status).toBe(404)
      const anonymous = await failure(api.get(`/escort/tasks/${id}`, store))
      expect(anonymous.status).toBe(401)
      const anonymousBooking = await failure(api.get(`/store/escort-bookings/${id}`, store))
      expect(anonymousBooking.status).toBe(401)
      // A member's token is not an escort's.
      const memberAsEscort = await failure(api.get(`/escort/tasks/${id}`, alice))
      expect(memberAsEscort.status).toBe(401)
      expect((await patientReads(id)).length).toBe(3)
    })

    it("ends the escort's access 24 h after 服务完成: the task reads as a service record without the patient", async () => {
      const escort = await signInEscort("13600000103")
      const id = await acceptedBooking(escort)
      for (const status of ["departed", "arrived", "accompanying", "completed"]) {
        const step = await api.post(`/escort/tasks/${id}/progress`, { status }, escort)
        expect(step.status).toBe(200)
      }
      // Within the grace (the report is written now) the details stay.
      const fresh = await api.get(`/escort/tasks/${id}`, escort)
      expect(fresh.data.task.person.name).toBe("张桂兰")

      await pg().raw(
        `update escort_booking_event set created_at = created_at - interval '25 hours'
         where booking_id = ? and status = 'completed'`,
        [id]
      )
      const readsBefore = (await patientReads(id)).length
      const ended = await api.get(`/escort/tasks/${id}`, escort)
      expect(ended.status).toBe(200)
      expect(ended.data.task).toMatchObject({
        id,
        status: "completed",
        service: { name: "半日陪诊" },
        person: null,
        meeting_point: null,
        needs: [],
        hospital: { name: "中南大学湘雅医院" },
        sop: [],
        patient_details_hidden: true,
        patient_details_hidden_reason: "服务已结束，就诊人信息不再显示",
      })
      expect(ended.data.task.hospital.address).toBeUndefined()
      const done = await api.get(`/escort/tasks?status=done`, escort)
      const text = JSON.stringify([ended.data, done.data])
      expect(text).not.toContain("张桂兰")
      expect(text).not.toContain("1101")
      expect(text).not.toContain("门诊楼一楼大厅")
      // No patient details shown, so no read logged.
      expect((await patientReads(id)).length).toBe(readsBefore)
      // The member still sees their own booking in full.
      const member = await api.get(`/store/escort-bookings/${id}`, alice)
      expect(member.data.booking.person.name).toBe("张桂兰")
    })

    it("withdrawing the sharing consent before the service hides the patient from the escort and offers cancelling", async () => {
      const escort = await signInEscort("13600000104")
      const id = await acceptedBooking(escort)
      const { data } = await api.get("/store/health-archive/consents", alice)
      const sharing = data.consents.find(
        (c: any) => c.escort_booking_id === id && c.kind === "escort_sharing"
      )
      const byBob = await failure(
        api.post(`/store/health-archive/consents/${sharing.id}/withdraw`, {}, bob)
      )
      expect(byBob.status).toBe(404)

      const withdrawn = await api.post(
        `/store/health-archive/consents/${sharing.id}/withdraw`,
        {},
        alice
      )
      expect(withdrawn.status).toBe(200)
      expect(withdrawn.data.consent.withdrawn_at).toBeTruthy()
      expect(withdrawn.data.escort_booking).toMatchObject({
        id,
        status: "accepted",
        blocks_service: true,
        cancel_path: `/store/escort-bookings/${id}/cancel`,
      })
      expect(withdrawn.data.escort_booking.message).toContain("本次陪诊无法继续")

      const task = await api.get(`/escort/tasks/${id}`, escort)
      expect(task.data.task).toMatchObject({
        person: null,
        patient_details_hidden: true,
        patient_details_hidden_reason: "会员已撤回向陪诊员提供就诊人信息的同意，就诊人信息不再显示",
      })
      expect(JSON.stringify(task.data)).not.toContain("张桂兰")

      const member = await api.get(`/store/escort-bookings/${id}`, alice)
      expect(member.data.booking.sharing_withdrawn).toMatchObject({ blocks_service: true })
      const cancelled = await api.post(`/store/escort-bookings/${id}/cancel`, {}, alice)
      expect(cancelled.status).toBe(200)
      expect(cancelled.data.booking.status).toMatch(/cancelled|refunded/)
    })

    it("withdrawing the sharing consent after the service only stops further sharing", async () => {
      const escort = await signInEscort("13600000105")
      const id = await acceptedBooking(escort)
      for (const status of ["departed", "arrived", "accompanying", "completed"]) {
        await api.post(`/escort/tasks/${id}/progress`, { status }, escort)
      }
      const { data } = await api.get("/store/health-archive/consents", alice)
      const sharing = data.consents.find(
        (c: any) => c.escort_booking_id === id && c.kind === "escort_sharing"
      )
      const withdrawn = await api.post(
        `/store/health-archive/consents/${sharing.id}/withdraw`,
        {},
        alice
      )
      expect(withdrawn.data.escort_booking).toMatchObject({
        blocks_service: false,
        cancel_path: null,
      })
      const task = await api.get(`/escort/tasks/${id}`, escort)
      expect(task.data.task.person).toBeNull()
    })

    it("sweeps expired records by the retention policy once, leaves fresh ones, and shows staff the policy and the last run", async () => {
      const old = "now() - interval '400 days'"
      const fresh = "now() - interval '1 day'"
      const rows = [old, fresh]
      for (const [i, at] of rows.entries()) {
        await pg().raw(
          `insert into escort_message (id, booking_id, sender_type, sender_id, text_ciphertext, key_id, created_at, updated_at)
           values (?, 'escbk_r', 'member', 'cus_r', 'sealed-text', 'k1', ${at}, now())`,
          [`escmsg_r${i}`]
        )
        await pg().raw(
          `insert into escort_booking_event (id, booking_id, status, actor_type, location, flagged, created_at, updated_at)
           values (?, 'escbk_r', 'departed', 'escort', '{"lat":28.2,"lng":112.9}', false, ${at}, now())`,
          [`escevt_r${i}`]
        )
        await pg().raw(
          `insert into escort_upload (id, booking_id, uploader_type, uploader_id, mime_type, size, file_id, key_id, created_at, updated_at)
           values (?, 'escbk_r', 'escort', 'esc_r', 'image/jpeg', 10, 'file_r', 'k1', ${at}, now())`,
          [`escupl_r${i}`]
        )
        await pg().raw(
          `insert into identity_verification (id, subject_type, subject_id, name, id_number_ciphertext, id_number_key_id, id_number_masked, with_face, provider, outcome, provider_code, provider_description, created_at, updated_at)
           values (?, 'escort_booking_person', 'cus_r', '张桂兰', 'sealed-id', 'k1', '1101**********002X', false, 'standin', 'match', '0', 'ok', ${at}, now())`,
          [`idv_r${i}`]
        )
      }
      // Pictures and documents with their bytes in the file module: a conversation picture, a
      // report's document photo, and admission documents (rejected, lapsed, current).
      const files = getContainer().resolve(Modules.FILE)
      const store = new SealedFileStore(files)
      const stored = async () => (await store.put(Buffer.from(`photo-${Math.random()}`))).file_id
      const exists = (fileId: string) =>
        files.getAsBuffer(fileId).then(
          () => true,
          () => false
        )
      const picture = { old: await stored(), fresh: await stored() }
      const reportPhoto = { kept: await stored(), expired: await stored() }
      for (const [id, fileId, at] of [
        ["escupl_p_old", picture.old, old],
        ["escupl_p_fresh", picture.fresh, fresh],
        // Both taken 400 days ago; one's report is 2 years old (kept), the other's 4.
        ["escupl_doc_kept", reportPhoto.kept, old],
        ["escupl_doc_expired", reportPhoto.expired, "now() - interval '1500 days'"],
      ]) {
        await pg().raw(
          `insert into escort_upload (id, booking_id, uploader_type, uploader_id, mime_type, size, file_id, key_id, created_at, updated_at)
           values (?, 'escbk_f', 'escort', 'esc_r', 'image/jpeg', 10, ?, 'k1', ${at}, now())`,
          [id, fileId]
        )
      }
      for (const [id, uploadId, at] of [
        ["escrpt_kept", "escupl_doc_kept", "now() - interval '700 days'"],
        ["escrpt_expired", "escupl_doc_expired", "now() - interval '1500 days'"],
      ]) {
        await pg().raw(
          `insert into escort_service_report (id, booking_id, escort_id, payload_ciphertext, key_id, document_upload_ids, created_at, updated_at)
           values (?, ?, 'esc_r', 'sealed-report', 'k1', ?::jsonb, ${at}, now())`,
          [id, `escbk_${id}`, JSON.stringify([uploadId])]
        )
      }
      const admission = {
        rejected: await stored(),
        lapsed: await stored(),
        current: await stored(),
      }
      for (const [id, fileId, status, expiresOn, reviewedAt] of [
        ["escdoc_rejected", admission.rejected, "rejected", null, old],
        ["escdoc_lapsed", admission.lapsed, "approved", "2020-01-31", old],
        ["escdoc_current", admission.current, "approved", "2099-12-31", old],
      ]) {
        await pg().raw(
          `insert into escort_admission_document (id, application_id, kind, status, expires_on, mime_type, size, file_id, key_id, reviewed_at, created_at, updated_at)
           values (?, 'escapp_r', 'health_certificate', ?, ?, 'application/pdf', 10, ?, 'k1', ${reviewedAt}, now() - interval '800 days', now())`,
          [id, status, expiresOn, fileId]
        )
      }

      const { ran_at, counts } = await runRetentionSweep(getContainer())
      expect(counts).toMatchObject({
        escort_message: 1,
        escort_location_point: 1,
        escort_step_photo: 2,
        identity_verification_person_served: 1,
        escort_service_report: 1,
        escort_admission_document: 2,
        stored_files_deleted: 5,
      })
      // The stored objects are gone, not only the rows; what is within its period stays.
      expect(await exists(picture.old)).toBe(false)
      expect(await exists(picture.fresh)).toBe(true)
      expect(await exists(reportPhoto.kept)).toBe(true)
      expect(await exists(reportPhoto.expired)).toBe(false)
      expect(await exists(admission.rejected)).toBe(false)
      expect(await exists(admission.lapsed)).toBe(false)
      expect(await exists(admission.current)).toBe(true)
      const ids = async (table: string) =>
        (await pg().raw(`select id from ${table} order by id`)).rows.map(
          (r: { id: string }) => r.id
        )
      expect(await ids("escort_upload")).toEqual(["escupl_doc_kept", "escupl_p_fresh", "escupl_r1"])
      expect(await ids("escort_admission_document")).toEqual(["escdoc_current"])
      const report = (
        await pg().raw(`select * from escort_service_report where id = 'escrpt_expired'`)
      ).rows[0]
      expect(report).toMatchObject({ payload_ciphertext: "", document_upload_ids: [] })
      expect(report.deleted_at).not.toBeNull()
      const message = async (id: string) =>
        (await pg().raw(`select * from escort_message where id = ?`, [id])).rows[0]
      expect((await message("escmsg_r0")).text_ciphertext).toBeNull()
      expect((await message("escmsg_r1")).text_ciphertext).toBe("sealed-text")
      const event = async (id: string) =>
        (await pg().raw(`select location from escort_booking_event where id = ?`, [id])).rows[0]
      expect((await event("escevt_r0")).location).toBeNull()
      expect((await event("escevt_r1")).location).toEqual({ lat: 28.2, lng: 112.9 })
      // The old picture row went with its file (purged); the fresh one stays.
      const upload = async (id: string) =>
        (await pg().raw(`select deleted_at from escort_upload where id = ?`, [id])).rows[0]
      expect(await upload("escupl_r0")).toBeUndefined()
      expect((await upload("escupl_r1")).deleted_at).toBeNull()
      const verification = async (id: string) =>
        (await pg().raw(`select * from identity_verification where id = ?`, [id])).rows[0]
      expect(await verification("idv_r0")).toMatchObject({
        name: "张*",
        id_number_ciphertext: "",
        id_number_masked: "1101**********002X",
        outcome: "match",
      })
      expect((await verification("idv_r1")).id_number_ciphertext).toBe("sealed-id")

      // Idempotent: a second run finds nothing more to do.
      const again = await runRetentionSweep(getContainer())
      expect(Object.entries(again.counts).filter(([kind]) => kind !== "audit_log")).toEqual(
        Object.keys(again.counts)
          .filter((kind) => kind !== "audit_log")
          .map((kind) => [kind, 0])
      )

      const seen = await api.get("/admin/privacy/retention", admin)
      expect(seen.status).toBe(200)
      expect(seen.data.policy.map((rule: any) => rule.kind)).toEqual([
        "escort_message",
        "escort_location_point",
        "escort_step_photo",
        "escort_service_report",
        "identity_verification_person_served",
        "escort_admission_document",
        "audit_log",
      ])
      for (const rule of seen.data.policy) {
        expect(rule.period_days).toBeGreaterThan(0)
        expect(rule.legal_reason).toMatch(/法/)
      }
      expect(seen.data.last_run.counts.escort_message).toBe(0)
      expect(new Date(seen.data.last_run.ran_at).getTime()).toBeGreaterThanOrEqual(
        new Date(ran_at).getTime()
      )
      const member = await failure(api.get("/admin/privacy/retention", alice))
      expect(member.status).toBe(401)
    })
  },
})
