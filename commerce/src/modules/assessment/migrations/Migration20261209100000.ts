import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 检测评估: the member's grant to one expert, its items and the report's versions. */
export class Migration20261209100000 extends Migration {
  override async up(): Promise<void> {
    const common = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "archive_assessment" ("id" text not null, "customer_id" text not null, "doctor_id" text not null, "question_ciphertext" text not null, "key_id" text not null, "consent_at" timestamptz not null, "consent_withdrawn_at" timestamptz null, "ends_at" timestamptz not null, "version" integer not null default 0, ${common}, constraint "archive_assessment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_assessment_customer_id_created_at" ON "archive_assessment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_assessment_doctor_id_created_at" ON "archive_assessment" ("doctor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_assessment_deleted_at" ON "archive_assessment" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "archive_assessment_item" ("id" text not null, "assessment_id" text not null, "customer_id" text not null, "item_type" text check ("item_type" in ('report', 'upload', 'constitution', 'escort_report')) not null, "item_id" text not null, "withdrawn_at" timestamptz null, ${common}, constraint "archive_assessment_item_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_archive_assessment_item_unique" ON "archive_assessment_item" ("assessment_id", "item_type", "item_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_assessment_item_deleted_at" ON "archive_assessment_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "archive_assessment_version" ("id" text not null, "assessment_id" text not null, "version" integer not null, "doctor_id" text not null, "expert_name" text not null, "payload_ciphertext" text not null, "key_id" text not null, "published_at" timestamptz not null, ${common}, constraint "archive_assessment_version_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_archive_assessment_version_unique" ON "archive_assessment_version" ("assessment_id", "version") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_assessment_version_deleted_at" ON "archive_assessment_version" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "archive_assessment_version" cascade;`)
    this.addSql(`drop table if exists "archive_assessment_item" cascade;`)
    this.addSql(`drop table if exists "archive_assessment" cascade;`)
  }
}
