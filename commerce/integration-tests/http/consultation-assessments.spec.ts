import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ccmq from "@health/contracts/ccmq.json"
import { PDFDocument } from "pdf-lib"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import type ConsultationModuleService from "../../src/modules/consultation/service"
import { createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

type Headers = { headers: Record<string, string> }

const DOCTOR_PHONE = "13700000061"
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let alice: Headers
    let bob: Headers
    let expert: Headers
    let aliceId: string
    let doctorId: string
    let uploadId: string
    let constitutionId: string
    const pdf = Buffer.from("%PDF-1.4\n% 体检报告\n%%EOF\n")

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    beforeAll(async () => {
      const container = getContainer()
      publishableKey = await createPublishableKey(container)
      alice = await registerCustomer(api as never, publishableKey, "asmt-alice@example.com")
      bob = await registerCustomer(api as never, publishableKey, "asmt-bob@example.com")
      aliceId = (await api.get("/store/customers/me", alice)).data.customer.id

      // An expert from the CMS whose licence staff verified, signed in at the 在线诊室.
      const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      await consultations.upsertFromCms(
        [
          {
            cms_document_id: "expert-assessment",
            name: "李慧敏",
            title: "主任医师",
            hospital: "中南大学湘雅医院",
            departments: ["健康管理科"],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const [row] = await consultations.doctors({ all: true })
      doctorId = row.id
      await consultations.updateDoctorDetails(doctorId, {
        phone: `+86${DOCTOR_PHONE}`,
        license_number: "110430000000061",
        prices: { text: 3000 },
      })
      await consultations.verifyLicense(doctorId, new Date())
      await api.post(
        "/store/auth/sms-codes",
        { phone: DOCTOR_PHONE, purpose: "login" },
        { headers: { "x-publishable-api-key": publishableKey } }
      )
      const code = LogSmsSender.latestTo(`+86${DOCTOR_PHONE}`)?.params.code as string
      const { data } = await api.post("/auth/doctor/phone", { phone: DOCTOR_PHONE, code })
      expert = { headers: { authorization: `Bearer ${data.token}` } }

      // Alice's archive: an uploaded hospital record and a constitution result.
      const form = new FormData()
      form.append("files", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "体检.pdf")
      const uploaded = await fetch(`${baseUrl()}/store/health-archive/uploads`, {
        method: "POST",
        headers: alice.headers,
        body: form,
      })
      uploadId = (await uploaded.json()).uploads[0].id
      const answers = Object.fromEntries(ccmq.items.map((item) => [item.id, 3]))
      constitutionId = (
        await api.post("/store/constitution/assessments", { sex: "female", answers }, alice)
      ).data.assessment.id
    })

    const grant = (who: Headers, changes: Record<string, unknown> = {}) =>
      api.post(
        "/store/assessments",
        {
          doctor_id: doctorId,
          question: "请结合体检和体质结果评估我的健康风险",
          ends_at: inDays(14),
          consent: true,
          items: [
            { item_type: "upload", item_id: uploadId },
            { item_type: "constitution", item_id: constitutionId },
          ],
          ...changes,
        },
        who
      )

    it("lets the expert read granted items, each read in the member's access log, and nobody else", async () => {
      // Bob cannot grant Alice's items, nor without consent, nor without an end date ahead.
      const stolen = await failure(grant(bob))
      expect([stolen.status, stolen.data.message]).toEqual([404, "没有找到这份档案资料"])
      const unconsented = await failure(grant(alice, { consent: false }))
      expect(unconsented.status).toBe(400)
      expect(unconsented.data.message).toContain("档案资料授权书")
      const past = await failure(grant(alice, { ends_at: inDays(-1) }))
      expect([past.status, past.data.message]).toEqual([400, "授权截止时间必须晚于现在"])

      const created = await grant(alice)
      expect(created.status).toBe(201)
      const id = created.data.assessment.id as string
      expect(created.data.assessment).toMatchObject({ access: "granted", version: 0 })

      const other = await failure(api.get(`/store/assessments/${id}`, bob))
      expect([other.status, other.data.message]).toEqual([404, "没有找到这份评估"])
      expect((await api.get("/store/assessments", bob)).data.assessments).toEqual([])

      const listed = (await api.get("/doctor/assessments", expert)).data.assessments
      expect(listed.map((a: any) => [a.id, a.question])).toEqual([
        [id, "请结合体检和体质结果评估我的健康风险"],
      ])
      const { items } = (await api.get(`/doctor/assessments/${id}`, expert)).data
      expect(items.map((item: any) => item.item_type)).toEqual(["upload", "constitution"])

      const file = await fetch(`${baseUrl()}${items[0].url}`, { headers: expert.headers })
      expect([file.status, file.headers.get("content-type")]).toEqual([200, "application/pdf"])
      expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
      const constitution = (await api.get(items[1].url, expert)).data.item
      expect(constitution.constitution.id).toBe(constitutionId)
      expect(constitution.constitution.customer_id).toBeUndefined()

      const log = await pg().raw(
        `select actor_id, action, resource_id from archive_access
         where owner_id = ? and action like '%assessment%'`,
        [aliceId]
      )
      // Two log rows written in the same millisecond have no order of their own: compare as sets.
      expect(log.rows.map((r: any) => [r.action, r.actor_id, r.resource_id]).sort()).toEqual(
        [
          ["grant_assessment_expert", aliceId, uploadId],
          ["grant_assessment_expert", aliceId, constitutionId],
          ["assessment_expert_view", doctorId, uploadId],
          ["assessment_expert_view", doctorId, constitutionId],
        ].sort()
      )
      const seen = (await api.get(`/store/assessments/${id}`, alice)).data
      expect(seen.reads.map((r: any) => [r.item_id, r.reader]).sort()).toEqual(
        [
          [uploadId, "李慧敏"],
          [constitutionId, "李慧敏"],
        ].sort()
      )
    })

    it("shows the expert a granted lab report's findings, logged as a read; other items have none", async () => {
      // Alice's gene report with its findings as lab staff recorded them (the PDF is not read here).
      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const summary = archive.sealSummary({ excerpt: "", pages: 1 })
      const report = await archive.createLabReports({
        kit_id: "kit_asmt_findings",
        customer_id: aliceId,
        file_id: "file_not_opened",
        key_id: summary.key_id,
        size: 1,
        sha256: "0".repeat(64),
        summary_ciphertext: summary.ciphertext,
      })
      await archive.recordReportFindings({
        report_id: report.id,
        source: "staff",
        findings: [
          { item: "叶酸代谢能力", gene: "MTHFR", result: "TT", risk: "high", reference: "CC" },
        ],
      })
      const id = (
        await grant(alice, {
          items: [
            { item_type: "report", item_id: report.id },
            { item_type: "upload", item_id: uploadId },
          ],
        })
      ).data.assessment.id as string
      const { items } = (await api.get(`/doctor/assessments/${id}`, expert)).data
      expect(items.map((item: any) => [item.item_type, !!item.findings_url])).toEqual([
        ["report", true],
        ["upload", false],
      ])
      const { findings } = (await api.get(items[0].findings_url, expert)).data
      expect(findings.findings).toEqual([
        expect.objectContaining({
          item: "叶酸代谢能力",
          gene: "MTHFR",
          result: "TT",
          risk: "high",
        }),
      ])
      const none = await failure(api.get(`${items[1].url}/findings`, expert))
      expect([none.status, none.data.message]).toEqual([404, "只有检测报告有结构化结果"])
      // Bob's session cannot read them, nor can the expert once Alice takes the grant back.
      expect((await failure(api.get(items[0].findings_url, bob))).status).toBeGreaterThanOrEqual(
        401
      )
      const log = await pg().raw(
        `select actor_id, resource_type from archive_access
          where owner_id = ? and action = 'assessment_expert_view' and resource_id = ?`,
        [aliceId, report.id]
      )
      expect(log.rows).toEqual([{ actor_id: doctorId, resource_type: "report_findings" }])
      await api.post(`/store/assessments/${id}/withdraw`, {}, alice)
      expect((await failure(api.get(items[0].findings_url, expert))).status).toBe(403)
    })

    it("refuses the expert in Chinese once the consent is withdrawn or its end date passed", async () => {
      const withdrawn = (await grant(alice)).data.assessment.id
      const { items } = (await api.get(`/doctor/assessments/${withdrawn}`, expert)).data
      await api.post(`/store/assessments/${withdrawn}/withdraw`, {}, alice)
      for (const path of [`/doctor/assessments/${withdrawn}`, items[0].url]) {
        const refused = await failure(api.get(path, expert))
        expect([refused.status, refused.data.message]).toEqual([
          403,
          "会员已撤回本次评估的授权，不能再查看其档案资料",
        ])
      }
      const bobs = await failure(api.post(`/store/assessments/${withdrawn}/withdraw`, {}, bob))
      expect(bobs.status).toBe(404)

      const ended = (await grant(alice)).data.assessment.id
      await pg().raw(
        `update archive_assessment set ends_at = now() - interval '1 second' where id = ?`,
        [ended]
      )
      const late = await failure(api.get(`/doctor/assessments/${ended}`, expert))
      expect([late.status, late.data.message]).toEqual([
        403,
        "本次评估的授权已到期，不能再查看会员的档案资料",
      ])
      const publish = await failure(
        api.post(
          `/doctor/assessments/${ended}/report`,
          { base_version: 0, title: "评估", sections: [{ heading: "解读", body: "正文" }] },
          expert
        )
      )
      expect(publish.status).toBe(403)
      expect((await api.get(`/store/assessments/${ended}`, alice)).data.assessment.access).toBe(
        "expired"
      )
    })

    it("publishes the report to the member's inbox as versions, each a PDF only the owner downloads", async () => {
      const id = (await grant(alice)).data.assessment.id as string
      const report = {
        base_version: 0,
        title: "体检与体质综合评估",
        sections: [
          { heading: "检测结果解读", body: "血脂略高，体质偏痰湿。" },
          { heading: "生活方式建议", body: "清淡饮食，每周运动三次。" },
        ],
        recommendations: [
          {
            kind: "product",
            ref_id: "tumor-risk-gene-test",
            title: "肿瘤风险基因检测",
            reason: "家族史",
          },
          { kind: "article", ref_id: "tanshi-tizhi", title: "痰湿体质怎么调" },
        ],
      }
      const first = await api.post(`/doctor/assessments/${id}/report`, report, expert)
      expect(first.status).toBe(201)
      expect(first.data.version).toMatchObject({ version: 1, expert_name: "李慧敏", reason: null })
      const unexplained = await failure(
        api.post(`/doctor/assessments/${id}/report`, { ...report, base_version: 1 }, expert)
      )
      expect([unexplained.status, unexplained.data.message]).toEqual([
        400,
        "修订报告需要填写修订说明",
      ])
      const revised = await api.post(
        `/doctor/assessments/${id}/report`,
        { ...report, base_version: 1, reason: "补充运动建议", sections: [report.sections[0]] },
        expert
      )
      expect(revised.data.version.version).toBe(2)
      const stale = await failure(
        api.post(
          `/doctor/assessments/${id}/report`,
          { ...report, base_version: 1, reason: "重复" },
          expert
        )
      )
      expect(stale.status).toBe(409)

      const messages = await eventually(
        async () => (await api.get("/store/inbox", alice)).data.messages,
        (list: any[]) => list.filter((m) => m.link === `/account/assessments/${id}`).length === 2
      )
      expect(
        messages
          .filter((m: any) => m.link === `/account/assessments/${id}`)
          .map((m: any) => m.title)
      ).toEqual(["检测评估报告已修订", "检测评估报告已出具"])

      const seen = (await api.get(`/store/assessments/${id}`, alice)).data
      expect(seen.versions.map((v: any) => [v.version, v.reason, v.sections.length])).toEqual([
        [1, null, 2],
        [2, "补充运动建议", 1],
      ])
      const download = await fetch(`${baseUrl()}${seen.versions[0].pdf_url}`, {
        headers: alice.headers,
      })
      expect([download.status, download.headers.get("content-type")]).toEqual([
        200,
        "application/pdf",
      ])
      const doc = await PDFDocument.load(new Uint8Array(await download.arrayBuffer()))
      expect(doc.getTitle()).toBe("体检与体质综合评估（第 1 版）")
      const bobs = await fetch(`${baseUrl()}${seen.versions[0].pdf_url}`, { headers: bob.headers })
      expect(bobs.status).toBe(404)
      const missing = await failure(api.get(`/store/assessments/${id}/pdf?version=9`, alice))
      expect([missing.status, missing.data.message]).toEqual([404, "没有找到这一版评估报告"])
    })

    it("pays the expert the report fee once, for the first version and not for revisions (#22)", async () => {
      const id = (await grant(alice)).data.assessment.id as string
      const report = {
        base_version: 0,
        title: "体检与体质综合评估",
        sections: [{ heading: "检测结果解读", body: "血脂略高，体质偏痰湿。" }],
        recommendations: [],
      }
      await api.post(`/doctor/assessments/${id}/report`, report, expert)
      await api.post(
        `/doctor/assessments/${id}/report`,
        { ...report, base_version: 1, reason: "补充说明" },
        expert
      )
      const income = await eventually(
        async () => (await api.get("/doctor/income", expert)).data,
        (data: any) => data.count > 0
      )
      expect(income.earnings).toEqual([
        expect.objectContaining({
          source_type: "assessment",
          source_id: id,
          kind_label: "检测评估报告",
          amount_fen: 20000,
          status: "pending",
        }),
      ])
      expect(income.income).toMatchObject({ pending_fen: 20000, available_fen: 0 })
      // The second version's event has been handled too by the time the inbox has both.
      await eventually(
        async () => (await api.get("/store/inbox", alice)).data.messages,
        (list: any[]) => list.filter((m) => m.link === `/account/assessments/${id}`).length === 2
      )
      expect((await api.get("/doctor/income", expert)).data.count).toBe(1)
    })
  },
})
