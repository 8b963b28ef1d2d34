import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206171233 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_schedule" drop constraint if exists "escort_schedule_escort_id_unique";`
    )
    this.addSql(
      `alter table if exists "escort_dispatch_setting" drop constraint if exists "escort_dispatch_setting_city_unique";`
    )
    this.addSql(
      `alter table if exists "escort_dispatch_offer" drop constraint if exists "escort_dispatch_offer_booking_id_escort_id_unique";`
    )
    this.addSql(
      `alter table if exists "escort_dispatch_offer" drop constraint if exists "escort_dispatch_offer_booking_id_unique";`
    )
    this.addSql(
      `alter table if exists "escort_dispatch_alert" drop constraint if exists "escort_dispatch_alert_booking_id_kind_unique";`
    )
    this.addSql(
      `create table if not exists "escort_dispatch_alert" ("id" text not null, "booking_id" text not null, "kind" text check ("kind" in ('not_accepted', 'not_departed', 'not_arrived', 'no_progress', 'report')) not null, "city" text not null, "message" text not null, "sms_sent_at" timestamptz null, "resolved_at" timestamptz null, "resolved_by" text null, "resolution_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_dispatch_alert_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_alert_deleted_at" ON "escort_dispatch_alert" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_dispatch_alert_booking_id_kind_unique" ON "escort_dispatch_alert" ("booking_id", "kind") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_alert_resolved_at" ON "escort_dispatch_alert" ("resolved_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_dispatch_offer" ("id" text not null, "booking_id" text not null, "escort_id" text not null, "status" text check ("status" in ('offered', 'accepted', 'declined', 'expired', 'withdrawn')) not null, "expires_at" timestamptz not null, "round" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_dispatch_offer_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_offer_deleted_at" ON "escort_dispatch_offer" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_dispatch_offer_booking_id_unique" ON "escort_dispatch_offer" ("booking_id") WHERE status = 'offered' and deleted_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_dispatch_offer_booking_id_escort_id_unique" ON "escort_dispatch_offer" ("booking_id", "escort_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_offer_escort_id_status" ON "escort_dispatch_offer" ("escort_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_offer_status_expires_at" ON "escort_dispatch_offer" ("status", "expires_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_dispatch_setting" ("id" text not null, "city" text not null, "mode" text check ("mode" in ('grab', 'auto')) not null default 'grab', "accept_minutes" integer not null default 10, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_dispatch_setting_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_dispatch_setting_deleted_at" ON "escort_dispatch_setting" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_dispatch_setting_city_unique" ON "escort_dispatch_setting" ("city") WHERE deleted_at is null;`
    )

    this.addSql(
      `create table if not exists "escort_schedule" ("id" text not null, "escort_id" text not null, "weekdays" jsonb not null, "start_time" text not null, "end_time" text not null, "days_off" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_schedule_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_schedule_deleted_at" ON "escort_schedule" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_schedule_escort_id_unique" ON "escort_schedule" ("escort_id") WHERE deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_dispatch_alert" cascade;`)

    this.addSql(`drop table if exists "escort_dispatch_offer" cascade;`)

    this.addSql(`drop table if exists "escort_dispatch_setting" cascade;`)

    this.addSql(`drop table if exists "escort_schedule" cascade;`)
  }
}
