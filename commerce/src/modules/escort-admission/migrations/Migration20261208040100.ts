import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261208040100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_application" ("id" text not null, "escort_id" text not null, "status" text check ("status" in ('draft', 'submitted', 'approved', 'suspended')) not null default 'draft', "real_name" text null, "id_number_ciphertext" text null, "id_number_key_id" text null, "id_number_masked" text null, "city" text null, "base_location" text null, "specialties" jsonb null, "verification_id" text null, "verified_at" timestamptz null, "submitted_at" timestamptz null, "activated_at" timestamptz null, "suspended_at" timestamptz null, "suspension_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_application_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_application_deleted_at" ON "escort_application" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_application_escort_id_unique" ON "escort_application" ("escort_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_application_status" ON "escort_application" ("status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "escort_admission_document" ("id" text not null, "application_id" text not null, "kind" text check ("kind" in ('health_certificate', 'background_check', 'training_certificate', 'photo')) not null, "title" text null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "rejection_reason" text null, "expires_on" text null, "mime_type" text not null, "size" integer not null, "file_id" text not null, "key_id" text not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "reminded_30_at" timestamptz null, "reminded_7_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_admission_document_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_admission_document_deleted_at" ON "escort_admission_document" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_admission_document_application_id" ON "escort_admission_document" ("application_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_admission_document_status_expires_on" ON "escort_admission_document" ("status", "expires_on") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_application" cascade;`)
    this.addSql(`drop table if exists "escort_admission_document" cascade;`)
  }
}
