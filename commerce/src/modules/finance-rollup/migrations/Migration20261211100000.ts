import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The two reads still raw at a million orders (#18 item 7):
 *
 * - 分销核算 over the current month (or any period cut mid-month) read every ledger line after
 *   the last rolled-up month. `finance_affiliate_daily_rollup` holds each Beijing day's ledger
 *   figures per affiliate (the day's own lines, not running totals), kept by the day rollup's
 *   refresh in the same transaction and under the same day marks (the ledger's trigger marks
 *   its days already), so only today's lines (and a dirty day's) are read raw.
 * - The member breakdown and member totals read today whole from the raw tables.
 *   `finance_member_hourly_rollup` holds each finished hour of yesterday and today in the
 *   member day rollup's shape, kept with the hourly rollup under the same hour marks.
 *
 * Days already rolled up get their ledger rows here, from the ledger itself (the clean days'
 * lines are what a refresh would sum); hours already rolled up are marked dirty instead (at
 * most two days of hours, recomputed by the next run).
 */
export class Migration20261211100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "finance_affiliate_daily_rollup" (
      "day" date not null,
      "affiliate_id" text not null,
      "accrued" bigint not null,
      "reversed" bigint not null,
      "matured" bigint not null,
      "withdrawn" bigint not null,
      "pending" bigint not null,
      "available" bigint not null);`)
    // Read index-only by day range (the month so far), every figure in the index.
    this.addSql(`create index if not exists "IDX_finance_affiliate_daily_rollup_day_covering"
      on "finance_affiliate_daily_rollup" ("day", "affiliate_id")
      include ("accrued", "reversed", "matured", "withdrawn", "pending", "available");`)
    this.addSql(`do $$ begin
      if to_regclass('affiliate_ledger_entry') is not null then
        execute $fill$
          insert into finance_affiliate_daily_rollup
            (day, affiliate_id, accrued, reversed, matured, withdrawn, pending, available)
          select (e.created_at at time zone 'Asia/Shanghai')::date, e.affiliate_id,
                 coalesce(sum(e.amount) filter (where e.kind = 'commission'), 0),
                 coalesce(sum(e.amount) filter (where e.kind = 'reversal'), 0),
                 coalesce(sum(e.amount) filter (where e.kind = 'maturation' and e.bucket = 'available'), 0),
                 coalesce(sum(e.amount) filter (where e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'), 0),
                 coalesce(sum(e.amount) filter (where e.bucket = 'pending'), 0),
                 coalesce(sum(e.amount) filter (where e.bucket = 'available'), 0)
            from affiliate_ledger_entry e
            join finance_rollup_day d
              on d.id = to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
             and d.refreshed_at is not null and d.dirty_at is null
           where e.deleted_at is null
             and not exists (select 1 from finance_affiliate_daily_rollup)
           group by 1, 2
        $fill$;
      end if;
    end $$;`)
    this.addSql(`analyze "finance_affiliate_daily_rollup";`)

    this.addSql(`create table if not exists "finance_member_hourly_rollup" (
      "hour" timestamptz not null,
      "member_id" text null,
      "method" text null,
      "channel" text null,
      "order_status" text null,
      "orders" bigint not null,
      "paid" bigint not null,
      "refunded" bigint not null,
      "store_credit" bigint not null,
      "commissions" bigint not null,
      "payouts" bigint not null);`)
    this.addSql(`create index if not exists "IDX_finance_member_hourly_rollup_hour"
      on "finance_member_hourly_rollup" ("hour");`)
    this.addSql(
      `update "finance_rollup_hour" set "dirty_at" = now() where "refreshed_at" is not null and "dirty_at" is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance_member_hourly_rollup";`)
    this.addSql(`drop table if exists "finance_affiliate_daily_rollup";`)
  }
}
