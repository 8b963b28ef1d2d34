import { z } from "@medusajs/framework/zod"
import { normalizeCnMobile } from "../phone/normalize-cn-mobile"

const names = z.array(z.string().trim().min(1).max(100)).max(500).optional()

/**
 * Who a marketing push reaches. Every filter given must hold (AND); within one filter any
 * value will do (OR). No filter at all, or `all: true`, is every member with an account.
 * `tags` and `constitution_types` are member tags (lib/push/member-tags.ts: qixu, tanshi,
 * age groups, test categories…), worked out from records that are stored encrypted, so
 * they are checked per member after the SQL narrowed the candidates.
 */
export const AudienceFilter = z.object({
  all: z.boolean().optional(),
  tags: names,
  constitution_types: names,
  age_groups: z
    .array(z.enum(["children", "age-18-35", "age-36-55", "seniors"]))
    .max(4)
    .optional(),
  provinces: names,
  cities: names,
  customer_group_ids: names,
  purchased_product_ids: names,
  /** An uploaded list: member phones (any common notation) or customer ids. */
  phones: z.array(z.string().max(30)).max(10_000).optional(),
  customer_ids: z.array(z.string().max(100)).max(10_000).optional(),
})

export type AudienceFilter = z.infer<typeof AudienceFilter>

/** Ages by group, as member-tags.ts counts them: [from, to] whole years, inclusive. */
const AGE_BOUNDS: Record<string, [number, number]> = {
  children: [0, 17],
  "age-18-35": [18, 35],
  "age-36-55": [36, 55],
  seniors: [56, 200],
}

/** The member tags a member must have one of, per tag filter given (each must hold). */
export function tagRequirements(filter: AudienceFilter): string[][] {
  return [filter.tags, filter.constitution_types].filter(
    (list): list is string[] => !!list && list.length > 0
  )
}

export type AudienceSql = { where: string; bindings: unknown[] }

/**
 * The SQL part of the audience: a `where` over `customer c` (with knex `?` bindings) that
 * Postgres answers from indexed tables: addresses, groups, orders, the birth date in the
 * member's metadata and the uploaded list.
 */
export function audienceSql(filter: AudienceFilter): AudienceSql {
  const where = ["c.deleted_at is null", "c.has_account = true"]
  const bindings: unknown[] = []
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause)
    bindings.push(...values)
  }
  const address = (column: "province" | "city", values: string[]) =>
    add(
      `exists (select 1 from customer_address a where a.customer_id = c.id
         and a.deleted_at is null and (a.${column} = any(?) or regexp_replace(a.${column}, '(省|市|自治区|地区|盟)$', '') = any(?)))`,
      values,
      values.map((value) => value.replace(/(省|市|自治区|地区|盟)$/, ""))
    )
  if (filter.provinces?.length) address("province", filter.provinces)
  if (filter.cities?.length) address("city", filter.cities)
  if (filter.customer_group_ids?.length) {
    add(
      `exists (select 1 from customer_group_customer g where g.customer_id = c.id
         and g.deleted_at is null and g.customer_group_id = any(?))`,
      filter.customer_group_ids
    )
  }
  if (filter.purchased_product_ids?.length) {
    add(
      `exists (select 1 from "order" o
         join order_item oi on oi.order_id = o.id and oi.deleted_at is null
         join order_line_item li on li.id = oi.item_id and li.deleted_at is null
         where o.customer_id = c.id and o.deleted_at is null and o.status <> 'canceled'
           and li.product_id = any(?))`,
      filter.purchased_product_ids
    )
  }
  if (filter.age_groups?.length) {
    const age = `(case when c.metadata->>'birth_date' ~ '^\\d{4}-\\d{2}-\\d{2}$'
      then date_part('year', age((now() at time zone 'Asia/Shanghai')::date,
        (c.metadata->>'birth_date')::date)) end)`
    const ranges = filter.age_groups.map(() => `${age} between ? and ?`)
    add(`(${ranges.join(" or ")})`, ...filter.age_groups.flatMap((group) => AGE_BOUNDS[group]))
  }
  const listed: string[] = []
  const phones = (filter.phones ?? []).map(normalizeCnMobile).filter(Boolean) as string[]
  if (phones.length) listed.push("c.phone = any(?)")
  if (filter.customer_ids?.length) listed.push("c.id = any(?)")
  if (filter.phones?.length || filter.customer_ids?.length) {
    // An uploaded list whose entries are all unusable matches nobody, not everybody.
    if (!listed.length) where.push("false")
    else {
      where.push(`(${listed.join(" or ")})`)
      if (phones.length) bindings.push(phones)
      if (filter.customer_ids?.length) bindings.push(filter.customer_ids)
    }
  }
  return { where: where.join(" and "), bindings }
}
