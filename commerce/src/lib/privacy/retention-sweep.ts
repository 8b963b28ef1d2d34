import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"
import { RETENTION_POLICY, type RetentionRule } from "./retention-policy"

type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rowCount?: number; rows: { n?: number }[] }>
}

/** The audit action of a sweep; its details hold the counts (the admin's 「上次执行」). */
export const RETENTION_RUN_ACTION = "privacy.retention.run"

/**
 * One statement per kind, each touching only rows past the cutoff that it has not touched
 * before: a second run the same day changes nothing (idempotent). Retention spans the modules'
 * tables on purpose: it is the one job whose subject is every table holding personal data.
 */
const STATEMENTS: Record<string, string> = {
  escort_message: `update escort_message
      set text_ciphertext = null, key_id = null, image_upload_id = null, updated_at = now()
    where created_at < ? and (text_ciphertext is not null or image_upload_id is not null)`,
  escort_location_point: `update escort_booking_event set location = null, updated_at = now()
    where created_at < ? and location is not null`,
  escort_step_photo: `update escort_upload set deleted_at = now(), updated_at = now()
    where created_at < ? and deleted_at is null`,
  escort_service_report: `update escort_service_report
      set payload_ciphertext = '', document_upload_ids = '[]'::jsonb, deleted_at = now(),
          updated_at = now()
    where created_at < ? and deleted_at is null`,
  identity_verification_person_served: `update identity_verification
      set name = left(name, 1) || '*', id_number_ciphertext = '', id_number_key_id = '',
          updated_at = now()
    where created_at < ? and subject_type = 'escort_booking_person' and id_number_ciphertext <> ''`,
  audit_log: `select count(*)::int as n from audit_entry where created_at < ?`,
}

export type RetentionCounts = Record<string, number>

const cutoff = (rule: RetentionRule, now: Date) =>
  new Date(now.getTime() - rule.period_days * 24 * 3_600_000)

/**
 * Deletes or anonymises every record past its period (retention-policy.ts), logs the counts
 * and appends them to the audit log, where the admin reads the last run.
 */
export async function runRetentionSweep(
  container: MedusaContainer,
  now = new Date()
): Promise<{ ran_at: string; counts: RetentionCounts }> {
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const counts: RetentionCounts = {}
  for (const rule of RETENTION_POLICY) {
    const result = await pg.raw(STATEMENTS[rule.kind], [cutoff(rule, now)])
    counts[rule.kind] =
      rule.action === "review" ? Number(result.rows[0]?.n ?? 0) : (result.rowCount ?? 0)
  }
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
