import { rawRowsCtes } from "./finance-summary-sql"

/** The Beijing day a raw row falls on. */
export const ROW_DAY = `(happened_at at time zone 'Asia/Shanghai')::date`

/** The Beijing hour a raw row falls in, as its first instant. */
const ROW_HOUR = `(date_trunc('hour', happened_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`

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
