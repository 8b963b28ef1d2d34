import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 问诊 patients: follow-ups the doctor schedules and the doctor's private notes. */
export class Migration20261207132000 extends Migration {
  override async up(): Promise<void> {
    const common = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "consultation_follow_up" ("id" text not null, "doctor_id" text not null, "customer_id" text not null, "consultation_id" text null, "due_date" text not null, "note_ciphertext" text not null, "key_id" text not null, "reminded_at" timestamptz null, ${common}, constraint "consultation_follow_up_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_follow_up_customer_id_due_date" ON "consultation_follow_up" ("customer_id", "due_date") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_follow_up_doctor_id_customer_id" ON "consultation_follow_up" ("doctor_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_follow_up_deleted_at" ON "consultation_follow_up" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "consultation_patient_note" ("id" text not null, "doctor_id" text not null, "customer_id" text not null, "note_ciphertext" text not null, "key_id" text not null, ${common}, constraint "consultation_patient_note_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_patient_note_doctor_id_customer_id_created_at" ON "consultation_patient_note" ("doctor_id", "customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_patient_note_deleted_at" ON "consultation_patient_note" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consultation_patient_note" cascade;`)
    this.addSql(`drop table if exists "consultation_follow_up" cascade;`)
  }
}
