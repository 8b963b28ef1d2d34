import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ccmq from "@health/contracts/ccmq.json"
import { loadMemberTags } from "../../src/workflows/article-push/load-member-tags"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180_000)

// The expert's notice goes through the inbox queue: keep this run's jobs to itself.
process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
const noThrow = { validateStatus: () => true }

const allAnswers = (value: number) => Object.fromEntries(ccmq.items.map((item) => [item.id, value]))
/** A 气虚 member: every 气虚质 item answered 4 (经常), everything else 1. */
const qixuAnswers = () => ({
  ...allAnswers(1),
  ...Object.fromEntries(ccmq.types.find((t) => t.code === "qixu")!.items.map((id) => [id, 4])),
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let publishableKey: string

    beforeEach(async () => {
      publishableKey = await createPublishableKey(getContainer())
      storeHeaders = { headers: { "x-publishable-api-key": publishableKey } }
    })

    it("scores a visitor's answers by the standard without keeping them", async () => {
      const { status, data } = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: qixuAnswers() },
        storeHeaders
      )
      expect(status).toBe(200)
      expect(Object.keys(data.assessment.scores).sort()).toEqual(
        ccmq.types.map((t) => t.code).sort()
      )
      expect(data.assessment.scores.qixu).toBe(75)
      expect(data.assessment.verdicts).toMatchObject({ qixu: "是", pinghe: "否", yangxu: "否" })
      expect(data.assessment.primary).toBe("qixu")
      expect(data.assessment.saved).toBe(false)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: rows } = await query.graph({
        entity: "constitution_assessment",
        fields: ["id"],
      })
      expect(rows).toHaveLength(0)
    })

    it("answers 400 listing every missing or wrong item, and for an unknown sex", async () => {
      const answers: Record<string, unknown> = allAnswers(3)
      delete answers.q41
      answers.q05 = 0
      answers.q06 = "很少"
      const missing = await api
        .post("/store/constitution/assessments", { sex: "male", answers }, storeHeaders)
        .catch((e: any) => e.response)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toBe("未作答的题目: q41；答案须为 1 到 5 的整数: q05, q06")

      const badSex = await api
        .post(
          "/store/constitution/assessments",
          { sex: "other", answers: allAnswers(3) },
          storeHeaders
        )
        .catch((e: any) => e.response)
      expect(badSex.status).toBe(400)
      expect(badSex.data.message).toContain("sex")
    })

    it("keeps a member's result encrypted, lists it only to that member, and refuses visitors the history", async () => {
      const member = await registerCustomer(api, publishableKey, "tizhi@example.com")
      const created = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: qixuAnswers() },
        member
      )
      expect(created.status).toBe(201)
      expect(created.data.assessment).toMatchObject({
        saved: true,
        primary: "qixu",
        item_version: "ZYYXH/T157-2009",
      })

      const { data: history } = await api.get("/store/constitution/assessments", member)
      expect(history.count).toBe(1)
      expect(history.assessments[0]).toMatchObject({
        id: created.data.assessment.id,
        sex: "female",
        primary: "qixu",
        verdicts: { qixu: "是" },
      })

      const other = await registerCustomer(api, publishableKey, "other@example.com")
      expect((await api.get("/store/constitution/assessments", other)).data.count).toBe(0)

      const anonymous = await api
        .get("/store/constitution/assessments", storeHeaders)
        .catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = await pg.raw("select * from constitution_assessment")
      expect(rows.rows).toHaveLength(1)
      expect(JSON.stringify(rows.rows[0])).not.toMatch(/qixu|"是"|female/)
    })

    it("scores both sexes alike: the sex-specific item is answered as q41 whatever its wording", async () => {
      const answers = { ...allAnswers(1), q41: 5, q36: 4 }
      const female = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers },
        storeHeaders
      )
      const male = await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers },
        storeHeaders
      )
      expect(female.data.assessment.scores).toEqual(male.data.assessment.scores)
      // 湿热质 has 6 items: 1+1+1+1+4+5 = 13 → (13 − 6) / 24 × 100 = 29.17, just under 30.
      expect(male.data.assessment.scores.shire).toBe(29.17)
      expect(male.data.assessment.verdicts.shire).toBe("否")

      const wordingCode = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: { ...allAnswers(1), q41: undefined, q41f: 5 } },
        { ...storeHeaders, ...noThrow }
      )
      expect(wordingCode.status).toBe(400)
      expect(wordingCode.data.message).toBe("未作答的题目: q41；不存在的题目: q41f")
    })

    it("labels a result with the question bank version it was scored with; an older client's item_version is checked but not kept", async () => {
      const member = await registerCustomer(api, publishableKey, "version@example.com")
      const { data: bank } = await api.get("/store/constitution/questionnaire", storeHeaders)
      expect(bank.questionnaire).toMatchObject({ version: 1, label: "ZYYXH/T157-2009" })
      const created = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: qixuAnswers(), questionnaire_version: 1 },
        member
      )
      expect(created.status).toBe(201)
      expect(created.data.assessment).toMatchObject({
        questionnaire_version: 1,
        item_version: "ZYYXH/T157-2009",
      })
      // Older clients sent the CMS items' label: the result says what it was scored with.
      const older = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: allAnswers(1), item_version: "ZYYXH/T157-2009 · 2026-12 修订" },
        member
      )
      expect(older.data.assessment).toMatchObject({
        questionnaire_version: 1,
        item_version: "ZYYXH/T157-2009",
      })

      const { data: history } = await api.get("/store/constitution/assessments", member)
      expect(
        history.assessments.map((a: { id: string; questionnaire_version: number }) => [
          a.id,
          a.questionnaire_version,
        ])
      ).toEqual([
        [older.data.assessment.id, 1],
        [created.data.assessment.id, 1],
      ])

      for (const item_version of [7, "", "   ", "v".repeat(65), "v1\nv2"]) {
        const bad = await api.post(
          "/store/constitution/assessments",
          { sex: "female", answers: qixuAnswers(), item_version },
          { ...member, ...noThrow }
        )
        expect([JSON.stringify(item_version), bad.status]).toEqual([
          JSON.stringify(item_version),
          400,
        ])
        expect(bad.data.message).toBe("item_version 应为不超过 64 个字符的题目版本号")
      }
      for (const questionnaire_version of ["第二版", 0, 1.5, -3]) {
        const bad = await api.post(
          "/store/constitution/assessments",
          { sex: "female", answers: qixuAnswers(), questionnaire_version },
          { ...member, ...noThrow }
        )
        expect([questionnaire_version, bad.status, bad.data.message]).toEqual([
          questionnaire_version,
          400,
          "questionnaire_version 应为问卷版本号（正整数）",
        ])
      }
      expect((await api.get("/store/constitution/assessments", member)).data.count).toBe(2)
    })

    it("titles a result in which no type applies 未见明显偏颇体质 in the archive, not by its highest type", async () => {
      const member = await registerCustomer(api, publishableKey, "none@example.com")
      // 平和质 59.38 (否) and every 偏颇 type under 30 (否): the standard names no type.
      const { data } = await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: { ...allAnswers(1), q02: 3, q03: 4 } },
        member
      )
      expect(data.assessment.primary).toBe("qixu")
      expect(Object.values(data.assessment.verdicts).every((v) => v === "否")).toBe(true)
      const { data: archive } = await api.get("/store/health-archive/assessments", member)
      expect(archive.assessments).toHaveLength(1)
      expect(archive.assessments[0]).toMatchObject({
        primary: "qixu",
        primary_label: "未见明显偏颇体质",
      })
    })

    it("a saved result becomes the member's constitution tags for article pushes, the latest one counting", async () => {
      const member = await registerCustomer(api, publishableKey, "tags@example.com")
      const { data: me } = await api.get("/store/customers/me", member)
      const tagsNow = async () => (await loadMemberTags(getContainer(), [me.customer.id]))[0].tags

      expect(await tagsNow()).not.toContain("qixu")
      await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: qixuAnswers() },
        member
      )
      expect(await tagsNow()).toContain("qixu")

      // A later, balanced result replaces the tags: 平和质 only.
      await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: allAnswers(1) },
        member
      )
      const tags = await tagsNow()
      expect(tags).toContain("pinghe")
      expect(tags).not.toContain("qixu")
    })

    describe("expert review (养生评估报告)", () => {
      let expert: Headers
      let member: Headers
      let memberId: string
      let assessmentId: string
      const sections = {
        summary: "您以气虚质为主，平素易疲乏、气短。",
        diet: "宜食黄芪、山药、大枣等益气健脾之品。",
        exercise: "宜八段锦、太极拳等柔和运动，避免大汗。",
        emotion: "保持心情舒畅，避免过度思虑。",
        daily: "起居有常，避免熬夜，注意保暖。",
      }

      beforeEach(async () => {
        const container = getContainer()
        expert = await adminHeaders(
          container,
          api as never,
          `expert-${randomUUID()}@health.local`,
          ["expert"]
        )
        const users = container.resolve(Modules.USER)
        const { data: me } = await api.get("/admin/users/me", expert)
        await users.updateUsers({ id: me.user.id, first_name: "明华", last_name: "李" })

        member = await registerCustomer(api, publishableKey, `m-${randomUUID()}@example.com`)
        memberId = (await api.get("/store/customers/me", member)).data.customer.id
        const { data } = await api.post(
          "/store/constitution/assessments",
          { sex: "female", answers: qixuAnswers() },
          member
        )
        assessmentId = data.assessment.id
      })

      it("experts see who took the test through the assessment's customer link, and 已注销会员 once the account is gone", async () => {
        const listed = async () =>
          (await api.get("/admin/constitution/assessments", expert)).data.assessments.find(
            (a: { id: string }) => a.id === assessmentId
          ).customer
        const opened = async () =>
          (await api.get(`/admin/constitution/assessments/${assessmentId}`, expert)).data.assessment
            .customer
        const email = (await api.get("/store/customers/me", member)).data.customer.email
        const present = { id: memberId, name: "王小", email, phone: null }
        expect(await listed()).toEqual(present)
        expect(await opened()).toEqual(present)

        await getContainer().resolve(Modules.CUSTOMER).softDeleteCustomers([memberId])
        const gone = { id: memberId, name: "已注销会员", email: null, phone: null }
        expect(await listed()).toEqual(gone)
        expect(await opened()).toEqual(gone)
      })

      it("an expert finds the new result, reads it (logged), drafts, publishes, and the member is told and reads it", async () => {
        const pending = await api.get("/admin/constitution/assessments?status=pending", expert)
        expect(pending.status).toBe(200)
        const row = pending.data.assessments.find((a: { id: string }) => a.id === assessmentId)
        expect(row).toMatchObject({
          review_status: "pending",
          primary: "qixu",
          sex: "female",
          customer: { id: memberId, name: "王小" },
          verdicts: { qixu: "是" },
        })

        const opened = await api.get(`/admin/constitution/assessments/${assessmentId}`, expert)
        expect(opened.data.assessment).toMatchObject({
          id: assessmentId,
          scores: { qixu: 75 },
          answers: { q09: 4, q01: 1 },
          review: null,
          review_status: "pending",
        })

        const draft = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review`,
          { sections: { ...sections, daily: "" } },
          expert
        )
        expect(draft.data.review).toMatchObject({
          status: "draft",
          expert_name: "李明华",
          published_at: null,
          sections: { summary: sections.summary, daily: "" },
        })
        // A draft is the expert's: the member sees no report yet.
        const beforePublish = await api.get(
          `/store/constitution/assessments/${assessmentId}`,
          member
        )
        expect(beforePublish.data.assessment.review).toBeNull()
        expect(
          (
            await api.get("/admin/constitution/assessments?status=draft", expert)
          ).data.assessments.map((a: { id: string }) => a.id)
        ).toContain(assessmentId)

        const published = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          { sections },
          expert
        )
        expect(published.status).toBe(200)
        expect(published.data.review).toMatchObject({ status: "published", sections })
        expect(published.data.review.published_at).toEqual(expect.any(String))

        const inbox = await eventually(
          async () =>
            (await api.get("/store/inbox", member)).data.messages as {
              category: string
              title: string
              body: string
              link: string
            }[],
          (messages) => messages.some((m) => m.category === "constitution")
        )
        const notice = inbox.find((m) => m.category === "constitution")!
        expect(notice.title).toBe("您的养生评估报告已发布")
        expect(notice.body).toContain("李明华专家")
        expect(notice.link).toBe(`/constitution/report/${assessmentId}`)

        const seen = await api.get(`/store/constitution/assessments/${assessmentId}`, member)
        expect(seen.data.assessment).toMatchObject({
          id: assessmentId,
          primary: "qixu",
          review: { sections, expert_name: "李明华" },
        })
        expect(seen.data.assessment.answers).toBeUndefined()
        const history = await api.get("/store/constitution/assessments", member)
        expect(history.data.assessments[0].review.sections.diet).toBe(sections.diet)

        // Published is final.
        const rewrite = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review`,
          { sections },
          { ...expert, ...noThrow }
        )
        expect(rewrite.status).toBe(400)
        expect(rewrite.data.message).toBe(
          "这份养生评估报告已发布给会员，不能再修改；如需更正，请使用「修订」"
        )
        const again = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          {},
          { ...expert, ...noThrow }
        )
        expect(again.status).toBe(400)

        // The report is sealed at rest; every staff read is in the member's access log and the audit log.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const stored = await pg.raw("select * from constitution_review where assessment_id = ?", [
          assessmentId,
        ])
        expect(JSON.stringify(stored.rows[0])).not.toContain("黄芪")
        const access = await pg.raw(
          "select actor_type, action, resource_id from archive_access where owner_id = ? and actor_type = 'staff'",
          [memberId]
        )
        expect(access.rows).toEqual(
          expect.arrayContaining([
            { actor_type: "staff", action: "list", resource_id: assessmentId },
            { actor_type: "staff", action: "view", resource_id: assessmentId },
          ])
        )
        const audit = await pg.raw(
          "select action, method, path, status from audit_entry where path like ? order by created_at",
          [`/admin/constitution/assessments/${assessmentId}%`]
        )
        expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(
          expect.arrayContaining([
            "assessments:read",
            "constitution_review.save_draft",
            "constitution_review.publish",
          ])
        )
      })

      it("refuses to publish without a 总体评估, or with nothing written, in Chinese", async () => {
        const nothing = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          {},
          { ...expert, ...noThrow }
        )
        expect(nothing.status).toBe(400)
        expect(nothing.data.message).toBe("请先撰写并保存养生评估报告，再发布")

        const empty = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          { sections: { ...sections, summary: "  " } },
          { ...expert, ...noThrow }
        )
        expect(empty.status).toBe(400)
        expect(empty.data.message).toBe("请填写「总体评估」后再发布")
        // The failed publish rolled its draft back: nothing was written.
        const opened = await api.get(`/admin/constitution/assessments/${assessmentId}`, expert)
        expect(opened.data.assessment.review).toBeNull()

        const tooLong = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review`,
          { sections: { summary: "很".repeat(4001) } },
          { ...expert, ...noThrow }
        )
        expect(tooLong.status).toBe(400)
        expect(tooLong.data.message).toContain("「总体评估」不能超过 4000 字")

        const badStatus = await api.get("/admin/constitution/assessments?status=done", {
          ...expert,
          ...noThrow,
        })
        expect(badStatus.status).toBe(400)
        expect(badStatus.data.message).toContain("status 只能是 pending（待评估）")

        const missing = await api.get("/admin/constitution/assessments/cass_nope", {
          ...expert,
          ...noThrow,
        })
        expect(missing.status).toBe(404)
      })

      it("keeps the admin routes to experts and the report to its member", async () => {
        const lab = await adminHeaders(
          getContainer(),
          api as never,
          `lab-${randomUUID()}@health.local`,
          ["lab"]
        )
        const labList = await api.get("/admin/constitution/assessments", { ...lab, ...noThrow })
        expect(labList.status).toBe(403)
        expect(labList.data.message).toContain("体质评估")
        const labRead = await api.get(`/admin/constitution/assessments/${assessmentId}`, {
          ...lab,
          ...noThrow,
        })
        expect(labRead.status).toBe(403)
        const labPublish = await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          { sections },
          { ...lab, ...noThrow }
        )
        expect(labPublish.status).toBe(403)

        // A member's token does not open the admin, nor does no token.
        const asCustomer = await api.get("/admin/constitution/assessments", {
          ...member,
          ...noThrow,
        })
        expect(asCustomer.status).toBe(401)
        const anonymous = await api.get("/admin/constitution/assessments", noThrow)
        expect(anonymous.status).toBe(401)

        await api.post(
          `/admin/constitution/assessments/${assessmentId}/review/publish`,
          { sections },
          expert
        )
        const other = await registerCustomer(api, publishableKey, `o-${randomUUID()}@example.com`)
        const theirs = await api.get(`/store/constitution/assessments/${assessmentId}`, {
          ...other,
          ...noThrow,
        })
        expect(theirs.status).toBe(404)
        expect(JSON.stringify(theirs.data)).not.toContain("黄芪")
        const signedOut = await api.get(`/store/constitution/assessments/${assessmentId}`, {
          ...storeHeaders,
          ...noThrow,
        })
        expect(signedOut.status).toBe(401)
      })

      describe("修订 (revising a published report)", () => {
        const revised = { ...sections, diet: "宜食山药、大枣、小米；黄芪需遵医嘱，不宜自行久服。" }
        const revisePath = () => `/admin/constitution/assessments/${assessmentId}/review/revise`
        type Message = { category: string; title: string; body: string; link: string }
        const constitutionMessages = async () =>
          ((await api.get("/store/inbox", member)).data.messages as Message[]).filter(
            (m) => m.category === "constitution"
          )

        it("an expert revises with a reason; the member is told once per version and sees the new text and the earlier ones", async () => {
          await api.post(
            `/admin/constitution/assessments/${assessmentId}/review/publish`,
            { sections },
            expert
          )
          const first = await api.post(
            revisePath(),
            { sections: revised, reason: "更正黄芪用法", base_revision: 1 },
            expert
          )
          expect(first.status).toBe(200)
          expect(first.data.review).toMatchObject({
            status: "published",
            revision: 2,
            sections: revised,
            expert_name: "李明华",
          })
          expect(first.data.review.revised_at).toEqual(expect.any(String))
          expect(
            first.data.review.versions.map((v: { revision: number; reason: string | null }) => [
              v.revision,
              v.reason,
            ])
          ).toEqual([
            [2, "更正黄芪用法"],
            [1, null],
          ])

          // The same request again (a double click, a retry) makes no second version.
          const replay = await api.post(
            revisePath(),
            { sections: revised, reason: "更正黄芪用法", base_revision: 1 },
            expert
          )
          expect(replay.status).toBe(200)
          expect(replay.data.review.revision).toBe(2)
          expect(replay.data.review.versions).toHaveLength(2)

          const third = { ...revised, daily: "起居有常，子时前入睡。" }
          const second = await api.post(
            revisePath(),
            { sections: third, reason: "补充起居建议", base_revision: 2 },
            expert
          )
          expect(second.data.review.revision).toBe(3)

          const messages = await eventually(constitutionMessages, (m) => m.length >= 3)
          // Give a late duplicate the chance to show up before counting.
          await new Promise((resolve) => setTimeout(resolve, 1500))
          const settled = await constitutionMessages()
          expect(settled.map((m) => m.title).sort()).toEqual([
            "您的养生评估报告已发布",
            "您的养生评估报告已更新",
            "您的养生评估报告已更新",
          ])
          expect(messages.length).toBe(settled.length)
          const updates = settled.filter((m) => m.title === "您的养生评估报告已更新")
          expect(updates.map((m) => m.body.match(/第 (\d) 版/)?.[1]).sort()).toEqual(["2", "3"])
          expect(updates[0].link).toBe(`/constitution/report/${assessmentId}`)
          expect(updates.map((m) => m.body).join()).not.toContain("补充起居建议")

          const seen = await api.get(`/store/constitution/assessments/${assessmentId}`, member)
          expect(seen.data.assessment.review).toMatchObject({
            sections: third,
            revision: 3,
            revision_reason: "补充起居建议",
            expert_name: "李明华",
          })
          expect(seen.data.assessment.review.revised_at).toEqual(expect.any(String))
          expect(
            seen.data.assessment.review.versions.map(
              (v: { revision: number; reason: string | null; sections: { diet: string } }) => [
                v.revision,
                v.reason,
                v.sections.diet,
              ]
            )
          ).toEqual([
            [2, "更正黄芪用法", revised.diet],
            [1, null, sections.diet],
          ])
          const history = await api.get("/store/constitution/assessments", member)
          expect(history.data.assessments[0].review).toMatchObject({ revision: 3 })

          // Staff see every version when they open the result (a logged read).
          const opened = await api.get(`/admin/constitution/assessments/${assessmentId}`, expert)
          expect(
            opened.data.assessment.review.versions.map((v: { revision: number }) => v.revision)
          ).toEqual([3, 2, 1])

          const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
          const stored = await pg.raw(
            "select v.* from constitution_review_revision v join constitution_review r on r.id = v.review_id where r.assessment_id = ?",
            [assessmentId]
          )
          expect(stored.rows).toHaveLength(3)
          expect(JSON.stringify(stored.rows)).not.toMatch(/黄芪|山药|更正|起居/)
          const audit = await pg.raw(
            "select action, status from audit_entry where path = ? order by created_at",
            [revisePath()]
          )
          expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
            "constitution_review.revise",
            "constitution_review.revise",
            "constitution_review.revise",
          ])
        })

        it("answers 409 to an expert who edited an older version, and 400s in Chinese", async () => {
          const pending = await api.post(
            revisePath(),
            { sections: revised, reason: "更正" },
            { ...expert, ...noThrow }
          )
          expect(pending.status).toBe(400)
          expect(pending.data.message).toBe("这份体质辨识结果还没有养生评估报告，请先撰写并发布")

          await api.post(
            `/admin/constitution/assessments/${assessmentId}/review`,
            { sections },
            expert
          )
          const onDraft = await api.post(
            revisePath(),
            { sections: revised, reason: "更正" },
            { ...expert, ...noThrow }
          )
          expect(onDraft.status).toBe(400)
          expect(onDraft.data.message).toBe("这份养生评估报告尚未发布，请直接修改草稿后发布")

          await api.post(
            `/admin/constitution/assessments/${assessmentId}/review/publish`,
            {},
            expert
          )
          const noReason = await api.post(
            revisePath(),
            { sections: revised },
            { ...expert, ...noThrow }
          )
          expect(noReason.status).toBe(400)
          expect(noReason.data.message).toContain("请填写修订说明")
          const blankReason = await api.post(
            revisePath(),
            { sections: revised, reason: "   " },
            { ...expert, ...noThrow }
          )
          expect(blankReason.status).toBe(400)
          expect(blankReason.data.message).toContain("请填写修订说明")
          const longReason = await api.post(
            revisePath(),
            { sections: revised, reason: "长".repeat(201) },
            { ...expert, ...noThrow }
          )
          expect(longReason.status).toBe(400)
          expect(longReason.data.message).toContain("「修订说明」不能超过 200 字")
          const unchanged = await api.post(
            revisePath(),
            { sections, reason: "没改" },
            { ...expert, ...noThrow }
          )
          expect(unchanged.status).toBe(400)
          expect(unchanged.data.message).toBe(
            "修订后的内容与当前版本相同，请修改报告内容后再发布修订"
          )
          const unknown = await api.post(
            "/admin/constitution/assessments/cass_nope/review/revise",
            { sections: revised, reason: "更正" },
            { ...expert, ...noThrow }
          )
          expect(unknown.status).toBe(404)

          const colleague = await adminHeaders(
            getContainer(),
            api as never,
            `expert2-${randomUUID()}@health.local`,
            ["expert"]
          )
          await api.post(
            revisePath(),
            { sections: revised, reason: "甲", base_revision: 1 },
            expert
          )
          const stale = await api.post(
            revisePath(),
            { sections: { ...sections, summary: "乙的看法" }, reason: "乙", base_revision: 1 },
            { ...colleague, ...noThrow }
          )
          expect(stale.status).toBe(409)
          expect(stale.data.message).toBe(
            "这份养生评估报告刚刚已被修订为第 2 版，请刷新后在最新版本上修订"
          )
          const seen = await api.get(`/store/constitution/assessments/${assessmentId}`, member)
          expect(seen.data.assessment.review).toMatchObject({ revision: 2, sections: revised })
        })

        it("keeps revising to experts: other staff 403, members and visitors 401", async () => {
          await api.post(
            `/admin/constitution/assessments/${assessmentId}/review/publish`,
            { sections },
            expert
          )
          const body = { sections: revised, reason: "更正" }
          const lab = await adminHeaders(
            getContainer(),
            api as never,
            `lab-${randomUUID()}@health.local`,
            ["lab"]
          )
          const asLab = await api.post(revisePath(), body, { ...lab, ...noThrow })
          expect(asLab.status).toBe(403)
          expect(asLab.data.message).toContain("体质评估")
          const asMember = await api.post(revisePath(), body, { ...member, ...noThrow })
          expect(asMember.status).toBe(401)
          const anonymous = await api.post(revisePath(), body, noThrow)
          expect(anonymous.status).toBe(401)

          const seen = await api.get(`/store/constitution/assessments/${assessmentId}`, member)
          expect(seen.data.assessment.review).toMatchObject({
            revision: 1,
            revised_at: null,
            revision_reason: null,
            versions: [],
            sections,
          })
        })
      })
    })
  },
})
