import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Doctors' licence and qualification documents, reviewed by staff (#22). */
export class Migration20261212300002 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "doctor_license_document" ("id" text not null, "doctor_id" text not null, "kind" text check ("kind" in ('practice_license', 'qualification', 'title_certificate')) not null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "rejection_reason" text null, "mime_type" text not null, "size" integer not null, "file_id" text not null, "key_id" text not null, "reviewed_by" text null, "reviewed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "doctor_license_document_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_license_document_deleted_at" ON "doctor_license_document" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_license_document_doctor_id_created_at" ON "doctor_license_document" ("doctor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_license_document_status_created_at" ON "doctor_license_document" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "doctor_license_document" cascade;`)
  }
}
