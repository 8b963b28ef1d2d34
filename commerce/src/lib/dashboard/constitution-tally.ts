import type { ConstitutionCode } from "@health/contracts"
import type { FieldCipher } from "../crypto/field-cipher"
import type { DashboardQueryType } from "./dashboard-query"
import { CONSTITUTION_NAMES } from "./dashboard-labels"
import { bounds, type Knex } from "./period-bounds"

/**
 * Identifications made in the period. Their type is sealed health data (FieldCipher), so
 * SQL can only select the period's rows; the tally happens here, and only counts leave.
 */
const ASSESSMENTS_SQL = `
select a.key_id, a.payload_ciphertext from constitution_assessment a
 where a.deleted_at is null and a.created_at >= ?::timestamptz and a.created_at < ?::timestamptz`

export async function constitutionDistribution(
  knex: Knex,
  q: DashboardQueryType,
  cipher: FieldCipher
) {
  const { rows } = await knex.raw(ASSESSMENTS_SQL, bounds(q))
  const counts = new Map<string, number>()
  for (const row of rows) {
    const { primary } = cipher.openJson<{ primary: string }>({
      key_id: String(row.key_id),
      ciphertext: String(row.payload_ciphertext),
    })
    counts.set(primary, (counts.get(primary) ?? 0) + 1)
  }
  return [...counts]
    .map(([type, assessments]) => ({
      type,
      label: CONSTITUTION_NAMES[type as ConstitutionCode] ?? type,
      assessments,
    }))
    .sort((a, b) => b.assessments - a.assessments || a.type.localeCompare(b.type))
}
