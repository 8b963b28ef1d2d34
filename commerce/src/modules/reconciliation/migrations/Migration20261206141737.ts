import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206141737 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "offline_receipt" drop constraint if exists "offline_receipt_payment_id_unique";`
    )
    this.addSql(
      `create table if not exists "offline_receipt" ("id" text not null, "payment_id" text not null, "order_id" text null, "amount" integer not null, "bank_reference" text not null, "recorded_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offline_receipt_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_offline_receipt_bank_reference" ON "offline_receipt" ("bank_reference") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_offline_receipt_deleted_at" ON "offline_receipt" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_offline_receipt_payment_id_unique" ON "offline_receipt" ("payment_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "reconciliation_run" ("id" text not null, "provider_id" text not null, "bill_date" text not null, "status" text check ("status" in ('completed', 'failed')) not null, "bill_exists" boolean not null default false, "bill_lines" integer not null default 0, "matched" integer not null default 0, "difference_count" integer not null default 0, "totals" jsonb null, "started_by" text not null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reconciliation_run_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_run_deleted_at" ON "reconciliation_run" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_run_provider_id_bill_date" ON "reconciliation_run" ("provider_id", "bill_date") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_run_created_at" ON "reconciliation_run" ("created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "reconciliation_difference" ("id" text not null, "kind" text check ("kind" in ('missing_ours', 'missing_provider', 'amount_mismatch', 'status_mismatch')) not null, "subject" text check ("subject" in ('payment', 'refund')) not null, "out_trade_no" text not null, "out_refund_no" text null, "transaction_id" text null, "bill_amount" integer null, "our_amount" integer null, "bill_status" text null, "our_status" text null, "order_id" text null, "payment_id" text null, "resolution_note" text null, "resolved_by" text null, "resolved_at" timestamptz null, "run_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reconciliation_difference_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_difference_out_trade_no" ON "reconciliation_difference" ("out_trade_no") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_difference_run_id" ON "reconciliation_difference" ("run_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_difference_deleted_at" ON "reconciliation_difference" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_reconciliation_difference_resolved_at" ON "reconciliation_difference" ("resolved_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "reconciliation_difference" add constraint "reconciliation_difference_run_id_foreign" foreign key ("run_id") references "reconciliation_run" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "reconciliation_difference" drop constraint if exists "reconciliation_difference_run_id_foreign";`
    )

    this.addSql(`drop table if exists "offline_receipt" cascade;`)

    this.addSql(`drop table if exists "reconciliation_run" cascade;`)

    this.addSql(`drop table if exists "reconciliation_difference" cascade;`)
  }
}
