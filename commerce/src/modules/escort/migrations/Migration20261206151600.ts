import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206151600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort" ("id" text not null, "phone" text not null, "name" text not null, "city" text not null, "level" text check ("level" in ('trainee', 'silver', 'gold')) not null default 'trainee', "base_location" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_deleted_at" ON "escort" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_phone_unique" ON "escort" ("phone") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_city" ON "escort" ("city") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_booking" ("id" text not null, "customer_id" text not null, "service_id" text not null, "service_name" text not null, "hospital_id" text null, "hospital_name" text not null, "department_name" text not null, "city" text not null, "service_date" text not null, "start_time" text not null, "end_time" text not null, "person_name" text not null, "person_id_ciphertext" text not null, "person_id_key_id" text not null, "person_id_masked" text not null, "meeting_point" text not null, "needs" jsonb not null, "price_fen" integer not null, "status" text check ("status" in ('pending_payment', 'awaiting_escort', 'accepted', 'departed', 'arrived', 'accompanying', 'completed', 'confirmed', 'cancelled', 'refunded')) not null default 'pending_payment', "escort_id" text null, "accepted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_booking_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_customer_id" ON "escort_booking" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_deleted_at" ON "escort_booking" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_status_city" ON "escort_booking" ("status", "city") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_escort_id_service_date" ON "escort_booking" ("escort_id", "service_date") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_booking_event" ("id" text not null, "booking_id" text not null, "status" text not null, "actor_type" text check ("actor_type" in ('customer', 'escort', 'staff', 'system')) not null, "actor_id" text null, "note" text null, "location" jsonb null, "report_type" text null, "flagged" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_booking_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_event_deleted_at" ON "escort_booking_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_event_booking_id_created_at" ON "escort_booking_event" ("booking_id", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_booking_event" cascade;`)
    this.addSql(`drop table if exists "escort_booking" cascade;`)
    this.addSql(`drop table if exists "escort" cascade;`)
  }
}
