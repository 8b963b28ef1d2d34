import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A year by product or category read 365 days of split rows (#18 item 7): the monthly
 * rollup holds each Beijing month's split rows summed from its days' (kept by the same
 * refresh, in the same transaction), so such a year reads twelve months and the days at
 * either end. Filled here from the days already rolled up.
 */
export class Migration20261208030100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "finance_monthly_rollup" (
      "month" date not null,
      "split" boolean not null,
      "metric" text not null,
      "product_id" text null,
      "product_label" text null,
      "method" text null,
      "channel" text null,
      "order_status" text null,
      "amount" bigint not null,
      "rows" bigint not null);`)
    // Read index-only, like the day rollup.
    this.addSql(`create index if not exists "IDX_finance_monthly_rollup_split_month_covering"
      on "finance_monthly_rollup" ("split", "month")
      include ("metric", "product_id", "product_label", "method", "channel", "order_status", "amount");`)
    this.addSql(`insert into "finance_monthly_rollup"
      (month, split, metric, product_id, product_label, method, channel, order_status, amount, rows)
      select date_trunc('month', day)::date, true, metric, product_id, max(product_label), method,
             channel, order_status, sum(amount)::bigint, sum(rows)::bigint
        from "finance_daily_rollup"
       where split and not exists (select 1 from "finance_monthly_rollup")
       group by 1, metric, product_id, method, channel, order_status;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance_monthly_rollup";`)
  }
}
