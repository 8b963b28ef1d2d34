import { rawRowsCtes } from "./finance-summary-sql"

/** The Beijing day a raw row falls on. */
export const ROW_DAY = `(happened_at at time zone 'Asia/Shanghai')::date`

/** The Beijing hour a raw row falls in, as its first instant. */
export const ROW_HOUR = `(date_trunc('hour', happened_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`

/**
 * A run's rows of the day or hour rollup, split over products as the product breakdown
 * splits an order's money, or not (products left out, an order counts once). Bindings:
 * `financeBindings` of the run.
 */
export function rollupRowsSql(
  table: "finance_daily_rollup" | "finance_hourly_rollup",
  split: boolean
) {
  const [column, at] = table === "finance_daily_rollup" ? ["day", ROW_DAY] : ["hour", ROW_HOUR]
  return `with ${rawRowsCtes(split)}
    insert into ${table}
      (${column}, split, metric, product_id, product_label, method, channel, order_status, amount, rows)
    select ${at}, ${split}, metric, ${split ? "product_id, max(product_label)" : "null, null"}, method,
           channel, order_status, sum(amount)::bigint, count(*)
      from raw_rows
     group by ${at}, metric, ${split ? "product_id, " : ""}method, channel, order_status`
}

const FIGURE_COLUMNS = ["orders", "paid", "refunded", "store_credit", "commissions", "payouts"]

/**
 * A run of days' or hours' unsplit rows, as the raw queries compute them without filters, in
 * one statement over the run's raw rows (computed once): the member rollup (figures as
 * columns per day or hour × member × method × channel × order status) and the day or hour
 * rollup's unsplit rows (products left out, an order counts once). Bindings:
 * `financeBindings` of the run.
 */
export function unsplitRollupSql(period: "day" | "hour") {
  const [at, column, member, rollup] =
    period === "day"
      ? [ROW_DAY, "day", "finance_member_daily_rollup", "finance_daily_rollup"]
      : [ROW_HOUR, "hour", "finance_member_hourly_rollup", "finance_hourly_rollup"]
  return `with ${rawRowsCtes(false)},
    member_rows as (
      insert into ${member}
        (${column}, member_id, method, channel, order_status, ${FIGURE_COLUMNS.join(", ")})
      select ${at}, member_id, method, channel, order_status,
             ${FIGURE_COLUMNS.map(
               (figure) => `coalesce(sum(amount) filter (where metric = '${figure}'), 0)::bigint`
             ).join(", ")}
        from raw_rows
       group by ${at}, member_id, method, channel, order_status
      returning 1
    )
    insert into ${rollup}
      (${column}, split, metric, product_id, product_label, method, channel, order_status, amount, rows)
    select ${at}, false, metric, null, null, method, channel, order_status,
           sum(amount)::bigint, count(*)
      from raw_rows
     group by ${at}, metric, method, channel, order_status`
}
