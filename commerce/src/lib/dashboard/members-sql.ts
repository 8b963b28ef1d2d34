import type { DashboardQueryType } from "./dashboard-query"
import { MEMBER_CHANNEL_LABELS, type MemberChannel } from "./dashboard-labels"
import { bounds, type Knex } from "./period-bounds"

/** Members (customers with an account) who registered in the period, per channel. */
const MEMBERS_SQL = `
select case c.metadata->>'signup_method'
         when 'wechat' then 'mini_program' when 'phone' then 'phone' else 'web' end channel,
       count(*)::bigint members
  from customer c
 where c.deleted_at is null and c.has_account
   and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
 group by 1 order by 2 desc, 1`

export async function newMembersByChannel(knex: Knex, q: DashboardQueryType) {
  const { rows } = await knex.raw(MEMBERS_SQL, bounds(q))
  return rows.map((r) => ({
    channel: r.channel as MemberChannel,
    label: MEMBER_CHANNEL_LABELS[r.channel as MemberChannel],
    members: Number(r.members),
  }))
}
