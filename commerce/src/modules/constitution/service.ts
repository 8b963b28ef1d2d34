import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { ConstitutionAssessment } from "./models/constitution-assessment"
import { ConstitutionQuestionnaire } from "./models/constitution-questionnaire"
import { ConstitutionReview } from "./models/constitution-review"
import { ConstitutionReviewRevision } from "./models/constitution-review-revision"
import type { QuestionBankItem } from "@health/contracts"
import { STANDARD_QUESTIONNAIRE } from "./rules/questionnaire"
import { sameItems, type CmsQuestionnaire } from "./rules/questionnaire-from-cms"
import type {
  ConstitutionAssessmentPayload,
  ConstitutionAssessmentView,
  ConstitutionReviewView,
  QuestionnaireSyncOutcome,
  QuestionnaireVersionView,
  ReviewSections,
  ReviewStatus,
  ReviewVersionView,
  StaffAssessmentRow,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const alreadyPublished = () =>
  notAllowed("这份养生评估报告已发布给会员，不能再修改；如需更正，请使用「修订」")
const sameSections = (a: ReviewSections, b: ReviewSections) =>
  (["summary", "diet", "exercise", "emotion", "daily"] as const).every(
    (key) => (a[key] ?? "") === (b[key] ?? "")
  )

type StoredAssessment = {
  id: string
  customer_id: string
  item_version: string
  questionnaire_version: number
  payload_ciphertext: string
  key_id: string
  created_at: Date | string
}

export type StoredReview = {
  id: string
  assessment_id: string
  customer_id: string
  status: "draft" | "published"
  author_id: string
  expert_name: string | null
  payload_ciphertext: string
  key_id: string
  updated_at: Date | string
  published_at: Date | string | null
  revision: number
  revised_at: Date | string | null
}

type StoredRevision = {
  id: string
  review_id: string
  revision: number
  author_id: string
  expert_name: string | null
  payload_ciphertext: string
  key_id: string
  published_at: Date | string
}

const standardVersion = (): QuestionnaireVersionView => ({
  ...STANDARD_QUESTIONNAIRE,
  published_at: null,
})

/** What a version row seals: the text and why it changed. */
type RevisionPayload = { sections: ReviewSections; reason: string | null }

const REVIEW_STATUS_SQL = `case when r.status = 'published' then 'published'
  when r.id is not null then 'draft' else 'pending' end`

/**
 * A member's constitution (中医体质辨识) results and the experts' 养生评估报告 on them, with
 * every published version. Answers, scores and report texts are health data: they are
 * sealed with the FieldCipher before they reach a table. Who read them is written to the
 * health archive's access log by the callers (routes), as for every archive record.
 */
class ConstitutionModuleService extends MedusaService({
  ConstitutionAssessment,
  ConstitutionQuestionnaire,
  ConstitutionReview,
  ConstitutionReviewRevision,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  // ---- the question bank's versions -------------------------------------------

  /** The version new assessments are scored with: the highest synced, else the standard's. */
  @InjectManager()
  async currentQuestionnaire(
    @MedusaContext() context: Context = {}
  ): Promise<QuestionnaireVersionView> {
    const [latest] = await this.listConstitutionQuestionnaires(
      {},
      { take: 1, order: { version: "DESC" } },
      context
    )
    return latest ? this.revealQuestionnaire(latest) : standardVersion()
  }

  /** One version by number (1 is the standard's), or null when there is no such version. */
  @InjectManager()
  async questionnaireVersion(
    version: number,
    @MedusaContext() context: Context = {}
  ): Promise<QuestionnaireVersionView | null> {
    if (version === STANDARD_QUESTIONNAIRE.version) return standardVersion()
    const [row] = await this.listConstitutionQuestionnaires({ version }, { take: 1 }, context)
    return row ? this.revealQuestionnaire(row) : null
  }

  /**
   * Keeps the CMS's published versions: a version not seen before is stored, once, and
   * never rewritten: a stored version that the CMS now shows otherwise is reported as a
   * conflict and left as it was (results scored with it keep their meaning). Version 1 is
   * the standard's, shipped with the code; a version that cannot be scored is reported.
   */
  @InjectTransactionManager()
  async storeQuestionnaireVersions(
    versions: CmsQuestionnaire[],
    @MedusaContext() context: Context = {}
  ): Promise<QuestionnaireSyncOutcome> {
    const outcome: QuestionnaireSyncOutcome = {
      added: [],
      unchanged: [],
      conflicts: [],
      invalid: [],
    }
    const sql = this.sql(context)
    // One sync at a time: two would both find a version new and race to insert it.
    await sql.execute(`select pg_advisory_xact_lock(hashtext('constitution-questionnaire-sync'))`)
    for (const version of [...versions].sort((a, b) => a.version - b.version)) {
      if (version.problems.length) {
        outcome.invalid.push({ version: version.version, problems: version.problems })
        continue
      }
      const stored = await this.questionnaireVersion(version.version, context)
      if (!stored) {
        await sql.execute(
          `insert into constitution_questionnaire (id, version, label, cms_document_id, items,
             published_at, created_at, updated_at)
           values (?, ?, ?, ?, ?::jsonb, ?, now(), now())`,
          [
            generateEntityId(undefined, "cqn"),
            version.version,
            version.label,
            version.document_id,
            JSON.stringify(version.items),
            version.published_at ? new Date(version.published_at) : null,
          ]
        )
        outcome.added.push(version.version)
      } else if (sameItems(stored.items, version.items)) {
        outcome.unchanged.push(version.version)
      } else {
        outcome.conflicts.push(version.version)
      }
    }
    return outcome
  }

  // ---- constitution assessments -----------------------------------------------

  async recordConstitutionAssessment(input: {
    customer_id: string
    item_version: string
    /** The version it was scored with; the standard's when not given. */
    questionnaire_version?: number
    payload: ConstitutionAssessmentPayload
  }): Promise<ConstitutionAssessmentView> {
    const sealed = this.cipher.sealJson(input.payload)
    const stored = await this.createConstitutionAssessments({
      customer_id: input.customer_id,
      item_version: input.item_version,
      questionnaire_version: input.questionnaire_version ?? STANDARD_QUESTIONNAIRE.version,
      payload_ciphertext: sealed.ciphertext,
      key_id: sealed.key_id,
    })
    return this.revealAssessment(stored as StoredAssessment)
  }

  /** A member's results, newest first, decrypted for that member. */
  async listConstitutionAssessmentsOf(customerId: string, { take = 20, skip = 0 } = {}) {
    const [rows, count] = await this.listAndCountConstitutionAssessments(
      { customer_id: customerId },
      { take, skip, order: { created_at: "DESC" } }
    )
    return {
      assessments: rows.map((row) => this.revealAssessment(row as StoredAssessment)),
      count,
    }
  }

  /** One result by id (any member's: callers decide who may see it), or null. */
  @InjectManager()
  async constitutionAssessment(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConstitutionAssessmentView | null> {
    const [row] = await this.listConstitutionAssessments({ id }, { take: 1 }, context)
    return row ? this.revealAssessment(row as StoredAssessment) : null
  }

  /**
   * Every member's results for the experts, newest first, with where each one's report
   * stands: `pending` (nobody wrote yet), `draft` or `published`.
   */
  @InjectManager()
  async listConstitutionAssessmentsForStaff(
    { status, take = 20, skip = 0 }: { status?: ReviewStatus; take?: number; skip?: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ assessments: StaffAssessmentRow[]; count: number }> {
    const sql = this.sql(context)
    const from = `from constitution_assessment a
      left join constitution_review r on r.assessment_id = a.id and r.deleted_at is null
      where a.deleted_at is null${status ? ` and ${REVIEW_STATUS_SQL} = ?` : ""}`
    const params = status ? [status] : []
    const [{ count }] = await sql.execute<{ count: string }>(
      `select count(*) as count ${from}`,
      params
    )
    const rows = await sql.execute<StoredAssessment & { review_status: ReviewStatus }>(
      `select a.*, ${REVIEW_STATUS_SQL} as review_status ${from}
       order by a.created_at desc, a.id desc limit ? offset ?`,
      [...params, take, skip]
    )
    return {
      assessments: rows.map((row) => ({
        ...this.revealAssessment(row),
        review_status: row.review_status,
      })),
      count: Number(count),
    }
  }

  /** The reports written for these results (drafts included), by assessment id. */
  @InjectManager()
  async reviewsOfAssessments(
    assessmentIds: string[],
    { publishedOnly = false } = {},
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, ConstitutionReviewView>> {
    if (!assessmentIds.length) return new Map()
    const rows = await this.listConstitutionReviews(
      { assessment_id: assessmentIds, ...(publishedOnly ? { status: "published" as const } : {}) },
      {},
      context
    )
    return new Map(
      rows.map((row) => [row.assessment_id, this.revealReview(row as unknown as StoredReview)])
    )
  }

  /** A result (404 when unknown) and its report row, locked until the transaction ends. */
  private async lockReviewOf(assessmentId: string, context: Context) {
    const [assessment] = await this.listConstitutionAssessments(
      { id: assessmentId },
      { take: 1 },
      context
    )
    if (!assessment) throw notFound("没有找到这份体质辨识结果")
    const [review] = await this.sql(context).execute<StoredReview>(
      "select * from constitution_review where assessment_id = ? and deleted_at is null for update",
      [assessmentId]
    )
    return { assessment, review: review as StoredReview | undefined }
  }

  /**
   * Writes an expert's draft for a result (creating it the first time). A published report
   * is final: writing to it is refused. Returns the draft and what it replaced, so a
   * workflow can undo the write.
   */
  @InjectTransactionManager()
  async saveConstitutionReviewDraft(
    input: {
      assessment_id: string
      author_id: string
      expert_name: string | null
      sections: ReviewSections
    },
    @MedusaContext() context: Context = {}
  ): Promise<{ review: ConstitutionReviewView; previous: StoredReview | null }> {
    const { assessment, review: previous } = await this.lockReviewOf(input.assessment_id, context)
    const sql = this.sql(context)
    if (previous?.status === "published") throw alreadyPublished()
    const sealed = this.cipher.sealJson(input.sections)
    // An upsert: two experts saving the first draft at once end with one report, not a 500.
    const [saved] = await sql.execute<{ id: string }>(
      `insert into constitution_review (id, assessment_id, customer_id, status, author_id,
         expert_name, payload_ciphertext, key_id, created_at, updated_at)
       values (?, ?, ?, 'draft', ?, ?, ?, ?, now(), now())
       on conflict (assessment_id) where deleted_at is null do update set
         author_id = excluded.author_id, expert_name = excluded.expert_name,
         payload_ciphertext = excluded.payload_ciphertext, key_id = excluded.key_id,
         updated_at = now()
       where constitution_review.status = 'draft'
       returning id`,
      [
        generateEntityId(undefined, "crev"),
        input.assessment_id,
        assessment.customer_id,
        input.author_id,
        input.expert_name,
        sealed.ciphertext,
        sealed.key_id,
      ]
    )
    if (!saved) throw alreadyPublished()
    return { review: await this.reviewById(saved.id, context), previous: previous ?? null }
  }

  /**
   * Publishes a result's draft to its member, once: a second publish (or a race with
   * another expert) is refused. An empty 总体评估 cannot be published.
   */
  @InjectTransactionManager()
  async publishConstitutionReview(
    assessmentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConstitutionReviewView> {
    const [draft] = await this.listConstitutionReviews(
      { assessment_id: assessmentId },
      { take: 1 },
      context
    )
    if (!draft) throw notAllowed("请先撰写并保存养生评估报告，再发布")
    if (draft.status === "published") throw alreadyPublished()
    const review = this.revealReview(draft as unknown as StoredReview)
    if (!review.sections.summary.trim()) throw notAllowed("请填写「总体评估」后再发布")
    const sql = this.sql(context)
    const [published] = await sql.execute<StoredReview>(
      `update constitution_review set status = 'published', published_at = now(), revision = 1,
         revised_at = null, updated_at = now()
       where id = ? and status = 'draft' returning *`,
      [draft.id]
    )
    if (!published) throw alreadyPublished()
    await this.recordVersion(sql, published, review.sections, null)
    return this.revealReview(published)
  }

  /**
   * An expert's 修订 of a published report: the new text becomes the report (next version)
   * and the version the member read stays on record, sealed. The report's row is locked,
   * so two experts revising at once get consecutive versions; one who edited an older
   * version (`base_revision`) gets a conflict instead of overwriting unseen work. The same
   * request repeated returns the version it already made.
   */
  @InjectTransactionManager()
  async reviseConstitutionReview(
    input: {
      assessment_id: string
      author_id: string
      expert_name: string | null
      sections: ReviewSections
      reason: string
      /** The version the expert's editor started from. */
      base_revision?: number | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<{
    review: ConstitutionReviewView
    version: ReviewVersionView
    previous: StoredReview
    replayed: boolean
  }> {
    const { review: row } = await this.lockReviewOf(input.assessment_id, context)
    const sql = this.sql(context)
    if (!row) throw notAllowed("这份体质辨识结果还没有养生评估报告，请先撰写并发布")
    if (row.status !== "published") {
      throw notAllowed("这份养生评估报告尚未发布，请直接修改草稿后发布")
    }
    const reason = input.reason.trim()
    if (!reason) throw notAllowed("请填写修订说明")
    if (!input.sections.summary.trim()) throw notAllowed("请填写「总体评估」后再发布")

    const current = this.revealReview(row)
    const [latest] = await this.versionRows(sql, row.id, row.revision)
    const unchanged = sameSections(current.sections, input.sections)
    const base = input.base_revision ?? null
    const replay =
      unchanged &&
      !!latest &&
      row.revision > 1 &&
      row.author_id === input.author_id &&
      this.revealVersion(latest).reason === reason &&
      (base === null || base === row.revision - 1)
    if (replay) {
      return {
        review: current,
        version: this.revealVersion(latest),
        previous: row,
        replayed: true,
      }
    }
    if (base !== null && base !== row.revision) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `这份养生评估报告刚刚已被修订为第 ${row.revision} 版，请刷新后在最新版本上修订`
      )
    }
    if (unchanged) throw notAllowed("修订后的内容与当前版本相同，请修改报告内容后再发布修订")

    // Reports published before versions were kept get their first version on record now.
    if (!latest) await this.recordVersion(sql, row, current.sections, null)
    const next = row.revision + 1
    const sealed = this.cipher.sealJson(input.sections)
    const [revised] = await sql.execute<StoredReview>(
      `update constitution_review set payload_ciphertext = ?, key_id = ?, author_id = ?,
         expert_name = ?, revision = ?, revised_at = now(), updated_at = now()
       where id = ? and revision = ? returning *`,
      [
        sealed.ciphertext,
        sealed.key_id,
        input.author_id,
        input.expert_name,
        next,
        row.id,
        row.revision,
      ]
    )
    // Cannot happen while the row is locked; a clear conflict rather than a lost update if it does.
    if (!revised)
      throw new MedusaError(MedusaError.Types.CONFLICT, "报告刚刚已变化，请刷新后再修订")
    const version = await this.recordVersion(sql, revised, input.sections, reason)
    return { review: this.revealReview(revised), version, previous: row, replayed: false }
  }

  /** Compensation: takes back a 修订 a failed workflow made; the report is as it was. */
  @InjectTransactionManager()
  async undoConstitutionReviewRevision(
    previous: StoredReview,
    revision: number,
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    const [undone] = await sql.execute<{ id: string }>(
      `update constitution_review set payload_ciphertext = ?, key_id = ?, author_id = ?,
         expert_name = ?, revision = ?, revised_at = ?, updated_at = now()
       where id = ? and revision = ? returning id`,
      [
        previous.payload_ciphertext,
        previous.key_id,
        previous.author_id,
        previous.expert_name,
        previous.revision,
        previous.revised_at ?? null,
        previous.id,
        revision,
      ]
    )
    if (undone) {
      await sql.execute(
        "delete from constitution_review_revision where review_id = ? and revision = ?",
        [previous.id, revision]
      )
    }
  }

  /** Every published version of these reports, newest first, by review id. */
  @InjectManager()
  async reviewVersions(
    reviewIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, ReviewVersionView[]>> {
    const versions = new Map<string, ReviewVersionView[]>(reviewIds.map((id) => [id, []]))
    if (!reviewIds.length) return versions
    const rows = await this.sql(context).execute<StoredRevision>(
      `select * from constitution_review_revision
       where review_id in (${reviewIds.map(() => "?").join(", ")}) and deleted_at is null
       order by revision desc`,
      reviewIds
    )
    for (const row of rows) versions.get(row.review_id)?.push(this.revealVersion(row))
    return versions
  }

  /** Compensation: a report published by a workflow that then failed goes back to draft. */
  @InjectTransactionManager()
  async unpublishConstitutionReview(reviewId: string, @MedusaContext() context: Context = {}) {
    const sql = this.sql(context)
    await sql.execute(
      `update constitution_review set status = 'draft', published_at = null, revision = 0,
         revised_at = null, updated_at = now()
       where id = ?`,
      [reviewId]
    )
    await sql.execute("delete from constitution_review_revision where review_id = ?", [reviewId])
  }

  /** Compensation: puts back the draft a failed workflow overwrote, or removes a new one. */
  @InjectTransactionManager()
  async restoreConstitutionReview(
    reviewId: string,
    previous: StoredReview | null,
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    if (!previous) {
      await sql.execute("delete from constitution_review where id = ? and status = 'draft'", [
        reviewId,
      ])
      return
    }
    await sql.execute(
      `update constitution_review set author_id = ?, expert_name = ?, payload_ciphertext = ?,
         key_id = ?, updated_at = now() where id = ? and status = 'draft'`,
      [
        previous.author_id,
        previous.expert_name,
        previous.payload_ciphertext,
        previous.key_id,
        reviewId,
      ]
    )
  }

  // ---- erasure ----------------------------------------------------------------

  /**
   * Deletes every result a member has, with the reports on them and their versions (the
   * member's erasure of their health archive). Irreversible by design: no undo.
   */
  @InjectTransactionManager()
  async eraseConstitutionDataOf(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ assessments: number }> {
    const assessments = await this.listConstitutionAssessments(
      { customer_id: customerId },
      { select: ["id"] },
      context
    )
    const reviews = await this.listConstitutionReviews(
      { customer_id: customerId },
      { select: ["id"] },
      context
    )
    const versions = reviews.length
      ? await this.listConstitutionReviewRevisions(
          { review_id: reviews.map((r) => r.id) },
          { select: ["id"] },
          context
        )
      : []
    await this.deleteConstitutionReviewRevisions(
      versions.map((v) => v.id),
      context
    )
    await this.deleteConstitutionReviews(
      reviews.map((r) => r.id),
      context
    )
    await this.deleteConstitutionAssessments(
      assessments.map((a) => a.id),
      context
    )
    return { assessments: assessments.length }
  }

  // ---- internals --------------------------------------------------------------

  protected revealAssessment(row: StoredAssessment): ConstitutionAssessmentView {
    const payload = this.cipher.openJson<ConstitutionAssessmentPayload>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
    return {
      id: row.id,
      customer_id: row.customer_id,
      item_version: row.item_version,
      questionnaire_version: Number(row.questionnaire_version ?? STANDARD_QUESTIONNAIRE.version),
      created_at: new Date(row.created_at),
      ...payload,
    }
  }

  protected revealQuestionnaire(row: {
    version: number
    label: string
    items: unknown
    published_at: Date | string | null
  }): QuestionnaireVersionView {
    return {
      version: Number(row.version),
      label: row.label,
      items: row.items as QuestionBankItem[],
      published_at: row.published_at ? new Date(row.published_at).toISOString() : null,
    }
  }

  protected async versionRows(sql: Sql, reviewId: string, revision: number) {
    return sql.execute<StoredRevision>(
      `select * from constitution_review_revision
       where review_id = ? and revision = ? and deleted_at is null`,
      [reviewId, revision]
    )
  }

  /** Keeps the version a report now is (its text as published, sealed with the reason). */
  protected async recordVersion(
    sql: Sql,
    review: StoredReview,
    sections: ReviewSections,
    reason: string | null
  ): Promise<ReviewVersionView> {
    const sealed = this.cipher.sealJson({ sections, reason } satisfies RevisionPayload)
    const [row] = await sql.execute<StoredRevision>(
      `insert into constitution_review_revision (id, review_id, revision, author_id, expert_name,
         payload_ciphertext, key_id, published_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now(), now()) returning *`,
      [
        generateEntityId(undefined, "crevr"),
        review.id,
        review.revision,
        review.author_id,
        review.expert_name,
        sealed.ciphertext,
        sealed.key_id,
        new Date(review.revised_at ?? review.published_at ?? Date.now()),
      ]
    )
    return this.revealVersion(row)
  }

  protected revealVersion(row: StoredRevision): ReviewVersionView {
    const payload = this.cipher.openJson<RevisionPayload>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
    return {
      revision: Number(row.revision),
      sections: payload.sections,
      reason: payload.reason ?? null,
      expert_name: row.expert_name ?? null,
      author_id: row.author_id,
      published_at: new Date(row.published_at).toISOString(),
    }
  }

  protected async reviewById(id: string, context: Context): Promise<ConstitutionReviewView> {
    const [row] = await this.sql(context).execute<StoredReview>(
      "select * from constitution_review where id = ?",
      [id]
    )
    return this.revealReview(row)
  }

  protected revealReview(row: StoredReview): ConstitutionReviewView {
    const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)
    return {
      id: row.id,
      assessment_id: row.assessment_id,
      customer_id: row.customer_id,
      status: row.status,
      sections: this.cipher.openJson<ReviewSections>({
        key_id: row.key_id,
        ciphertext: row.payload_ciphertext,
      }),
      expert_name: row.expert_name ?? null,
      author_id: row.author_id,
      updated_at: iso(row.updated_at) as string,
      published_at: iso(row.published_at),
      revision: Number(row.revision ?? 0),
      revised_at: iso(row.revised_at ?? null),
    }
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "constitution")
  }
}

export default ConstitutionModuleService
