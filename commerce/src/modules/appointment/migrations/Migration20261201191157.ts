import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201191157 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "clinic_signup" drop constraint if exists "clinic_signup_session_id_customer_id_unique";`
    )
    this.addSql(
      `alter table if exists "appointment" drop constraint if exists "appointment_customer_id_date_slot_unique";`
    )
    this.addSql(
      `create table if not exists "appointment" ("id" text not null, "customer_id" text not null, "site_id" text not null, "site_name" text not null, "site_address" text not null, "date" text not null, "slot" text not null, "order_id" text null, "kit_id" text null, "person_ciphertext" text null, "person_key_id" text null, "status" text check ("status" in ('pending', 'confirmed', 'rescheduled', 'cancelled', 'completed')) not null default 'pending', "cancelled_by" text check ("cancelled_by" in ('customer', 'staff')) null, "cancel_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "appointment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_customer_id" ON "appointment" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_deleted_at" ON "appointment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_site_id_date_slot" ON "appointment" ("site_id", "date", "slot") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_date_site_id" ON "appointment" ("date", "site_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_appointment_customer_id_date_slot_unique" ON "appointment" ("customer_id", "date", "slot") WHERE status IN ('pending', 'confirmed', 'rescheduled') AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "appointment_event" ("id" text not null, "appointment_id" text not null, "status" text check ("status" in ('pending', 'confirmed', 'rescheduled', 'cancelled', 'completed')) not null, "date" text not null, "slot" text not null, "note" text null, "actor_type" text check ("actor_type" in ('customer', 'staff', 'system')) not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "appointment_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_event_appointment_id" ON "appointment_event" ("appointment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_appointment_event_deleted_at" ON "appointment_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "clinic_signup" ("id" text not null, "session_id" text not null, "customer_id" text not null, "session_title" text not null, "session_starts_at" timestamptz not null, "session_place" text null, "status" text check ("status" in ('confirmed', 'waitlisted', 'cancelled')) not null, "queued_at" timestamptz not null, "promoted_at" timestamptz null, "cancelled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "clinic_signup_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_clinic_signup_customer_id" ON "clinic_signup" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_clinic_signup_deleted_at" ON "clinic_signup" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_clinic_signup_session_id_status_queued_at" ON "clinic_signup" ("session_id", "status", "queued_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_clinic_signup_session_id_customer_id_unique" ON "clinic_signup" ("session_id", "customer_id") WHERE status IN ('confirmed', 'waitlisted') AND deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "appointment_event" add constraint "appointment_event_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "appointment_event" drop constraint if exists "appointment_event_appointment_id_foreign";`
    )

    this.addSql(`drop table if exists "appointment" cascade;`)

    this.addSql(`drop table if exists "appointment_event" cascade;`)

    this.addSql(`drop table if exists "clinic_signup" cascade;`)
  }
}
