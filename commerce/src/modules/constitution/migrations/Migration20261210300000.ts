import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The question bank's versions (#22 item 8): the CMS's published versions, and on each result
 * the version it was scored with (every earlier result was scored with the standard's, 1).
 */
export class Migration20261210300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "constitution_questionnaire" drop constraint if exists "constitution_questionnaire_version_unique";`
    )
    this.addSql(
      `create table if not exists "constitution_questionnaire" ("id" text not null, "version" integer not null, "label" text not null, "cms_document_id" text null, "items" jsonb not null, "published_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_questionnaire_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_constitution_questionnaire_version_unique" ON "constitution_questionnaire" ("version") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_questionnaire_deleted_at" ON "constitution_questionnaire" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "constitution_assessment" add column if not exists "questionnaire_version" integer not null default 1;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "constitution_questionnaire" cascade;`)

    this.addSql(
      `alter table if exists "constitution_assessment" drop column if exists "questionnaire_version";`
    )
  }
}
