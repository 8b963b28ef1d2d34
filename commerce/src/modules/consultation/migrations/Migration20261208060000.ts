import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261208060000 extends Migration {
  override async up(): Promise<void> {
    const common = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "consultation_doctor" ("id" text not null, "cms_document_id" text null, "name" text not null, "title" text null, "hospital" text null, "departments" jsonb not null default '[]', "specialties" jsonb not null default '[]', "introduction" text null, "photo_url" text null, "phone" text null, "license_number" text null, "license_verified_at" timestamptz null, "prices" jsonb not null default '{}', "weekly_schedule" jsonb not null default '{}', "on_duty" boolean not null default true, "synced_at" timestamptz null, ${common}, constraint "consultation_doctor_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_doctor_cms_document_id_unique" ON "consultation_doctor" ("cms_document_id") WHERE deleted_at is null and cms_document_id is not null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_doctor_phone_unique" ON "consultation_doctor" ("phone") WHERE deleted_at is null and phone is not null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_doctor_deleted_at" ON "consultation_doctor" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation" ("id" text not null, "customer_id" text not null, "doctor_id" text not null, "mode" text check ("mode" in ('text', 'phone', 'video')) not null, "status" text check ("status" in ('pending_payment', 'awaiting_doctor', 'in_progress', 'completed', 'cancelled', 'refunded')) not null, "question_ciphertext" text not null, "key_id" text not null, "price_fen" integer not null, "cart_id" text null, "order_id" text null, "paid_at" timestamptz null, "answer_due_at" timestamptz null, "accepted_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "refunded_at" timestamptz null, "refund_fen" integer null, "refund_reason" text null, "advice_ciphertext" text null, "advice_key_id" text null, "advice_at" timestamptz null, ${common}, constraint "consultation_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_customer_id_created_at" ON "consultation" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_doctor_id_status" ON "consultation" ("doctor_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_status_answer_due_at" ON "consultation" ("status", "answer_due_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_deleted_at" ON "consultation" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation_message" ("id" text not null, "consultation_id" text not null, "sender_type" text check ("sender_type" in ('member', 'doctor', 'staff')) not null, "sender_id" text not null, "text_ciphertext" text null, "key_id" text null, "attachment_id" text null, ${common}, constraint "consultation_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_message_consultation_id_created_at" ON "consultation_message" ("consultation_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_message_deleted_at" ON "consultation_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation_attachment" ("id" text not null, "consultation_id" text not null, "uploader_type" text check ("uploader_type" in ('member', 'doctor')) not null, "uploader_id" text not null, "mime_type" text not null, "size" integer not null, "file_id" text not null, "key_id" text not null, ${common}, constraint "consultation_attachment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_attachment_consultation_id" ON "consultation_attachment" ("consultation_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_attachment_deleted_at" ON "consultation_attachment" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consultation_shared_item" ("id" text not null, "consultation_id" text not null, "customer_id" text not null, "item_type" text check ("item_type" in ('report', 'upload')) not null, "item_id" text not null, "withdrawn_at" timestamptz null, ${common}, constraint "consultation_shared_item_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_shared_item_consultation_id_item_type_item_id_unique" ON "consultation_shared_item" ("consultation_id", "item_type", "item_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_shared_item_deleted_at" ON "consultation_shared_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consultation_shared_item" cascade;`)
    this.addSql(`drop table if exists "consultation_attachment" cascade;`)
    this.addSql(`drop table if exists "consultation_message" cascade;`)
    this.addSql(`drop table if exists "consultation" cascade;`)
    this.addSql(`drop table if exists "consultation_doctor" cascade;`)
  }
}
