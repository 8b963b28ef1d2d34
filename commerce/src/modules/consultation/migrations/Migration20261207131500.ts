import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 问诊 schedules: weekly windows, date exceptions and the seats booked in slots. */
export class Migration20261207131500 extends Migration {
  override async up(): Promise<void> {
    const common = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "consultation_schedule_rule" ("id" text not null, "doctor_id" text not null, "weekday" integer not null, "start_time" text not null, "end_time" text not null, "slot_minutes" integer not null, "modes" jsonb not null, "capacity" integer not null, ${common}, constraint "consultation_schedule_rule_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_schedule_rule_doctor_id_weekday" ON "consultation_schedule_rule" ("doctor_id", "weekday") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_schedule_rule_deleted_at" ON "consultation_schedule_rule" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation_schedule_exception" ("id" text not null, "doctor_id" text not null, "date" text not null, "kind" text check ("kind" in ('day_off', 'extra_hours')) not null, "start_time" text null, "end_time" text null, "slot_minutes" integer null, "modes" jsonb null, "capacity" integer null, "note" text null, ${common}, constraint "consultation_schedule_exception_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_schedule_exception_doctor_id_date" ON "consultation_schedule_exception" ("doctor_id", "date") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_schedule_exception_deleted_at" ON "consultation_schedule_exception" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation_slot_booking" ("id" text not null, "doctor_id" text not null, "consultation_id" text not null, "customer_id" text not null, "mode" text check ("mode" in ('phone', 'video')) not null, "slot_start" timestamptz not null, "slot_end" timestamptz not null, "seat" integer not null, "released_at" timestamptz null, ${common}, constraint "consultation_slot_booking_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_slot_booking_doctor_id_slot_start_seat_unique" ON "consultation_slot_booking" ("doctor_id", "slot_start", "seat") WHERE deleted_at is null and released_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_slot_booking_consultation_id_unique" ON "consultation_slot_booking" ("consultation_id") WHERE deleted_at is null and released_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_slot_booking_deleted_at" ON "consultation_slot_booking" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consultation_slot_booking" cascade;`)
    this.addSql(`drop table if exists "consultation_schedule_exception" cascade;`)
    this.addSql(`drop table if exists "consultation_schedule_rule" cascade;`)
  }
}
