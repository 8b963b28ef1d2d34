import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * 财务统计 at volume (#18 item 7): the per-day rollup, the triggers that mark a past day
 * dirty when its money changes, and the created_at indexes the reports' period scans need
 * on Medusa's and the affiliate plugin's tables (they have none). Index names carry
 * `finance` so they never clash with the owners' own.
 */
export class Migration20261206172000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "finance_rollup_day" (
      "id" text not null primary key,
      "refreshed_at" timestamptz null,
      "dirty_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null);`)
    // One row per Beijing day × split × figure × product × method × channel × order status.
    // split = false rows leave products out (an order counts once); split = true rows hold
    // each order's money split over its products, as the product breakdown does.
    this.addSql(`create table if not exists "finance_daily_rollup" (
      "day" date not null,
      "split" boolean not null,
      "metric" text not null,
      "product_id" text null,
      "product_label" text null,
      "method" text null,
      "channel" text null,
      "order_status" text null,
      "amount" bigint not null,
      "rows" bigint not null);`)
    this.addSql(
      `create index if not exists "IDX_finance_daily_rollup_split_day" on "finance_daily_rollup" ("split", "day");`
    )

    this.addSql(
      `create index if not exists "IDX_order_created_at_finance" on "order" ("created_at") where "deleted_at" is null;`
    )
    this.addSql(
      `create index if not exists "IDX_capture_created_at_finance" on "capture" ("created_at") where "deleted_at" is null;`
    )
    this.addSql(
      `create index if not exists "IDX_refund_created_at_finance" on "refund" ("created_at") where "deleted_at" is null;`
    )
    // The affiliate plugin's tables exist when its migrations ran first (they do in the
    // app's order); the reports work without these indexes, only slower.
    this.addSql(`do $$ begin
      if to_regclass('affiliate_ledger_entry') is not null then
        create index if not exists "IDX_affiliate_ledger_entry_created_at_finance"
          on "affiliate_ledger_entry" ("created_at") include ("kind", "amount") where "deleted_at" is null;
      end if;
      if to_regclass('affiliate_withdrawal') is not null then
        create index if not exists "IDX_affiliate_withdrawal_paid_at_finance"
          on "affiliate_withdrawal" ("paid_at") where "deleted_at" is null and "status" = 'paid';
      end if;
    end $$;`)

    // Marks past Beijing days dirty (today is never rolled up, so it needs no mark). The
    // upsert takes the day's row lock, which a refresh holds while it recomputes the day:
    // a change either lands before the refresh reads, or marks the day again after it.
    this.addSql(`create or replace function finance_rollup_mark(days date[]) returns void
      language plpgsql as $$
      begin
        insert into finance_rollup_day (id, dirty_at)
        select distinct d::text, now() from unnest(days) d
         where d is not null and d < (now() at time zone 'Asia/Shanghai')::date
         order by 1
        on conflict (id) do update set dirty_at = coalesce(finance_rollup_day.dirty_at, excluded.dirty_at);
      end $$;`)
    // Every Beijing day an order's figures fall on: the order, its captures, refunds and
    // ledger lines (its status, products and first payment colour all of them).
    this.addSql(`create or replace function finance_rollup_order_days(the_order text) returns date[]
      language plpgsql stable as $$
      declare days date[];
      begin
        select array_agg(distinct (t at time zone 'Asia/Shanghai')::date) into days from (
          select o.created_at as t from "order" o where o.id = the_order
          union all
          select c.created_at from order_payment_collection opc
            join payment p on p.payment_collection_id = opc.payment_collection_id
            join capture c on c.payment_id = p.id
           where opc.order_id = the_order
          union all
          select r.created_at from order_payment_collection opc
            join payment p on p.payment_collection_id = opc.payment_collection_id
            join refund r on r.payment_id = p.id
           where opc.order_id = the_order
          union all
          select e.created_at from affiliate_ledger_entry e where e.order_id = the_order
        ) x;
        return days;
      end $$;`)
    this.addSql(`create or replace function finance_rollup_touch() returns trigger
      language plpgsql as $$
      declare
        bj constant text := 'Asia/Shanghai';
        new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
        old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
        orders text[];
      begin
        if tg_table_name in ('capture', 'refund') then
          perform finance_rollup_mark(array[
            ((new_row ->> 'created_at')::timestamptz at time zone bj)::date,
            ((old_row ->> 'created_at')::timestamptz at time zone bj)::date]);
          return null;
        end if;
        if tg_table_name = 'order' then
          orders := array[coalesce(new_row ->> 'id', old_row ->> 'id')];
          perform finance_rollup_mark(array[((old_row ->> 'created_at')::timestamptz at time zone bj)::date]);
        elsif tg_table_name in ('order_item', 'order_credit_line') then
          orders := array[new_row ->> 'order_id', old_row ->> 'order_id'];
        elsif tg_table_name = 'payment' then
          select array_agg(opc.order_id) into orders from order_payment_collection opc
           where opc.payment_collection_id in (new_row ->> 'payment_collection_id', old_row ->> 'payment_collection_id');
        end if;
        perform finance_rollup_mark(finance_rollup_order_days(o)) from unnest(orders) o where o is not null;
        return null;
      end $$;`)
    for (const table of ["capture", "refund", "order_item", "order_credit_line", "payment"]) {
      this.addSql(`drop trigger if exists "${table}_finance_rollup" on "${table}";`)
      this.addSql(
        `create trigger "${table}_finance_rollup" after insert or update or delete on "${table}" for each row execute function finance_rollup_touch();`
      )
    }
    // An order's own row matters for what the reports read of it, not for every touch.
    this.addSql(`drop trigger if exists "order_finance_rollup" on "order";`)
    this.addSql(`create trigger "order_finance_rollup" after update on "order" for each row
      when ((old.status, old.version, old.deleted_at, old.canceled_at, old.is_draft_order, old.created_at)
            is distinct from (new.status, new.version, new.deleted_at, new.canceled_at, new.is_draft_order, new.created_at))
      execute function finance_rollup_touch();`)
  }

  override async down(): Promise<void> {
    for (const table of [
      "capture",
      "refund",
      "order_item",
      "order_credit_line",
      "payment",
      "order",
    ]) {
      this.addSql(`drop trigger if exists "${table}_finance_rollup" on "${table}";`)
    }
    this.addSql(`drop function if exists finance_rollup_touch();`)
    this.addSql(`drop function if exists finance_rollup_order_days(text);`)
    this.addSql(`drop function if exists finance_rollup_mark(date[]);`)
    this.addSql(`drop index if exists "IDX_order_created_at_finance";`)
    this.addSql(`drop index if exists "IDX_capture_created_at_finance";`)
    this.addSql(`drop index if exists "IDX_refund_created_at_finance";`)
    this.addSql(`drop index if exists "IDX_affiliate_ledger_entry_created_at_finance";`)
    this.addSql(`drop index if exists "IDX_affiliate_withdrawal_paid_at_finance";`)
    this.addSql(`drop table if exists "finance_daily_rollup";`)
    this.addSql(`drop table if exists "finance_rollup_day";`)
  }
}
