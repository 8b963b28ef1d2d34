import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_service_report" drop constraint if exists "escort_service_report_booking_id_unique";`
    )
    this.addSql(
      `create table if not exists "escort_message" ("id" text not null, "booking_id" text not null, "sender_type" text check ("sender_type" in ('member', 'escort', 'staff')) not null, "sender_id" text not null, "text_ciphertext" text null, "key_id" text null, "image_upload_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_message_deleted_at" ON "escort_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_message_booking_id_created_at" ON "escort_message" ("booking_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "escort_service_report" ("id" text not null, "booking_id" text not null, "escort_id" text not null, "payload_ciphertext" text not null, "key_id" text not null, "document_upload_ids" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_service_report_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_service_report_deleted_at" ON "escort_service_report" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_service_report_booking_id_unique" ON "escort_service_report" ("booking_id") WHERE deleted_at is null;`
    )

    this.addSql(
      `create table if not exists "escort_upload" ("id" text not null, "booking_id" text not null, "uploader_type" text check ("uploader_type" in ('member', 'escort')) not null, "uploader_id" text not null, "mime_type" text not null, "size" integer not null, "file_id" text not null, "key_id" text not null, "archived_upload_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_upload_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_upload_deleted_at" ON "escort_upload" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_upload_booking_id" ON "escort_upload" ("booking_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_message" cascade;`)

    this.addSql(`drop table if exists "escort_service_report" cascade;`)

    this.addSql(`drop table if exists "escort_upload" cascade;`)
  }
}
