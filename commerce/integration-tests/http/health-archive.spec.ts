import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import JSZip from "jszip"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import seed from "../../src/scripts/seed"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { makeReportPdf } from "../helpers/report-pdf"
import { eventually } from "../helpers/eventually"
import { confirmOfflinePayment } from "../helpers/offline-payment"
import { FieldCipher } from "../../src/lib/crypto/field-cipher"
import { SealedFileStore } from "../../src/lib/health-files/sealed-file-store"
import { generateKitBarcode } from "../../src/lib/kits/kit-barcode"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Kit = { id: string; status: string; barcode: string | null; report: { id: string } | null }

/** A multipart body as browsers send it, built with the platform's FormData. */
function multipart(files: { name: string; bytes: Buffer; type?: string }[], fields = {}) {
  const form = new FormData()
  for (const file of files) {
    form.append(
      "files",
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }),
      file.name
    )
  }
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value))
  return form
}

const CONSENTS = [
  { kind: "testing", version: "2026-11" },
  { kind: "storage", version: "2026-11" },
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let lab: Headers
    let service: Headers
    let baseUrl: string
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
      service = await adminHeaders(container, api as never, "service@health.local", ["service"])
      baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    })

    /** Buys `variant` of the tumour test, paid; returns the order's kits once created. */
    async function buyKits(buyer: Headers, variant = "标准版 / 单人装") {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test",
        YUEYANG_ADDRESS,
        variant
      )
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      const orderId = data.order.id as string
      // Offline: the lab ships only once finance has the money.
      await confirmOfflinePayment(getContainer(), orderId)
      const kits = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${orderId}`, buyer)).data
            .kits as Kit[],
        (kits) => kits.length > 0
      )
      return { orderId, kits }
    }

    /** Fetch with the member's token, for binary answers axios would mangle. */
    const fetchBytes = async (path: string, who: Headers) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: who.headers })
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        bytes: Buffer.from(await response.arrayBuffer()),
        headers: response.headers,
      }
    }

    const postForm = async (path: string, form: FormData, who: Headers) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: who.headers,
        body: form,
      })
      return { status: response.status, data: await response.json() }
    }

    it("follows a kit from purchase to an opened report, for the member and for staff", async () => {
      const member = await registerCustomer(api as never, publishableKey, "kit@example.com")
      // A member with a phone also gets the steps that need them by SMS.
      const { customer } = (await api.get("/store/customers/me", member)).data
      await getContainer()
        .resolve(Modules.CUSTOMER)
        .updateCustomers(customer.id, { phone: "+8613900001111" })
      const { kits } = await buyKits(member, "标准版 / 家庭装（2人）")
      // A family pack holds two kits.
      expect(kits).toHaveLength(2)
      const kit = kits[0]
      expect(kit).toMatchObject({ status: "ordered", barcode: null })

      // Customer service may look but not move kits; lab staff ship it with a barcode.
      const refused = await api.post(
        `/admin/health-archive/kits/${kit.id}/ship`,
        {},
        { ...service, ...noThrow }
      )
      expect(refused.status).toBe(403)
      const listed = (await api.get(`/admin/health-archive/kits?status=ordered`, service)).data
      expect(listed.kits.map((k: Kit) => k.id)).toEqual(expect.arrayContaining([kit.id]))
      expect(listed.kits[0].customer.email_masked).toBe("k***@example.com")

      const shipped = (
        await api.post(
          `/admin/health-archive/kits/${kit.id}/ship`,
          { carrier: "顺丰", tracking_number: "SF1400000001" },
          lab
        )
      ).data.kit
      expect(shipped.status).toBe("shipped")
      expect(shipped.barcode).toMatch(/^GT\d{10}$/)
      const barcode = shipped.barcode as string
      const text = await eventually(
        async () => LogSmsSender.latestTo("+8613900001111"),
        (message) => message?.template === "kit-status"
      )
      expect(text?.params).toEqual({ product: "肿瘤易感基因检测", status: "已寄出" })
      const clash = await api.post(
        `/admin/health-archive/kits/${kits[1].id}/ship`,
        { barcode },
        { ...lab, ...noThrow }
      )
      expect(clash.status).toBe(409)
      expect(clash.data.message).toContain("已分配给其他检测盒")

      // Activation: typos, strangers and missing consent are refused with what to do.
      const activate = (body: object, who: Headers = member) =>
        api.post("/store/health-archive/kits/activate", body, { ...who, ...noThrow })
      const person = { relation: "self", name: "王小明", sex: "male", birth_date: "1990-05-01" }
      const typo = await activate({
        barcode: barcode.slice(0, -1) + ((Number(barcode.at(-1)) + 1) % 10),
        person,
        consents: CONSENTS,
      })
      expect(typo.status).toBe(400)
      expect(typo.data.message).toContain("条码格式不正确")
      const stranger = await registerCustomer(api as never, publishableKey, "stranger@example.com")
      const notTheirs = await activate({ barcode, person, consents: CONSENTS }, stranger)
      expect(notTheirs.status).toBe(400)
      expect(notTheirs.data.message).toContain("没有找到条码")
      const noConsent = await activate({ barcode, person, consents: [] })
      expect(noConsent.status).toBe(400)
      expect(noConsent.data.message).toContain("知情同意")
      const badDate = await activate({
        barcode,
        person: { ...person, birth_date: "1990-02-30" },
        consents: CONSENTS,
      })
      expect(badDate.status).toBe(400)
      expect(badDate.data.message).toContain("出生日期")

      // Two taps on 激活 at once: one activation, one clear refusal.
      const both = await Promise.all([
        activate({ barcode: barcode.toLowerCase(), person, consents: CONSENTS }),
        activate({ barcode, person, consents: CONSENTS }),
      ])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      const activated = both.find((r) => r.status === 200)!.data.kit
      expect(activated).toMatchObject({
        status: "activated",
        person: { name: "王小明", relation_label: "本人" },
      })
      expect((await api.get("/store/health-archive/persons", member)).data.persons).toHaveLength(1)
      const consents = (await api.get("/store/health-archive/consents", member)).data.consents
      expect(consents.map((c: { kind: string }) => c.kind).sort()).toEqual(["storage", "testing"])

      // Lab: receive, then one bulk upload with the report, a duplicate, junk and a stray.
      await api.post(`/admin/health-archive/kits/${kit.id}/receive`, {}, lab)
      const report = await makeReportPdf({ barcode, pages: 2, date: "2026-11-28" })
      const zip = new JSZip()
      zip.file(`reports/${barcode}.pdf`, report)
      zip.file("reports/unknown.pdf", await makeReportPdf({ barcode: "GT1234567897" }))
      zip.file("reports/notes.docx", "PK not a pdf")
      const upload = await postForm(
        "/admin/health-archive/report-batches",
        multipart([
          {
            name: "batch.zip",
            bytes: await zip.generateAsync({ type: "nodebuffer" }),
            type: "application/zip",
          },
          { name: "no-barcode.pdf", bytes: await makeReportPdf({}) },
        ]),
        lab
      )
      expect(upload.status).toBe(202)
      expect(upload.data.batch.counts.total).toBe(4)
      const batch = await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${upload.data.batch.id}`, lab)).data
            .batch,
        (batch) => batch.status === "done"
      )
      const byName = Object.fromEntries(
        batch.files.map((f: { filename: string }) => [f.filename, f])
      )
      expect(byName[`${barcode}.pdf`]).toMatchObject({ status: "done", barcode, kit_id: kit.id })
      expect(byName["unknown.pdf"]).toMatchObject({
        status: "failed",
        error_code: "unmatched_barcode",
      })
      expect(byName["notes.docx"]).toMatchObject({ status: "failed", error_code: "not_pdf" })
      expect(byName["no-barcode.pdf"]).toMatchObject({ status: "failed", error_code: "no_barcode" })

      // The same report again is recognised; retrying the first batch changes nothing done.
      const again = await postForm(
        "/admin/health-archive/report-batches",
        multipart([{ name: `${barcode}.pdf`, bytes: report }]),
        lab
      )
      const second = await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${again.data.batch.id}`, lab)).data
            .batch,
        (batch) => batch.status === "done"
      )
      expect(second.files[0]).toMatchObject({ status: "failed", error_code: "duplicate" })
      await api.post(`/admin/health-archive/report-batches/${upload.data.batch.id}/retry`, {}, lab)
      const retried = await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${upload.data.batch.id}`, lab)).data
            .batch,
        (batch) => batch.status === "done"
      )
      expect(retried.counts).toMatchObject({ done: 1, failed: 3 })

      // The member sees 报告已出, a notice in the inbox, and opens the report.
      const ready = (await api.get(`/store/health-archive/kits/${kit.id}`, member)).data.kit
      expect(ready.status).toBe("report_ready")
      expect(ready.timeline.map((s: { status: string }) => s.status)).toEqual([
        "ordered",
        "shipped",
        "activated",
        "received",
        "report_ready",
      ])
      const inbox = await eventually(
        async () =>
          (await api.get("/store/inbox", member)).data.messages as {
            title: string
            link: string
          }[],
        (messages) => messages.some((m) => m.title.includes("报告已出"))
      )
      expect(inbox.find((m) => m.title.includes("报告已出"))!.link).toBe(
        `/account/health/kits/${kit.id}`
      )

      const summary = (await api.get(`/store/health-archive/reports/${ready.report.id}`, member))
        .data.report
      expect(summary).toMatchObject({ barcode, lab: "达安基因", summary: { pages: 2 } })
      expect(summary.issued_at).toBe("2026-11-27T16:00:00.000Z")
      const file = await fetchBytes(`/store/health-archive/reports/${ready.report.id}/file`, member)
      expect(file.status).toBe(200)
      expect(file.type).toBe("application/pdf")
      expect(file.bytes.equals(report)).toBe(true)
      expect(file.headers.get("cache-control")).toBe("private, no-store")
      expect((await api.get(`/store/health-archive/kits/${kit.id}`, member)).data.kit.status).toBe(
        "delivered"
      )

      // At rest the report is ciphertext: no stored file holds the PDF's words.
      const container = getContainer()
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [row] = await knex("lab_report").where({ id: ready.report.id })
      const stored = await container.resolve(Modules.FILE).getAsBuffer(row.file_id)
      expect(stored.includes(Buffer.from("BRCA1"))).toBe(false)
      expect(stored.includes(Buffer.from("%PDF"))).toBe(false)

      // Lab staff may open it (logged); customer service may not.
      expect(
        (await fetchBytes(`/admin/health-archive/reports/${ready.report.id}/file`, lab)).status
      ).toBe(200)
      expect(
        (await fetchBytes(`/admin/health-archive/reports/${ready.report.id}/file`, service)).status
      ).toBe(403)
      const log = await knex("archive_access")
        .where({ owner_id: ready.customer_id ?? row.customer_id })
        .orderBy("created_at")
      expect(
        log.map(
          (entry: { actor_type: string; action: string; resource_type: string }) =>
            `${entry.actor_type}:${entry.action}:${entry.resource_type}`
        )
      ).toEqual([
        // The member's people were listed (the 就诊人 picker's read is logged too).
        "customer:list:person",
        "customer:view:report",
        "customer:view:report_file",
        "staff:view:report_file",
      ])
      await expect(knex.raw("update archive_access set ip = '1.1.1.1'")).rejects.toThrow(
        /append-only/
      )
    })

    it("never shows one member's archive to another, through any route", async () => {
      const owner = await registerCustomer(api as never, publishableKey, "owner@example.com")
      const other = await registerCustomer(api as never, publishableKey, "other@example.com")
      const { kits } = await buyKits(owner)
      const kit = kits[0]
      const { barcode } = (await api.post(`/admin/health-archive/kits/${kit.id}/ship`, {}, lab))
        .data.kit
      await api.post(
        "/store/health-archive/kits/activate",
        {
          barcode,
          person: { relation: "parent", name: "李桂兰", sex: "female", birth_date: "1956-08-09" },
          consents: [...CONSENTS, { kind: "research", version: "2026-11" }],
        },
        owner
      )
      await api.post(`/admin/health-archive/kits/${kit.id}/receive`, {}, lab)
      const batch = await postForm(
        "/admin/health-archive/report-batches",
        multipart([{ name: `${barcode}.pdf`, bytes: await makeReportPdf({ barcode }) }]),
        lab
      )
      await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${batch.data.batch.id}`, lab)).data
            .batch,
        (b) => b.status === "done"
      )
      const reportId = (await api.get(`/store/health-archive/kits/${kit.id}`, owner)).data.kit
        .report.id

      // Uploads: a photo and a PDF are kept; a disguised file and an empty post are refused.
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("胸片")])
      const uploaded = await postForm(
        "/store/health-archive/uploads",
        multipart(
          [
            { name: "胸片.jpg", bytes: jpeg, type: "image/jpeg" },
            { name: "出院小结.pdf", bytes: await makeReportPdf({}) },
          ],
          { note: "2025 年体检" }
        ),
        owner
      )
      expect(uploaded.status).toBe(201)
      expect(
        uploaded.data.uploads.map(
          (u: { filename: string; kind: string }) => `${u.kind}:${u.filename}`
        )
      ).toEqual(["image:胸片.jpg", "pdf:出院小结.pdf"])
      const disguised = await postForm(
        "/store/health-archive/uploads",
        multipart([{ name: "病历.pdf", bytes: Buffer.from("<script>") }]),
        owner
      )
      expect(disguised.status).toBe(400)
      expect(disguised.data.message).toContain("“病历.pdf”不是照片")
      const empty = await postForm("/store/health-archive/uploads", new FormData(), owner)
      expect(empty.status).toBe(400)
      const uploadId = uploaded.data.uploads[0].id
      const photo = await fetchBytes(`/store/health-archive/uploads/${uploadId}/file`, owner)
      expect(photo.type).toBe("image/jpeg")
      expect(photo.bytes.equals(jpeg)).toBe(true)
      const consentId = (await api.get("/store/health-archive/consents", owner)).data.consents[0].id

      // Every route, as the other member: 404 for records, empty lists, nothing of the owner's.
      const reads = [
        `/store/health-archive/kits/${kit.id}`,
        `/store/health-archive/reports/${reportId}`,
        `/store/health-archive/reports/${reportId}/file`,
        `/store/health-archive/uploads/${uploadId}/file`,
      ]
      for (const path of reads) {
        const response = await fetchBytes(path, other)
        expect([path, response.status]).toEqual([path, 404])
        expect(response.bytes.toString()).not.toMatch(/李桂兰|BRCA|胸片/)
      }
      for (const [path, key] of [
        ["kits", "kits"],
        ["persons", "persons"],
        ["consents", "consents"],
        ["uploads", "uploads"],
        ["assessments", "assessments"],
      ]) {
        expect((await api.get(`/store/health-archive/${path}`, other)).data[key]).toEqual([])
      }
      const writes = await Promise.all([
        api.post(
          `/store/health-archive/consents/${consentId}/withdraw`,
          {},
          { ...other, ...noThrow }
        ),
        api.delete(`/store/health-archive/uploads/${uploadId}`, { ...other, ...noThrow }),
        api.post(
          "/store/health-archive/kits/activate",
          { barcode, person_id: "tsub_x", consents: CONSENTS },
          { ...other, ...noThrow }
        ),
      ])
      expect(writes.map((r) => r.status)).toEqual([404, 404, 400])
      const otherExport = await JSZip.loadAsync(
        (await fetchBytes("/store/health-archive/export", other)).bytes
      )
      expect(Object.keys(otherExport.files)).toEqual(["健康档案.json"])
      expect(await otherExport.file("健康档案.json")!.async("string")).not.toContain("李桂兰")
      // And anonymous callers get 401.
      const anonymous = await api.get("/store/health-archive/kits", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)

      // The owner exports everything, then deletes the archive (typed confirmation).
      const exported = await JSZip.loadAsync(
        (await fetchBytes("/store/health-archive/export", owner)).bytes
      )
      const names = Object.keys(exported.files)
      expect(names.some((n) => n.startsWith("报告/") && n.endsWith(".pdf"))).toBe(true)
      expect(names.filter((n) => n.startsWith("资料/") && !exported.files[n].dir)).toHaveLength(2)
      expect(await exported.file("健康档案.json")!.async("string")).toContain("李桂兰")

      const unconfirmed = await api.delete("/store/health-archive", {
        ...owner,
        data: { confirm: "yes" },
        ...noThrow,
      })
      expect(unconfirmed.status).toBe(400)
      expect(unconfirmed.data.message).toContain("删除")
      const erased = await api.delete("/store/health-archive", {
        ...owner,
        data: { confirm: "删除" },
      })
      expect(erased.data.removed).toMatchObject({
        reports: 1,
        uploads: 2,
        persons: 1,
        consents_withdrawn: 3,
      })
      expect((await api.get("/store/health-archive/uploads", owner)).data.uploads).toEqual([])
      expect(
        (await fetchBytes(`/store/health-archive/reports/${reportId}/file`, owner)).status
      ).toBe(404)
      const afterConsents = (await api.get("/store/health-archive/consents", owner)).data.consents
      expect(afterConsents.every((c: { withdrawn_at: string | null }) => c.withdrawn_at)).toBe(true)
      expect(
        (await api.get(`/store/health-archive/kits/${kit.id}`, owner)).data.kit.person
      ).toBeNull()
    })

    it("answers a lab's zip before reading it, then reads each PDF once and records the batch together", async () => {
      // Six kits received by the lab, as prepare-bench-kits leaves them.
      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const kits = await archive.createKitsForOrder({
        customer_id: "cus_ingest",
        order_id: "order_ingest",
        collection_method: "mail_in",
        lines: [{ line_item_id: "item_ingest", product_title: "肿瘤易感基因检测", units: 6 }],
      })
      const barcodes: string[] = []
      for (const kit of kits) {
        const barcode = generateKitBarcode()
        await archive.transitionKit(kit.id, "ship", { actor_type: "system", patch: { barcode } })
        await archive.transitionKit(kit.id, "activate", { actor_type: "system" })
        await archive.transitionKit(kit.id, "receive", { actor_type: "system" })
        barcodes.push(barcode)
      }
      const pdfs = await Promise.all(
        barcodes.map((barcode) => makeReportPdf({ barcode, pages: 3 }))
      )
      const zip = new JSZip()
      barcodes.forEach((barcode, index) => zip.file(`${barcode}.pdf`, pdfs[index]))
      // The lab's system exported the first report twice.
      zip.file(`copy of ${barcodes[0]}.pdf`, pdfs[0])
      const opened = jest.spyOn(FieldCipher.prototype, "openBytes")
      // The workers may open the stored PDFs only once both uploads have answered: were the
      // answers to wait for reading, they would never come.
      let bothAnswered!: () => void
      const answered = new Promise<void>((resolve) => (bothAnswered = resolve))
      const openStored = SealedFileStore.prototype.get
      const fetched = jest
        .spyOn(SealedFileStore.prototype, "get")
        .mockImplementation(async function (this: SealedFileStore, file) {
          await answered
          return openStored.call(this, file)
        })

      // Staff drop the zip, and a colleague drops the second report at the same moment.
      const [upload, colleague] = await Promise.all([
        postForm(
          "/admin/health-archive/report-batches",
          multipart([
            {
              name: "day.zip",
              bytes: await zip.generateAsync({ type: "nodebuffer" }),
              type: "application/zip",
            },
          ]),
          lab
        ),
        postForm(
          "/admin/health-archive/report-batches",
          multipart([{ name: `${barcodes[1]}.pdf`, bytes: pdfs[1] }]),
          lab
        ),
      ])
      expect([upload.status, colleague.status]).toEqual([202, 202])
      // Answered with every PDF stored and none read yet: the progress view takes it from here.
      expect(upload.data.batch).toMatchObject({
        status: "processing",
        counts: { total: 7, done: 0, failed: 0 },
      })
      const answeredFiles = [...upload.data.batch.files, ...colleague.data.batch.files]
      expect(answeredFiles.map((f: { barcode: string | null }) => f.barcode)).toEqual(
        Array(8).fill(null)
      )
      bothAnswered()
      const done = async (id: string) =>
        eventually(
          async () => (await api.get(`/admin/health-archive/report-batches/${id}`, lab)).data.batch,
          (batch) => batch.status === "done"
        )
      const [batch, other] = await Promise.all([
        done(upload.data.batch.id),
        done(colleague.data.batch.id),
      ])
      fetched.mockRestore()
      // Each stored PDF was opened exactly once, by the worker that read it.
      expect(opened).toHaveBeenCalledTimes(8)
      opened.mockClear()

      expect(batch.counts).toMatchObject({ total: 7, done: 6 - (other.counts.done ? 1 : 0) })
      const outcomes = [...batch.files, ...other.files].map(
        (file: { status: string; error_code: string | null }) => file.error_code ?? file.status
      )
      // Every report matched once; the copy and the colleague's file (whichever came second)
      // are duplicates.
      expect(outcomes.sort()).toEqual([...Array(6).fill("done"), "duplicate", "duplicate"])
      expect(
        batch.files.find((f: { filename: string }) => f.filename.startsWith("copy of"))
      ).toMatchObject({
        status: "failed",
        error_code: "duplicate",
      })
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const reports = await knex("lab_report")
        .whereIn(
          "kit_id",
          kits.map((kit) => kit.id)
        )
        .select("kit_id", "batch_file_id", knex.raw("xmin::text as writer"))
      expect(reports.map((r: { kit_id: string }) => r.kit_id).sort()).toEqual(
        kits.map((kit) => kit.id).sort()
      )
      // The zip's reports went in together: one transaction wrote them all.
      const zipFiles = new Set(batch.files.map((file: { id: string }) => file.id))
      const zipWriters = new Set(
        reports
          .filter((r: { batch_file_id: string }) => zipFiles.has(r.batch_file_id))
          .map((r: { writer: string }) => r.writer)
      )
      expect(zipWriters.size).toBe(1)
      for (const file of batch.files.filter((f: { status: string }) => f.status === "done")) {
        expect(Object.keys(file.timings).sort()).toEqual([
          "decrypt",
          "encrypt",
          "match",
          "parse",
          "record",
          "store",
        ])
      }

      // Still sealed at rest: staff opening a report decrypts it (and the spy sees that).
      const [first] = reports
      const [row] = await knex("lab_report").where({ kit_id: first.kit_id })
      const stored = await getContainer().resolve(Modules.FILE).getAsBuffer(row.file_id)
      expect(stored.includes(Buffer.from("%PDF"))).toBe(false)
      const file = await fetchBytes(`/admin/health-archive/reports/${row.id}/file`, lab)
      expect(file.bytes.subarray(0, 4).toString()).toBe("%PDF")
      expect(opened).toHaveBeenCalled()
      opened.mockRestore()
    })

    it("shows the member who read or changed their archive, newest first, and nobody else's", async () => {
      const owner = await registerCustomer(api as never, publishableKey, "log-owner@example.com")
      const other = await registerCustomer(api as never, publishableKey, "log-other@example.com")
      const ownerId = (await api.get("/store/customers/me", owner)).data.customer.id
      const uploaded = await postForm(
        "/store/health-archive/uploads",
        multipart([{ name: "体检.pdf", bytes: await makeReportPdf({ barcode: "GT0000000001" }) }]),
        owner
      )
      const uploadId = uploaded.data.uploads[0].id
      await api.get(`/store/health-archive/uploads/${uploadId}/file`, owner)
      // A doctor who was shown the upload, and a lab staff member, as their routes log them.
      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      await archive.logAccess({
        owner_id: ownerId,
        actor_type: "staff",
        actor_id: "doc_missing",
        action: "doctor_view",
        resource_type: "upload",
        resource_id: uploadId,
      })
      // Log rows are ordered by time to the millisecond: keep these two apart.
      await new Promise((resolve) => setTimeout(resolve, 5))
      await archive.logAccess({
        owner_id: ownerId,
        actor_type: "staff",
        actor_id: "user_lab_1",
        action: "view",
        resource_type: "report_findings",
        resource_id: "rep_x",
      })

      const { data } = await api.get("/store/health-archive/access-log?limit=2", owner)
      expect(data).toMatchObject({ count: 4, offset: 0, limit: 2 })
      expect(data.entries.map((e: any) => [e.actor, e.action, e.resource_type])).toEqual([
        ["staff", "view", "report_findings"],
        ["doctor", "doctor_view", "upload"],
      ])
      // Staff are never named; a doctor no longer on record has no name to show.
      expect(data.entries.map((e: any) => e.actor_name)).toEqual([null, null])
      expect(JSON.stringify(data)).not.toContain("user_lab_1")
      const rest = (await api.get("/store/health-archive/access-log?offset=2", owner)).data
      expect(rest.entries.map((e: any) => [e.actor, e.action, e.resource_type])).toEqual([
        ["self", "view", "upload"],
        ["self", "create", "upload"],
      ])

      expect((await api.get("/store/health-archive/access-log", other)).data).toMatchObject({
        entries: [],
        count: 0,
      })
      const bad = await api.get("/store/health-archive/access-log?limit=500", {
        ...owner,
        ...noThrow,
      })
      expect([bad.status, bad.data.message]).toEqual([
        400,
        "字段 limit：不能大于 100（长度或数值）",
      ])
      const anonymous = await api.get("/store/health-archive/access-log", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)
    })
  },
})
