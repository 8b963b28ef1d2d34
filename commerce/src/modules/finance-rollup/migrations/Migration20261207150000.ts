import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The member breakdown of a month summed 100,000 member-day rows before it could pick its
 * top members (#18 item 7): the member monthly rollup holds each Beijing month's figures per
 * member (every payment method, channel and order status together), summed from its days'
 * member rows by the same refresh in the same transaction. Its index is the breakdown's
 * order (money paid, then member), so a month's page is read straight from it and its count
 * is the month's rows. Filled here from the days already rolled up.
 */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "finance_member_monthly_rollup" (
      "month" date not null,
      "member_id" text null,
      "orders" bigint not null,
      "paid" bigint not null,
      "refunded" bigint not null,
      "store_credit" bigint not null,
      "commissions" bigint not null,
      "payouts" bigint not null);`)
    this.addSql(`create index if not exists "IDX_finance_member_monthly_rollup_month_paid_member"
      on "finance_member_monthly_rollup" ("month", "paid" desc, "member_id")
      include ("orders", "refunded", "store_credit", "commissions", "payouts");`)
    this.addSql(`insert into "finance_member_monthly_rollup"
      (month, member_id, orders, paid, refunded, store_credit, commissions, payouts)
      select date_trunc('month', day)::date, member_id, sum(orders)::bigint, sum(paid)::bigint,
             sum(refunded)::bigint, sum(store_credit)::bigint, sum(commissions)::bigint,
             sum(payouts)::bigint
        from "finance_member_daily_rollup"
       where not exists (select 1 from "finance_member_monthly_rollup")
       group by 1, member_id;`)
    // Planned from real counts at once (the job vacuums it after its next refresh).
    this.addSql(`analyze "finance_member_monthly_rollup";`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance_member_monthly_rollup";`)
  }
}
