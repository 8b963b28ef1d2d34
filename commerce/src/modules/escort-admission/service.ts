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
import { contextSql } from "../../lib/database/context-sql"
import { maskCnIdNumber } from "../escort/rules/cn-id-number"
import { EscortAdmissionDocument } from "./models/escort-admission-document"
import { EscortApplicantConsent } from "./models/escort-applicant-consent"
import { EscortApplication } from "./models/escort-application"
import {
  ADMISSION_REQUIREMENTS,
  unmetRequirements,
  type AdmissionState,
} from "./rules/admission-requirements"
import { KINDS_NEEDING_EXPIRY, type AdmissionDocumentKind } from "./rules/document-kinds"
import type { ApplicantConsentAcceptance } from "./rules/applicant-consent-kinds"
import type {
  AdmissionDocumentRow,
  ApplicantConsentRow,
  ApplicationFields,
  DocumentReview,
  EscortApplicationRow,
  EscortApplicationStatus,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const APPLICATION_COLUMNS = `id, escort_id, status, real_name, id_number_ciphertext, id_number_key_id,
  id_number_masked, city, base_location, specialties, verification_id, verified_at, submitted_at,
  activated_at, suspended_at, suspension_reason, created_at`
const DOCUMENT_COLUMNS = `id, application_id, kind, title, status, rejection_reason, expires_on,
  mime_type, size, file_id, key_id, reviewed_by, reviewed_at, reminded_30_at, reminded_7_at,
  created_at`

/**
 * 陪诊员入驻: applications and their documents. Status changes are conditional UPDATEs on the
 * status they start from, so a double click or two staff at once change an application once.
 */
class EscortAdmissionModuleService extends MedusaService({
  EscortApplication,
  EscortAdmissionDocument,
  EscortApplicantConsent,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  private sql(context: Context) {
    return contextSql(context, "escort-admission")
  }

  @InjectManager()
  async applicationOfEscort(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortApplicationRow | null> {
    const [row] = await this.sql(context).execute<EscortApplicationRow>(
      `select ${APPLICATION_COLUMNS} from escort_application
       where escort_id = ? and deleted_at is null`,
      [escortId]
    )
    return row ?? null
  }

  @InjectManager()
  async application(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortApplicationRow> {
    const [row] = await this.sql(context).execute<EscortApplicationRow>(
      `select ${APPLICATION_COLUMNS} from escort_application where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("未找到该入驻申请")
    return row
  }

  @InjectManager()
  async applicationsByStatus(
    status: EscortApplicationStatus | null,
    @MedusaContext() context: Context = {}
  ): Promise<EscortApplicationRow[]> {
    return this.sql(context).execute<EscortApplicationRow>(
      `select ${APPLICATION_COLUMNS} from escort_application
       where deleted_at is null ${status ? "and status = ?" : ""}
       order by coalesce(submitted_at, created_at) desc, id desc limit 200`,
      status ? [status] : []
    )
  }

  /**
   * Creates or updates the escort's application. A new name or ID number clears the
   * verification (it was for the old pair); an approved application is not edited here.
   */
  @InjectTransactionManager()
  async saveApplication(
    escortId: string,
    fields: ApplicationFields,
    @MedusaContext() context: Context = {}
  ): Promise<EscortApplicationRow> {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`escort-admission:${escortId}`])
    const idNumber = fields.id_number.trim().toUpperCase()
    const existing = await this.applicationOfEscort(escortId, context)
    if (existing?.status === "approved") {
      throw conflict("已通过审核的入驻资料不能修改，如需变更请联系运营")
    }
    const sameIdentity =
      !!existing?.id_number_ciphertext &&
      existing.real_name === fields.real_name &&
      this.openIdNumber(existing) === idNumber
    const sealed = this.cipher.seal(idNumber)
    if (!existing) {
      const id = generateEntityId("", "escapp")
      await sql.execute(
        `insert into escort_application (id, escort_id, status, real_name, id_number_ciphertext,
           id_number_key_id, id_number_masked, city, base_location, specialties)
         values (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?::jsonb)`,
        [
          id,
          escortId,
          fields.real_name,
          sealed.ciphertext,
          sealed.key_id,
          maskCnIdNumber(idNumber),
          fields.city,
          fields.base_location,
          JSON.stringify(fields.specialties),
        ]
      )
      return this.application(id, context)
    }
    await sql.execute(
      `update escort_application set real_name = ?, id_number_ciphertext = ?, id_number_key_id = ?,
         id_number_masked = ?, city = ?, base_location = ?, specialties = ?::jsonb,
         verification_id = ${sameIdentity ? "verification_id" : "null"},
         verified_at = ${sameIdentity ? "verified_at" : "null"}, updated_at = now()
       where id = ?`,
      [
        fields.real_name,
        sealed.ciphertext,
        sealed.key_id,
        maskCnIdNumber(idNumber),
        fields.city,
        fields.base_location,
        JSON.stringify(fields.specialties),
        existing.id,
      ]
    )
    return this.application(existing.id, context)
  }

  /** The ID number in clear, for the 实名认证 call only (callers audit-log it). */
  openIdNumber(row: Pick<EscortApplicationRow, "id_number_ciphertext" | "id_number_key_id">) {
    if (!row.id_number_ciphertext || !row.id_number_key_id) return null
    return this.cipher.open({ ciphertext: row.id_number_ciphertext, key_id: row.id_number_key_id })
  }

  /** Records a matching verification, unless the name or ID number changed meanwhile. */
  @InjectTransactionManager()
  async markVerified(
    id: string,
    verification: { id: string; name: string; id_number_masked: string },
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const updated = await this.sql(context).execute(
      `update escort_application set verification_id = ?, verified_at = now(), updated_at = now()
       where id = ? and real_name = ? and id_number_masked = ? and deleted_at is null
       returning id`,
      [verification.id, id, verification.name, verification.id_number_masked]
    )
    return updated.length > 0
  }

  @InjectManager()
  async documentsOf(
    applicationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AdmissionDocumentRow[]> {
    return this.sql(context).execute<AdmissionDocumentRow>(
      `select ${DOCUMENT_COLUMNS} from escort_admission_document
       where application_id = ? and deleted_at is null order by created_at, id`,
      [applicationId]
    )
  }

  @InjectManager()
  async document(
    applicationId: string,
    documentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AdmissionDocumentRow> {
    const [row] = await this.sql(context).execute<AdmissionDocumentRow>(
      `select ${DOCUMENT_COLUMNS} from escort_admission_document
       where id = ? and application_id = ? and deleted_at is null`,
      [documentId, applicationId]
    )
    if (!row) throw notFound("未找到该材料")
    return row
  }

  /** Staff's decision on a pending document; an already decided one is 409. */
  @InjectTransactionManager()
  async reviewDocument(
    applicationId: string,
    documentId: string,
    review: DocumentReview,
    @MedusaContext() context: Context = {}
  ): Promise<AdmissionDocumentRow> {
    const doc = await this.document(applicationId, documentId, context)
    if (
      review.decision === "approve" &&
      !review.expires_on &&
      KINDS_NEEDING_EXPIRY.includes(doc.kind)
    ) {
      throw invalid("请填写该证件的有效期截止日期")
    }
    const updated = await this.sql(context).execute(
      `update escort_admission_document set status = ?, rejection_reason = ?, expires_on = ?,
         reviewed_by = ?, reviewed_at = now(), updated_at = now()
       where id = ? and status = 'pending' and deleted_at is null returning id`,
      review.decision === "approve"
        ? ["approved", null, review.expires_on, review.reviewer_id, documentId]
        : ["rejected", review.reason, doc.expires_on, review.reviewer_id, documentId]
    )
    if (!updated.length) throw conflict("该材料已审核过，请刷新后查看")
    return this.document(applicationId, documentId, context)
  }

  /** draft or suspended → submitted (待审核); needs the applicant's details first. */
  @InjectTransactionManager()
  async submit(id: string, @MedusaContext() context: Context = {}): Promise<EscortApplicationRow> {
    const row = await this.application(id, context)
    if (!row.real_name || !row.id_number_ciphertext || !row.city) {
      throw invalid("请先填写姓名、身份证号和服务城市")
    }
    const updated = await this.sql(context).execute(
      `update escort_application set status = 'submitted', submitted_at = now(), updated_at = now()
       where id = ? and status in ('draft', 'suspended') and deleted_at is null returning id`,
      [id]
    )
    if (!updated.length) throw conflict("该申请已提交或已通过审核")
    return this.application(id, context)
  }

  /** What the requirement checks see of an application. */
  @InjectManager()
  async admissionState(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<AdmissionState> {
    const row = await this.application(id, context)
    const documents = await this.documentsOf(id, context)
    return {
      verified: !!row.verified_at,
      documents: documents.map((doc) => ({
        kind: doc.kind,
        status: doc.status,
        expires_on: doc.expires_on,
      })),
    }
  }

  /**
   * submitted or suspended → approved, only with every requirement met on `today`;
   * 409 naming what is missing otherwise.
   */
  @InjectTransactionManager()
  async approve(
    id: string,
    today: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortApplicationRow> {
    await this.sql(context).execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `escort-admission-app:${id}`,
    ])
    const unmet = unmetRequirements(await this.admissionState(id, context), today)
    if (unmet.length) {
      throw conflict(`尚不能启用：${unmet.map((requirement) => requirement.label).join("、")}`)
    }
    const updated = await this.sql(context).execute(
      `update escort_application set status = 'approved', activated_at = now(),
         suspended_at = null, suspension_reason = null, updated_at = now()
       where id = ? and status in ('submitted', 'suspended') and deleted_at is null returning id`,
      [id]
    )
    if (!updated.length) throw conflict("该申请尚未提交或已启用")
    return this.application(id, context)
  }

  /** approved → suspended with the reason; false when it was not approved (already done). */
  @InjectTransactionManager()
  async suspend(
    id: string,
    reason: string,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const updated = await this.sql(context).execute(
      `update escort_application set status = 'suspended', suspended_at = now(),
         suspension_reason = ?, updated_at = now()
       where id = ? and status = 'approved' and deleted_at is null returning id`,
      [reason, id]
    )
    return updated.length > 0
  }

  /** Approved, dated documents of approved applications expiring within 30 days of `today`. */
  @InjectManager()
  async documentsExpiringBy(
    lastDay: string,
    @MedusaContext() context: Context = {}
  ): Promise<(AdmissionDocumentRow & { escort_id: string })[]> {
    return this.sql(context).execute(
      `select ${DOCUMENT_COLUMNS.split(",")
        .map((column) => `d.${column.trim()}`)
        .join(", ")}, a.escort_id
       from escort_admission_document d
       join escort_application a on a.id = d.application_id and a.deleted_at is null
       where d.status = 'approved' and d.expires_on is not null and d.expires_on <= ?
         and a.status = 'approved' and d.deleted_at is null
       order by d.expires_on, d.id limit 1000`,
      [lastDay]
    )
  }

  /** Stamps a reminder as sent; false when another run stamped it first. */
  @InjectTransactionManager()
  async markReminded(
    documentId: string,
    which: "30" | "7",
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const column = which === "30" ? "reminded_30_at" : "reminded_7_at"
    const updated = await this.sql(context).execute(
      `update escort_admission_document set ${column} = now(), updated_at = now()
       where id = ? and ${column} is null returning id`,
      [documentId]
    )
    return updated.length > 0
  }

  /** Approved applications; the daily check looks at each one's requirements. */
  @InjectManager()
  async approvedApplications(@MedusaContext() context: Context = {}) {
    return this.applicationsByStatus("approved", context)
  }

  @InjectTransactionManager()
  async addDocument(
    applicationId: string,
    input: {
      kind: AdmissionDocumentKind
      title: string | null
      mime_type: string
      size: number
      file_id: string
      key_id: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<AdmissionDocumentRow> {
    const id = generateEntityId("", "escdoc")
    await this.sql(context).execute(
      `insert into escort_admission_document (id, application_id, kind, title, mime_type, size,
         file_id, key_id)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        applicationId,
        input.kind,
        input.title,
        input.mime_type,
        input.size,
        input.file_id,
        input.key_id,
      ]
    )
    return this.document(applicationId, id, context)
  }

  /** Every consent the escort gave, newest first, withdrawn ones included. */
  @InjectManager()
  async applicantConsents(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ApplicantConsentRow[]> {
    return this.sql(context).execute<ApplicantConsentRow>(
      `select id, escort_id, kind, version, accepted_at, withdrawn_at from escort_applicant_consent
       where escort_id = ? and deleted_at is null order by accepted_at desc, id desc`,
      [escortId]
    )
  }

  /**
   * Records the versions accepted. A kind already accepted at that version and not withdrawn
   * is left as it is, so ticking the boxes twice records once.
   */
  @InjectTransactionManager()
  async acceptApplicantConsents(
    escortId: string,
    consents: ApplicantConsentAcceptance[],
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<ApplicantConsentRow[]> {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`escort-consent:${escortId}`])
    for (const consent of consents) {
      await sql.execute(
        `insert into escort_applicant_consent (id, escort_id, kind, version, accepted_at)
         select ?, ?, ?, ?, ? where not exists (
           select 1 from escort_applicant_consent where escort_id = ? and kind = ?
             and version = ? and withdrawn_at is null and deleted_at is null)`,
        [
          generateEntityId("", "escacons"),
          escortId,
          consent.kind,
          consent.version,
          now,
          escortId,
          consent.kind,
          consent.version,
        ]
      )
    }
    return this.applicantConsents(escortId, context)
  }

  /** Withdraws one of the escort's own consents; a second withdrawal changes nothing. */
  @InjectTransactionManager()
  async withdrawApplicantConsent(
    escortId: string,
    consentId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<ApplicantConsentRow> {
    const sql = this.sql(context)
    const [row] = await sql.execute<ApplicantConsentRow>(
      `update escort_applicant_consent set withdrawn_at = coalesce(withdrawn_at, ?),
         updated_at = now()
       where id = ? and escort_id = ? and deleted_at is null
       returning id, escort_id, kind, version, accepted_at, withdrawn_at`,
      [now, consentId, escortId]
    )
    if (!row) throw notFound("未找到该同意记录")
    return row
  }
}

export { ADMISSION_REQUIREMENTS }
export default EscortAdmissionModuleService
