import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The reports that still read the raw tables at a million orders (#18 item 7): the member
 * breakdown gets a per-day-per-member rollup, 分销核算 a per-month-per-affiliate rollup of the
 * ledger in running totals (a balance sums every line before the period, which a day rollup
 * would not shrink), and the day rollup a covering index so a year is read index-only.
 * Ledger lines and paid withdrawals now mark their days (and the ledger its month) dirty
 * too, and an order's buyer changing marks its days, since the member rollup is keyed by it.
 */
export class Migration20261207120000 extends Migration {
  override async up(): Promise<void> {
    // One row per Beijing day × member × method × channel × order status, its figures as
    // columns (a member has about one order a day, so rows of figures would not fold).
    this.addSql(`create table if not exists "finance_member_daily_rollup" (
      "day" date not null,
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
    this.addSql(
      `create index if not exists "IDX_finance_member_daily_rollup_day" on "finance_member_daily_rollup" ("day");`
    )
    this.addSql(
      `create index if not exists "IDX_finance_member_daily_rollup_member_day" on "finance_member_daily_rollup" ("member_id", "day");`
    )

    // Days rolled up before this migration have no member rows: recompute them (the finance
    // queue does; until then they are read raw).
    this.addSql(
      `update "finance_rollup_day" set "dirty_at" = now() where "refreshed_at" is not null and "dirty_at" is null;`
    )

    // 分销核算's months: like finance_rollup_day, a month is read from the rollup only while
    // refreshed and not dirty.
    this.addSql(`create table if not exists "finance_rollup_month" (
      "id" text not null primary key,
      "refreshed_at" timestamptz null,
      "dirty_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now());`)
    // Per Beijing month × affiliate: every figure and bucket summed over the ledger up to the
    // month's end (running totals), so any period is two months' rows apart, whatever its
    // length, plus the raw lines after the last rolled-up month.
    this.addSql(`create table if not exists "finance_affiliate_monthly_rollup" (
      "month" date not null,
      "affiliate_id" text not null,
      "accrued" bigint not null,
      "reversed" bigint not null,
      "matured" bigint not null,
      "withdrawn" bigint not null,
      "pending" bigint not null,
      "available" bigint not null);`)
    this.addSql(
      `create index if not exists "IDX_finance_affiliate_monthly_rollup_month" on "finance_affiliate_monthly_rollup" ("month", "affiliate_id");`
    )
    this.addSql(
      `create index if not exists "IDX_finance_affiliate_monthly_rollup_affiliate" on "finance_affiliate_monthly_rollup" ("affiliate_id", "month");`
    )

    // The day rollup read index-only: every column a report reads is in the index.
    this.addSql(`create index if not exists "IDX_finance_daily_rollup_split_day_covering"
      on "finance_daily_rollup" ("split", "day")
      include ("metric", "product_id", "product_label", "method", "channel", "order_status", "amount");`)
    this.addSql(`drop index if exists "IDX_finance_daily_rollup_split_day";`)

    this.addSql(`create or replace function finance_rollup_mark_months(months date[]) returns void
      language plpgsql as $$
      begin
        insert into finance_rollup_month (id, dirty_at)
        select distinct to_char(m, 'YYYY-MM'), now() from unnest(months) m
         where m is not null and m < date_trunc('month', (now() at time zone 'Asia/Shanghai'))::date
         order by 1
        on conflict (id) do update set dirty_at = coalesce(finance_rollup_month.dirty_at, excluded.dirty_at);
      end $$;`)
    this.addSql(`create or replace function finance_rollup_touch_affiliate() returns trigger
      language plpgsql as $$
      declare
        bj constant text := 'Asia/Shanghai';
        new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
        old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
        at_new date;
        at_old date;
      begin
        if tg_table_name = 'affiliate_withdrawal' then
          at_new := ((new_row ->> 'paid_at')::timestamptz at time zone bj)::date;
          at_old := ((old_row ->> 'paid_at')::timestamptz at time zone bj)::date;
          perform finance_rollup_mark(array[at_new, at_old]);
          return null;
        end if;
        at_new := ((new_row ->> 'created_at')::timestamptz at time zone bj)::date;
        at_old := ((old_row ->> 'created_at')::timestamptz at time zone bj)::date;
        perform finance_rollup_mark(array[at_new, at_old]);
        perform finance_rollup_mark_months(array[date_trunc('month', at_new)::date, date_trunc('month', at_old)::date]);
        return null;
      end $$;`)
    this.addSql(`do $$ begin
      if to_regclass('affiliate_ledger_entry') is not null then
        drop trigger if exists "affiliate_ledger_entry_finance_rollup" on "affiliate_ledger_entry";
        create trigger "affiliate_ledger_entry_finance_rollup" after insert or update or delete
          on "affiliate_ledger_entry" for each row execute function finance_rollup_touch_affiliate();
        -- 分销核算 read raw (this month, a dirty month) scans a stretch of the ledger by
        -- time: every column it sums is in the index.
        create index if not exists "IDX_affiliate_ledger_entry_created_at_accounting_finance"
          on "affiliate_ledger_entry" ("created_at") include ("affiliate_id", "kind", "bucket", "amount")
          where "deleted_at" is null;
        drop index if exists "IDX_affiliate_ledger_entry_created_at_finance";
      end if;
      if to_regclass('affiliate_withdrawal') is not null then
        drop trigger if exists "affiliate_withdrawal_finance_rollup" on "affiliate_withdrawal";
        create trigger "affiliate_withdrawal_finance_rollup" after insert or update or delete
          on "affiliate_withdrawal" for each row execute function finance_rollup_touch_affiliate();
      end if;
    end $$;`)

    // The member rollup is keyed by the buyer: a changed buyer marks the order's days too.
    this.addSql(`drop trigger if exists "order_finance_rollup" on "order";`)
    this.addSql(`create trigger "order_finance_rollup" after update on "order" for each row
      when ((old.status, old.version, old.deleted_at, old.canceled_at, old.is_draft_order, old.created_at, old.customer_id)
            is distinct from (new.status, new.version, new.deleted_at, new.canceled_at, new.is_draft_order, new.created_at, new.customer_id))
      execute function finance_rollup_touch();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "order_finance_rollup" on "order";`)
    this.addSql(`create trigger "order_finance_rollup" after update on "order" for each row
      when ((old.status, old.version, old.deleted_at, old.canceled_at, old.is_draft_order, old.created_at)
            is distinct from (new.status, new.version, new.deleted_at, new.canceled_at, new.is_draft_order, new.created_at))
      execute function finance_rollup_touch();`)
    this.addSql(`do $$ begin
      if to_regclass('affiliate_ledger_entry') is not null then
        drop trigger if exists "affiliate_ledger_entry_finance_rollup" on "affiliate_ledger_entry";
        create index if not exists "IDX_affiliate_ledger_entry_created_at_finance"
          on "affiliate_ledger_entry" ("created_at") include ("kind", "amount") where "deleted_at" is null;
        drop index if exists "IDX_affiliate_ledger_entry_created_at_accounting_finance";
      end if;
      if to_regclass('affiliate_withdrawal') is not null then
        drop trigger if exists "affiliate_withdrawal_finance_rollup" on "affiliate_withdrawal";
      end if;
    end $$;`)
    this.addSql(`drop function if exists finance_rollup_touch_affiliate();`)
    this.addSql(`drop function if exists finance_rollup_mark_months(date[]);`)
    this.addSql(
      `create index if not exists "IDX_finance_daily_rollup_split_day" on "finance_daily_rollup" ("split", "day");`
    )
    this.addSql(`drop index if exists "IDX_finance_daily_rollup_split_day_covering";`)
    this.addSql(`drop table if exists "finance_affiliate_monthly_rollup";`)
    this.addSql(`drop table if exists "finance_rollup_month";`)
    this.addSql(`drop table if exists "finance_member_daily_rollup";`)
  }
}
