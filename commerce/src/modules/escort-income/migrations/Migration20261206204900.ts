import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206204900 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_rating" drop constraint if exists "escort_rating_booking_id_unique";`
    )
    this.addSql(
      `alter table if exists "escort_income_setting" drop constraint if exists "escort_income_setting_key_unique";`
    )
    this.addSql(
      `alter table if exists "escort_earning" drop constraint if exists "escort_earning_booking_id_unique";`
    )
    this.addSql(
      `alter table if exists "escort_dispute" drop constraint if exists "escort_dispute_booking_id_unique";`
    )
    this.addSql(
      `create table if not exists "escort_dispute" ("id" text not null, "booking_id" text not null, "earning_id" text not null, "escort_id" text not null, "customer_id" text not null, "reason" text not null, "status" text check ("status" in ('open', 'resolved')) not null default 'open', "outcome" text check ("outcome" in ('release', 'refund')) null, "refund_fen" integer null, "resolution_note" text null, "resolved_by" text null, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_dispute_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispute_deleted_at" ON "escort_dispute" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_dispute_booking_id_unique" ON "escort_dispute" ("booking_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispute_status_created_at" ON "escort_dispute" ("status", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_earning" ("id" text not null, "booking_id" text not null, "escort_id" text not null, "service_name" text not null, "service_date" text not null, "price_fen" integer not null, "level" text not null, "share_percent" integer not null, "amount_fen" integer not null, "reversed_fen" integer not null default 0, "status" text check ("status" in ('pending', 'available', 'frozen', 'reversed')) not null default 'pending', "release_at" timestamptz not null, "available_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_earning_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_earning_deleted_at" ON "escort_earning" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_earning_booking_id_unique" ON "escort_earning" ("booking_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_earning_escort_id_status" ON "escort_earning" ("escort_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_earning_status_release_at" ON "escort_earning" ("status", "release_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_income_setting" ("id" text not null, "key" text not null, "share_percent" jsonb not null, "level_rules" jsonb not null, "release_hours" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_income_setting_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_income_setting_deleted_at" ON "escort_income_setting" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_income_setting_key_unique" ON "escort_income_setting" ("key") WHERE deleted_at is null;`
    )

    this.addSql(
      `create table if not exists "escort_rating" ("id" text not null, "booking_id" text not null, "escort_id" text not null, "customer_id" text not null, "rating" integer not null, "tags" jsonb not null default '[]', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_rating_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_rating_deleted_at" ON "escort_rating" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_rating_booking_id_unique" ON "escort_rating" ("booking_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_rating_escort_id" ON "escort_rating" ("escort_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_withdrawal" ("id" text not null, "escort_id" text not null, "amount_fen" integer not null, "status" text check ("status" in ('requested', 'approved', 'paid', 'rejected')) not null default 'requested', "method" text check ("method" in ('bank')) null, "reference" text null, "reject_reason" text null, "reviewed_by" text null, "reviewed_at" timestamptz null, "paid_by" text null, "paid_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_withdrawal_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_withdrawal_deleted_at" ON "escort_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_withdrawal_escort_id_status" ON "escort_withdrawal" ("escort_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_withdrawal_status_created_at" ON "escort_withdrawal" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_dispute" cascade;`)

    this.addSql(`drop table if exists "escort_earning" cascade;`)

    this.addSql(`drop table if exists "escort_income_setting" cascade;`)

    this.addSql(`drop table if exists "escort_rating" cascade;`)

    this.addSql(`drop table if exists "escort_withdrawal" cascade;`)
  }
}
