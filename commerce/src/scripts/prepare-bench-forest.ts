import { readFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * For bench/affiliate-forest.mjs: a referral forest of N made-up members (each refers
 * to a random earlier one, so chains run deep), written with one SQL statement, and
 * the given real buyers bound below its deepest members.
 *   npx medusa exec ./src/scripts/prepare-bench-forest.ts 100000 buyers.json
 */
export default async function prepareBenchForest({ container, args }: ExecArgs) {
  const members = Number(args[0] ?? 100_000)
  const buyers: string[] = args[1] ? JSON.parse(readFileSync(args[1], "utf8")) : []
  if (!Number.isInteger(members) || members < 10) throw new Error("用法：<会员数> <买家 JSON 文件>")
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const run = Date.now().toString(36).toUpperCase()
  await knex.raw(
    `insert into affiliate (id, customer_id, code, status, referrer_id, bound_at, created_at, updated_at)
     select 'aff_bf' || ? || '_' || n, 'cus_bf' || ? || '_' || n, 'F' || ? || n, 'distributor',
            case when n > 50 then 'aff_bf' || ? || '_' || (1 + floor(random() * (n - 1)))::int end,
            now(), now(), now()
     from generate_series(1, ?) as n`,
    [run, run, run, run, members]
  )
  // The deepest chains: buyers bound there make the commission walk its full length.
  const deepest = await knex.raw(
    `with recursive up as (
       select id, referrer_id, 0 as depth, id as leaf from affiliate
        where id in (select id from affiliate where id like ? order by id desc limit 2000)
       union all
       select a.id, a.referrer_id, up.depth + 1, up.leaf from affiliate a join up on a.id = up.referrer_id
     ) select leaf, max(depth) as depth from up group by leaf order by depth desc limit ?`,
    [`aff_bf${run}_%`, Math.max(buyers.length, 1)]
  )
  for (const [index, customerId] of buyers.entries()) {
    const referrer = deepest.rows[index % deepest.rows.length].leaf
    const bound = await knex.raw(
      "update affiliate set referrer_id = ?, bound_at = now() where customer_id = ? and deleted_at is null",
      [referrer, customerId]
    )
    if (bound.rowCount === 0) {
      await knex.raw(
        `insert into affiliate (id, customer_id, code, status, referrer_id, bound_at, created_at, updated_at)
         values (?, ?, ?, 'member', ?, now(), now(), now())`,
        [`aff_bb${run}_${index}`, customerId, `B${run}${index}`, referrer]
      )
    }
  }
  console.log(
    `${members} 名会员的推荐森林已生成（最深链 ${deepest.rows[0]?.depth ?? 0} 级），${buyers.length} 名买家已绑定`
  )
}
