import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  audienceSql,
  tagRequirements,
  type AudienceFilter,
} from "../../lib/marketing/audience-filter"
import { maskCnMobile } from "../../lib/phone/normalize-cn-mobile"
import { loadMemberTags, type PushRecipient } from "../article-push/load-member-tags"

type Knex = {
  raw<T = unknown>(sql: string, bindings?: unknown[]): Promise<{ rows: T[] }>
}

const knexOf = (container: MedusaContainer) =>
  container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

/** Ids of the members the SQL part of the audience matches, after `after`, in id order. */
export async function audienceCandidates(
  container: MedusaContainer,
  filter: AudienceFilter,
  { after = null, take }: { after?: string | null; take: number }
): Promise<string[]> {
  const { where, bindings } = audienceSql(filter)
  const { rows } = await knexOf(container).raw<{ id: string }>(
    `select c.id from customer c where ${where} ${after ? "and c.id > ?" : ""}
     order by c.id limit ?`,
    [...bindings, ...(after ? [after] : []), take]
  )
  return rows.map((row) => row.id)
}

/**
 * The candidates that are in the audience, with what delivery needs (phone, opt-outs).
 * The SQL part is checked again (a member may have moved or left since the batch was
 * made); tag filters (constitution types, member tags) are checked against each member's
 * tags, worked out from their latest constitution result, orders and reports.
 */
export async function audienceMembers(
  container: MedusaContainer,
  filter: AudienceFilter,
  candidateIds: string[]
): Promise<PushRecipient[]> {
  if (!candidateIds.length) return []
  const { where, bindings } = audienceSql(filter)
  const { rows } = await knexOf(container).raw<{ id: string }>(
    `select c.id from customer c where ${where} and c.id = any(?)`,
    [...bindings, candidateIds]
  )
  const members = await loadMemberTags(
    container,
    rows.map((row) => row.id)
  )
  const requirements = tagRequirements(filter)
  return members
    .filter((member) => requirements.every((anyOf) => anyOf.some((t) => member.tags.includes(t))))
    .map(({ id, phone, preferences }) => ({ id, phone, preferences }))
}

export type AudienceSample = { id: string; name: string; phone: string | null }
export type AudiencePreview = { count: number; sample: AudienceSample[]; exact_by_sql: boolean }

const PREVIEW_PAGE = 500

/**
 * How many members a push would reach now, and a few of them. Without tag filters this is
 * one SQL count; with them the SQL-narrowed candidates are checked page by page.
 */
export async function previewAudience(
  container: MedusaContainer,
  filter: AudienceFilter,
  sampleSize = 5
): Promise<AudiencePreview> {
  const knex = knexOf(container)
  const { where, bindings } = audienceSql(filter)
  let count: number
  let sampleIds: string[]
  if (!tagRequirements(filter).length) {
    const { rows } = await knex.raw<{ count: number }>(
      `select count(*)::int as count from customer c where ${where}`,
      bindings
    )
    count = rows[0].count
    sampleIds = await audienceCandidates(container, filter, { take: sampleSize })
  } else {
    count = 0
    sampleIds = []
    let after: string | null = null
    for (;;) {
      const ids = await audienceCandidates(container, filter, { after, take: PREVIEW_PAGE })
      if (!ids.length) break
      const members = await audienceMembers(container, filter, ids)
      count += members.length
      for (const m of members) if (sampleIds.length < sampleSize) sampleIds.push(m.id)
      if (ids.length < PREVIEW_PAGE) break
      after = ids[ids.length - 1]
    }
  }
  if (!sampleIds.length) return { count, sample: [], exact_by_sql: !tagRequirements(filter).length }
  const { rows } = await knex.raw<{
    id: string
    first_name: string | null
    last_name: string | null
    phone: string | null
  }>(`select id, first_name, last_name, phone from customer where id = any(?) order by id`, [
    sampleIds,
  ])
  return {
    count,
    exact_by_sql: !tagRequirements(filter).length,
    sample: rows.map((row) => ({
      id: row.id,
      name: `${row.last_name ?? ""}${row.first_name ?? ""}` || "会员",
      phone: row.phone ? maskCnMobile(row.phone) : null,
    })),
  }
}
