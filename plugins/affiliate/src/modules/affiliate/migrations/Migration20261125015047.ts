import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125015047 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_withdrawal" drop constraint if exists "affiliate_withdrawal_request_key_unique";`
    )
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" drop constraint if exists "affiliate_ledger_entry_idempotency_key_unique";`
    )
    this.addSql(
      `alter table if exists "affiliate" drop constraint if exists "affiliate_code_unique";`
    )
    this.addSql(
      `alter table if exists "affiliate" drop constraint if exists "affiliate_customer_id_unique";`
    )
    this.addSql(
      `create table if not exists "affiliate" ("id" text not null, "customer_id" text not null, "code" text not null, "status" text check ("status" in ('member', 'distributor', 'disabled')) not null default 'member', "referrer_id" text null, "bound_at" timestamptz null, "upgraded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_customer_id_unique" ON "affiliate" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_code_unique" ON "affiliate" ("code") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_referrer_id" ON "affiliate" ("referrer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_deleted_at" ON "affiliate" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_status" ON "affiliate" ("status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "affiliate_ledger_entry" ("id" text not null, "affiliate_id" text not null, "bucket" text check ("bucket" in ('pending', 'available', 'withdrawing', 'withdrawn', 'spent')) not null, "kind" text check ("kind" in ('commission', 'reversal', 'maturation', 'withdrawal_request', 'withdrawal_rejected', 'withdrawal_paid', 'store_credit', 'adjustment')) not null, "amount" integer not null, "idempotency_key" text not null, "order_id" text null, "line_item_id" text null, "product_id" text null, "buyer_customer_id" text null, "level" integer null, "rate_bp" integer null, "base_amount" integer null, "reverses_entry_id" text null, "withdrawal_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_ledger_entry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_affiliate_id" ON "affiliate_ledger_entry" ("affiliate_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_idempotency_key_unique" ON "affiliate_ledger_entry" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_order_id" ON "affiliate_ledger_entry" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_product_id" ON "affiliate_ledger_entry" ("product_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_reverses_entry_id" ON "affiliate_ledger_entry" ("reverses_entry_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_withdrawal_id" ON "affiliate_ledger_entry" ("withdrawal_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_deleted_at" ON "affiliate_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_affiliate_id_created_at" ON "affiliate_ledger_entry" ("affiliate_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_order_id_affiliate_id" ON "affiliate_ledger_entry" ("order_id", "affiliate_id") WHERE deleted_at IS NULL;`
    )

    // The ledger is append-only: corrections are new entries, never edits or deletions.
    this.addSql(
      `create or replace function affiliate_ledger_append_only() returns trigger language plpgsql as $$ begin raise exception 'affiliate_ledger_entry is append-only: % refused', TG_OP; end $$;`
    )
    this.addSql(`drop trigger if exists affiliate_ledger_append_only on "affiliate_ledger_entry";`)
    this.addSql(
      `create trigger affiliate_ledger_append_only before update or delete on "affiliate_ledger_entry" for each row execute function affiliate_ledger_append_only();`
    )

    this.addSql(
      `create table if not exists "affiliate_settings" ("id" text not null, "rates_bp" jsonb not null, "hold_days" integer not null default 15, "min_withdrawal" integer not null default 1000, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_settings_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_settings_deleted_at" ON "affiliate_settings" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "affiliate_withdrawal" ("id" text not null, "affiliate_id" text not null, "amount" integer not null, "method" text check ("method" in ('wechat', 'bank')) not null, "status" text check ("status" in ('requested', 'approved', 'rejected', 'paid', 'failed')) not null default 'requested', "payee" jsonb null, "request_key" text not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "rejection_reason" text null, "paid_at" timestamptz null, "payout_reference" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_withdrawal_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_withdrawal_affiliate_id" ON "affiliate_withdrawal" ("affiliate_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_withdrawal_request_key_unique" ON "affiliate_withdrawal" ("request_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_withdrawal_deleted_at" ON "affiliate_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_withdrawal_status_created_at" ON "affiliate_withdrawal" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate" cascade;`)

    this.addSql(`drop table if exists "affiliate_ledger_entry" cascade;`)
    this.addSql(`drop function if exists affiliate_ledger_append_only();`)

    this.addSql(`drop table if exists "affiliate_settings" cascade;`)

    this.addSql(`drop table if exists "affiliate_withdrawal" cascade;`)
  }
}
