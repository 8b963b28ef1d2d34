import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261211300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "doctor_earning" ("id" text not null, "source_type" text check ("source_type" in ('consultation', 'assessment', 'group_session')) not null, "source_id" text not null, "doctor_id" text not null, "kind" text check ("kind" in ('text', 'phone', 'video', 'assessment', 'group_session')) not null, "price_fen" integer not null, "share_percent" integer null, "amount_fen" integer not null, "reversed_fen" integer not null default 0, "status" text check ("status" in ('pending', 'available', 'reversed')) not null default 'pending', "earned_at" timestamptz not null, "release_at" timestamptz not null, "available_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "doctor_earning_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_earning_deleted_at" ON "doctor_earning" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_earning_source_type_source_id_unique" ON "doctor_earning" ("source_type", "source_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_earning_doctor_id_created_at" ON "doctor_earning" ("doctor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_earning_status_release_at" ON "doctor_earning" ("status", "release_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "doctor_withdrawal" ("id" text not null, "doctor_id" text not null, "amount_fen" integer not null, "status" text check ("status" in ('requested', 'paid', 'rejected')) not null default 'requested', "reference" text null, "reject_reason" text null, "reviewed_by" text null, "reviewed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "doctor_withdrawal_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_deleted_at" ON "doctor_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_doctor_id_unique" ON "doctor_withdrawal" ("doctor_id") WHERE status = 'requested' and deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_doctor_id_created_at" ON "doctor_withdrawal" ("doctor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_status_created_at" ON "doctor_withdrawal" ("status", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "doctor_income_setting" ("id" text not null, "key" text not null, "share_percent" jsonb not null, "assessment_fee_fen" integer not null, "group_session_fee_fen" integer not null, "hold_hours" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "doctor_income_setting_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_income_setting_deleted_at" ON "doctor_income_setting" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_income_setting_key_unique" ON "doctor_income_setting" ("key") WHERE deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "doctor_earning" cascade;`)
    this.addSql(`drop table if exists "doctor_withdrawal" cascade;`)
    this.addSql(`drop table if exists "doctor_income_setting" cascade;`)
  }
}
