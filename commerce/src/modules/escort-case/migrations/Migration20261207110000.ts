import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_case" ("id" text not null, "source" text check ("source" in ('dispute', 'report', 'alert')) not null, "source_id" text not null, "booking_id" text not null, "customer_id" text null, "escort_id" text null, "summary" text not null, "status" text check ("status" in ('open', 'investigating', 'upheld', 'dismissed', 'closed')) not null default 'open', "owner_id" text null, "outcome" text null, "compensation_fen" integer null, "decided_by" text null, "decided_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_case_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_case_deleted_at" ON "escort_case" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_case_source_source_id_unique" ON "escort_case" ("source", "source_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_case_status_created_at" ON "escort_case" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_case_booking_id" ON "escort_case" ("booking_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_case_note" ("id" text not null, "case_id" text not null, "kind" text not null, "status" text not null, "body" text not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_case_note_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_case_note_deleted_at" ON "escort_case_note" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_case_note_case_id_created_at" ON "escort_case_note" ("case_id", "created_at") WHERE deleted_at IS NULL;`
    )

    // The ledger: the sign is the kind's (money in positive, compensation out negative), and
    // the idempotency key is unique without a condition so `on conflict` can name it.
    this.addSql(
      `create table if not exists "guarantee_fund_entry" ("id" text not null, "kind" text check ("kind" in ('fund_in', 'compensation_paid', 'recovery_from_escort', 'recovery_from_insurer')) not null, "amount_fen" integer not null, "case_id" text null, "idempotency_key" text not null, "note" text not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "guarantee_fund_entry_pkey" primary key ("id"), constraint "guarantee_fund_entry_sign_check" check ((kind = 'compensation_paid' and amount_fen < 0) or (kind <> 'compensation_paid' and amount_fen > 0)));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_guarantee_fund_entry_idempotency_key_unique" ON "guarantee_fund_entry" ("idempotency_key");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_guarantee_fund_entry_created_at" ON "guarantee_fund_entry" ("created_at");`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_guarantee_fund_entry_case_id" ON "guarantee_fund_entry" ("case_id");`
    )
    // Append-only: an entry is never changed or removed; corrections are new entries.
    this.addSql(
      `create or replace function guarantee_fund_entry_append_only() returns trigger language plpgsql as $$ begin raise exception 'guarantee_fund_entry is append-only'; end $$;`
    )
    this.addSql(
      `drop trigger if exists guarantee_fund_entry_append_only on "guarantee_fund_entry";`
    )
    this.addSql(
      `create trigger guarantee_fund_entry_append_only before update or delete on "guarantee_fund_entry" for each row execute function guarantee_fund_entry_append_only();`
    )

    this.addSql(
      `create table if not exists "escort_insurance_policy" ("id" text not null, "booking_id" text not null, "provider" text not null, "policy_no" text not null, "premium_fen" integer not null, "coverage_fen" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_insurance_policy_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_insurance_policy_deleted_at" ON "escort_insurance_policy" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_insurance_policy_booking_id_unique" ON "escort_insurance_policy" ("booking_id") WHERE deleted_at is null;`
    )

    this.addSql(
      `create table if not exists "escort_insurance_claim" ("id" text not null, "case_id" text not null, "policy_id" text not null, "provider" text not null, "claim_no" text not null, "amount_fen" integer not null, "status" text check ("status" in ('filed', 'approved', 'rejected', 'paid')) not null default 'filed', "paid_fen" integer null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_insurance_claim_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_insurance_claim_deleted_at" ON "escort_insurance_claim" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_insurance_claim_case_id_unique" ON "escort_insurance_claim" ("case_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_insurance_claim_provider_claim_no_unique" ON "escort_insurance_claim" ("provider", "claim_no") WHERE deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_insurance_claim" cascade;`)
    this.addSql(`drop table if exists "escort_insurance_policy" cascade;`)
    this.addSql(`drop table if exists "guarantee_fund_entry" cascade;`)
    this.addSql(`drop function if exists guarantee_fund_entry_append_only();`)
    this.addSql(`drop table if exists "escort_case_note" cascade;`)
    this.addSql(`drop table if exists "escort_case" cascade;`)
  }
}
