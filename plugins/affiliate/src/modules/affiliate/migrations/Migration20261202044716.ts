import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202044716 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_paid_order" drop constraint if exists "affiliate_paid_order_order_id_unique";`
    )
    this.addSql(
      `create table if not exists "affiliate_paid_order" ("id" text not null, "order_id" text not null, "buyer_customer_id" text null, "paid_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_paid_order_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_paid_order_order_id_unique" ON "affiliate_paid_order" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_paid_order_deleted_at" ON "affiliate_paid_order" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_paid_order_buyer_customer_id_paid_at" ON "affiliate_paid_order" ("buyer_customer_id", "paid_at") WHERE deleted_at IS NULL;`
    )

    // A payment, once recorded, is a fact: like the ledger, never edited or deleted.
    this.addSql(
      `create or replace function affiliate_paid_order_append_only() returns trigger language plpgsql as $$ begin raise exception 'affiliate_paid_order is append-only: % refused', TG_OP; end $$;`
    )
    this.addSql(
      `drop trigger if exists affiliate_paid_order_append_only on "affiliate_paid_order";`
    )
    this.addSql(
      `create trigger affiliate_paid_order_append_only before update or delete on "affiliate_paid_order" for each row execute function affiliate_paid_order_append_only();`
    )

    // Members and withdrawals change state but are never deleted, not even softly:
    // a withdrawal is the other half of ledger entries, a member the root of a team.
    this.addSql(
      `create or replace function affiliate_never_deleted() returns trigger language plpgsql as $$ begin raise exception '% rows are never deleted: % refused', TG_TABLE_NAME, case when TG_OP = 'DELETE' then 'DELETE' else 'soft delete' end; end $$;`
    )
    for (const table of ["affiliate", "affiliate_withdrawal"]) {
      this.addSql(`drop trigger if exists ${table}_never_deleted on "${table}";`)
      this.addSql(`drop trigger if exists ${table}_never_soft_deleted on "${table}";`)
      this.addSql(
        `create trigger ${table}_never_deleted before delete on "${table}" for each row execute function affiliate_never_deleted();`
      )
      this.addSql(
        `create trigger ${table}_never_soft_deleted before update of deleted_at on "${table}" for each row when (new.deleted_at is not null and old.deleted_at is null) execute function affiliate_never_deleted();`
      )
    }
  }

  override async down(): Promise<void> {
    for (const table of ["affiliate", "affiliate_withdrawal"]) {
      this.addSql(`drop trigger if exists ${table}_never_deleted on "${table}";`)
      this.addSql(`drop trigger if exists ${table}_never_soft_deleted on "${table}";`)
    }
    this.addSql(`drop function if exists affiliate_never_deleted();`)
    this.addSql(`drop table if exists "affiliate_paid_order" cascade;`)
    this.addSql(`drop function if exists affiliate_paid_order_append_only();`)
  }
}
