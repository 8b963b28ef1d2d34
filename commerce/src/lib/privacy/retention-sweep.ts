import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"
import { RETENTION_POLICY, type RetentionRule } from "./retention-policy"

type Knex = {
  raw<Row = { n?: number }>(
    sql: string,
    bindings: unknown[]
  ): Promise<{ rowCount?: number; rows: Row[] }>
}

/** The audit action of a sweep; its details hold the counts (the admin's 「上次执行」). */
export const RETENTION_RUN_ACTION = "privacy.retention.run"

/** What the sweep's counts call the stored files it removed from the file module. */
export const STORED_FILES_COUNT = "stored_files_deleted"

/** Beijing's calendar day of an instant, as admission documents store their expiry. */
const BEIJING_DAY = `to_char((?::timestamptz) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`

/**
 * One statement per kind, each touching only rows past the cutoff that it has not touched
 * before: a second run the same day changes nothing (idempotent). Retention spans the modules'
 * tables on purpose: it is the one job whose subject is every table holding personal data.
 * Rows holding a stored file are soft-deleted here; their files go in purgeStoredFiles.
 */
const STATEMENTS: Record<string, (cutoff: Date) => [string, unknown[]]> = {
  escort_message: (cutoff) => [
    `update escort_message
      set text_ciphertext = null, key_id = null, image_upload_id = null, updated_at = now()
    where created_at < ? and (text_ciphertext is not null or image_upload_id is not null)`,
    [cutoff],
  ],
  escort_location_point: (cutoff) => [
    `update escort_booking_event set location = null, updated_at = now()
    where created_at < ? and location is not null`,
    [cutoff],
  ],
  // Conversation pictures, step photos and the review photos among them; a live service
  // report's documents are kept with the report (its own, longer period).
  escort_step_photo: (cutoff) => [
    `update escort_upload u set deleted_at = now(), updated_at = now()
    where u.created_at < ? and u.deleted_at is null and not exists (
      select 1 from escort_service_report r
      where r.deleted_at is null and r.document_upload_ids @> jsonb_build_array(u.id))`,
    [cutoff],
  ],
  escort_service_report: (cutoff) => [
    `with expired as (
       select id, document_upload_ids from escort_service_report
       where created_at < ? and deleted_at is null
     ), documents as (
       update escort_upload u set deleted_at = now(), updated_at = now() from expired e
       where e.document_upload_ids @> jsonb_build_array(u.id) and u.deleted_at is null
       returning u.id
     ), cleared as (
       update escort_service_report r
         set payload_ciphertext = '', document_upload_ids = '[]'::jsonb, deleted_at = now(),
             updated_at = now()
       from expired e where r.id = e.id returning r.id
     )
     select (select count(*) from cleared)::int as n`,
    [cutoff],
  ],
  escort_admission_document: (cutoff) => [
    `update escort_admission_document set deleted_at = now(), updated_at = now()
    where deleted_at is null and (
      (status = 'rejected' and coalesce(reviewed_at, created_at) < ?)
      or (expires_on is not null and expires_on < ${BEIJING_DAY}))`,
    [cutoff, cutoff],
  ],
  identity_verification_person_served: (cutoff) => [
    `update identity_verification
      set name = left(name, 1) || '*', id_number_ciphertext = '', id_number_key_id = '',
          updated_at = now()
    where created_at < ? and subject_type = 'escort_booking_person' and id_number_ciphertext <> ''`,
    [cutoff],
  ],
  audit_log: (cutoff) => [
    `select count(*)::int as n from audit_entry where created_at < ?`,
    [cutoff],
  ],
}

/** The kinds whose count is a statement's `n` rather than the rows it updated. */
const COUNTED_BY_SELECT = new Set(["escort_service_report"])

/** The tables whose soft-deleted rows still name a file in the file module. */
const FILE_TABLES = ["escort_upload", "escort_admission_document"] as const
const PURGE_BATCH = 500

export type RetentionCounts = Record<string, number>

const cutoff = (rule: RetentionRule, now: Date) =>
  new Date(now.getTime() - rule.period_days * 24 * 3_600_000)

/**
 * Deletes the stored file of every soft-deleted upload and admission document, then the row:
 * a deleted picture leaves no bytes in object storage. File first, row after, so a failed
 * delete is retried by the next run (deleting a file already gone succeeds on S3 and on disk);
 * rows soft-deleted before files were purged are caught up the same way.
 */
async function purgeStoredFiles(container: MedusaContainer, pg: Knex): Promise<number> {
  const files = container.resolve(Modules.FILE)
  let purged = 0
  for (const table of FILE_TABLES) {
    for (;;) {
      const { rows } = await pg.raw<{ id: string; file_id: string }>(
        `select id, file_id from ${table} where deleted_at is not null order by id limit ?`,
        [PURGE_BATCH]
      )
      if (!rows.length) break
      const fileIds = rows.map((row) => row.file_id).filter(Boolean)
      if (fileIds.length) await files.deleteFiles(fileIds)
      const ids = rows.map((row) => row.id)
      await pg.raw(
        `delete from ${table} where deleted_at is not null and id in (${ids.map(() => "?").join(", ")})`,
        ids
      )
      purged += fileIds.length
      if (rows.length < PURGE_BATCH) break
    }
  }
  return purged
}

/**
 * Deletes or anonymises every record past its period (retention-policy.ts), removes the
 * stored files of deleted pictures and documents, logs the counts and appends them to the
 * audit log, where the admin reads the last run.
 */
export async function runRetentionSweep(
  container: MedusaContainer,
  now = new Date()
): Promise<{ ran_at: string; counts: RetentionCounts }> {
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const counts: RetentionCounts = {}
  for (const rule of RETENTION_POLICY) {
    const [sql, bindings] = STATEMENTS[rule.kind](cutoff(rule, now))
    const result = await pg.raw(sql, bindings)
    counts[rule.kind] =
      rule.action === "review" || COUNTED_BY_SELECT.has(rule.kind)
        ? Number(result.rows[0]?.n ?? 0)
        : (result.rowCount ?? 0)
  }
  counts[STORED_FILES_COUNT] = await purgeStoredFiles(container, pg)
  const ran_at = now.toISOString()
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`数据保留期清理完成：${JSON.stringify(counts)}`)
  await container.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE).createAuditEntries({
    actor_id: "system",
    action: RETENTION_RUN_ACTION,
    method: "JOB",
    path: "retention-sweep",
    status: 200,
    details: { ran_at, counts },
  })
  return { ran_at, counts }
}
