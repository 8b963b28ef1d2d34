import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { ArchiveAssessment } from "./models/archive-assessment"
import { ArchiveAssessmentItem } from "./models/archive-assessment-item"
import { ArchiveAssessmentVersion } from "./models/archive-assessment-version"
import { expertAccess, REFUSAL } from "./rules/expert-access"
import { contentProblem, type ReportContent } from "./rules/report-content"
import type {
  AssessmentItemRow,
  AssessmentItemView,
  AssessmentRow,
  AssessmentVersionRow,
  AssessmentView,
  GrantInput,
  ReportVersionView,
} from "./types"

export * from "./types"

const ASSESSMENT_COLUMNS = `id, customer_id, doctor_id, question_ciphertext, key_id, consent_at,
  consent_withdrawn_at, ends_at, version, created_at`
const ITEM_COLUMNS = `id, assessment_id, customer_id, item_type, item_id, position, withdrawn_at,
  created_at`
const VERSION_COLUMNS = `id, assessment_id, version, doctor_id, expert_name, payload_ciphertext,
  key_id, published_at`

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)
const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这份评估")

/**
 * 检测评估: a member's separate, withdrawable and time-limited consent for one expert to read
 * chosen archive items, and the expert's versioned report. Which items exist and whose they
 * are is the workflows' business (they live in other modules); this module keeps the grant.
 */
class AssessmentModuleService extends MedusaService({
  ArchiveAssessment,
  ArchiveAssessmentItem,
  ArchiveAssessmentVersion,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  /** Records the consent and its items in one transaction. */
  @InjectTransactionManager()
  async grant(input: GrantInput, @MedusaContext() context: Context = {}): Promise<AssessmentRow> {
    const sql = this.sql(context)
    const sealed = this.cipher.sealJson({ question: input.question })
    const id = generateEntityId("", "asmt")
    await sql.execute(
      `insert into archive_assessment (id, customer_id, doctor_id, question_ciphertext, key_id,
         consent_at, ends_at) values (?, ?, ?, ?, ?, now(), ?)`,
      [id, input.customer_id, input.doctor_id, sealed.ciphertext, sealed.key_id, input.ends_at]
    )
    for (const [position, item] of input.items.entries()) {
      await sql.execute(
        `insert into archive_assessment_item (id, assessment_id, customer_id, item_type, item_id,
           position) values (?, ?, ?, ?, ?, ?) on conflict do nothing`,
        [
          generateEntityId("", "asmti"),
          id,
          input.customer_id,
          item.item_type,
          item.item_id,
          position,
        ]
      )
    }
    return (await this.assessmentRow(id, context))!
  }

  /** The member's own assessment; another member's is 404 like a made-up id. */
  @InjectManager()
  async ownedAssessment(
    id: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentRow> {
    const row = await this.assessmentRow(id, context)
    if (!row || row.customer_id !== customerId) throw notFound()
    return row
  }

  /**
   * The expert's assessment, while the member's consent stands: withdrawn or ended is a
   * Chinese 403 (the expert knows the assessment exists, it was theirs); anyone else's is 404.
   */
  @InjectManager()
  async expertAssessment(
    id: string,
    doctorId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentRow> {
    const row = await this.assessmentRow(id, context)
    if (!row || row.doctor_id !== doctorId) throw notFound()
    const access = expertAccess(row, now)
    if (access !== "granted") throw new MedusaError(MedusaError.Types.FORBIDDEN, REFUSAL[access])
    return row
  }

  @InjectManager()
  async assessmentsOf(
    who: { customer_id: string } | { doctor_id: string },
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentRow[]> {
    const [column, value] =
      "customer_id" in who ? ["customer_id", who.customer_id] : ["doctor_id", who.doctor_id]
    return this.sql(context).execute<AssessmentRow>(
      `select ${ASSESSMENT_COLUMNS} from archive_assessment
       where ${column} = ? and deleted_at is null order by created_at desc, id desc limit 200`,
      [value]
    )
  }

  /** The member withdraws the consent: the expert can no longer open anything (idempotent). */
  @InjectTransactionManager()
  async withdrawConsent(
    id: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentRow> {
    const [row] = await this.sql(context).execute<AssessmentRow>(
      `update archive_assessment
       set consent_withdrawn_at = coalesce(consent_withdrawn_at, now()), updated_at = now()
       where id = ? and customer_id = ? and deleted_at is null returning ${ASSESSMENT_COLUMNS}`,
      [id, customerId]
    )
    if (!row) throw notFound()
    return row
  }

  /** The member takes one item back while leaving the rest of the assessment standing. */
  @InjectTransactionManager()
  async withdrawItem(
    assessmentId: string,
    itemId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentItemRow> {
    const [row] = await this.sql(context).execute<AssessmentItemRow>(
      `update archive_assessment_item
       set withdrawn_at = coalesce(withdrawn_at, now()), updated_at = now()
       where id = ? and assessment_id = ? and deleted_at is null returning ${ITEM_COLUMNS}`,
      [itemId, assessmentId]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这份授权资料")
    return row
  }

  @InjectManager()
  async items(
    assessmentId: string,
    options: { current?: boolean } = {},
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentItemRow[]> {
    return this.sql(context).execute<AssessmentItemRow>(
      `select ${ITEM_COLUMNS} from archive_assessment_item
       where assessment_id = ? and deleted_at is null
       ${options.current ? "and withdrawn_at is null" : ""} order by position, created_at, id`,
      [assessmentId]
    )
  }

  /** An item the expert may open now (not taken back), or 404. */
  @InjectManager()
  async currentItem(
    assessmentId: string,
    itemId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentItemRow> {
    const [row] = await this.sql(context).execute<AssessmentItemRow>(
      `select ${ITEM_COLUMNS} from archive_assessment_item
       where id = ? and assessment_id = ? and withdrawn_at is null and deleted_at is null`,
      [itemId, assessmentId]
    )
    if (!row)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这份授权资料，或会员已收回")
    return row
  }

  /**
   * Publishes the next version. The version number moves by a conditional UPDATE from the
   * one the expert last saw, so two publishes at once make one version and one 409.
   */
  @InjectTransactionManager()
  async publishVersion(
    input: {
      assessment_id: string
      doctor_id: string
      expert_name: string
      /** The version the expert revised (0 for the first report). */
      base_version: number
      content: ReportContent
    },
    @MedusaContext() context: Context = {}
  ): Promise<AssessmentVersionRow> {
    const next = input.base_version + 1
    const problem = contentProblem(input.content, next)
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    const sql = this.sql(context)
    const moved = await sql.execute(
      `update archive_assessment set version = ?, updated_at = now()
       where id = ? and doctor_id = ? and version = ? and deleted_at is null returning id`,
      [next, input.assessment_id, input.doctor_id, input.base_version]
    )
    if (!moved.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "报告已有更新的版本，请刷新后在最新版本上修订"
      )
    }
    const sealed = this.cipher.sealJson(input.content)
    const [row] = await sql.execute<AssessmentVersionRow>(
      `insert into archive_assessment_version (id, assessment_id, version, doctor_id, expert_name,
         payload_ciphertext, key_id, published_at) values (?, ?, ?, ?, ?, ?, ?, now())
       returning ${VERSION_COLUMNS}`,
      [
        generateEntityId("", "asmtv"),
        input.assessment_id,
        next,
        input.doctor_id,
        input.expert_name,
        sealed.ciphertext,
        sealed.key_id,
      ]
    )
    return row
  }

  /** Compensation of publishVersion: the version goes and the counter steps back. */
  @InjectTransactionManager()
  async unpublishVersion(versionId: string, @MedusaContext() context: Context = {}): Promise<void> {
    const sql = this.sql(context)
    const [row] = await sql.execute<AssessmentVersionRow>(
      `delete from archive_assessment_version where id = ? returning ${VERSION_COLUMNS}`,
      [versionId]
    )
    if (row) {
      await sql.execute(`update archive_assessment set version = ? where id = ? and version = ?`, [
        row.version - 1,
        row.assessment_id,
        row.version,
      ])
    }
  }

  /** Every published version, oldest first, decrypted. */
  @InjectManager()
  async versions(
    assessmentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ReportVersionView[]> {
    const rows = await this.sql(context).execute<AssessmentVersionRow>(
      `select ${VERSION_COLUMNS} from archive_assessment_version
       where assessment_id = ? and deleted_at is null order by version`,
      [assessmentId]
    )
    return rows.map((row) => this.versionView(row))
  }

  versionView(row: AssessmentVersionRow): ReportVersionView {
    const content = this.cipher.openJson<ReportContent>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
    return {
      ...content,
      version: row.version,
      expert_name: row.expert_name,
      published_at: iso(row.published_at)!,
    }
  }

  view(row: AssessmentRow, now: Date): AssessmentView {
    const { question } = this.cipher.openJson<{ question: string }>({
      key_id: row.key_id,
      ciphertext: row.question_ciphertext,
    })
    return {
      id: row.id,
      customer_id: row.customer_id,
      doctor_id: row.doctor_id,
      question,
      consent_at: iso(row.consent_at)!,
      consent_withdrawn_at: iso(row.consent_withdrawn_at),
      ends_at: iso(row.ends_at)!,
      access: expertAccess(row, now),
      version: Number(row.version),
      created_at: iso(row.created_at)!,
    }
  }

  itemView(row: AssessmentItemRow): AssessmentItemView {
    return {
      id: row.id,
      item_type: row.item_type,
      item_id: row.item_id,
      withdrawn_at: iso(row.withdrawn_at),
    }
  }

  /**
   * Deletes every assessment of the member with its items and report versions (part of
   * erasing their health archive); returns how many assessments went.
   */
  @InjectTransactionManager()
  async eraseDataOf(customerId: string, @MedusaContext() context: Context = {}): Promise<number> {
    const sql = this.sql(context)
    await sql.execute(
      `delete from archive_assessment_version where assessment_id in
         (select id from archive_assessment where customer_id = ?)`,
      [customerId]
    )
    await sql.execute(`delete from archive_assessment_item where customer_id = ?`, [customerId])
    const gone = await sql.execute(
      `delete from archive_assessment where customer_id = ? returning id`,
      [customerId]
    )
    return gone.length
  }

  private async assessmentRow(id: string, context: Context): Promise<AssessmentRow | null> {
    const [row] = await this.sql(context).execute<AssessmentRow>(
      `select ${ASSESSMENT_COLUMNS} from archive_assessment where id = ? and deleted_at is null`,
      [id]
    )
    return row ?? null
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "assessment")
  }
}

export default AssessmentModuleService
