import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202014055 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "constitution_review_revision" drop constraint if exists "constitution_review_revision_review_id_revision_unique";`
    )
    this.addSql(
      `create table if not exists "constitution_review_revision" ("id" text not null, "review_id" text not null, "revision" integer not null, "author_id" text not null, "expert_name" text null, "payload_ciphertext" text not null, "key_id" text not null, "published_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_review_revision_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_revision_review_id" ON "constitution_review_revision" ("review_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_revision_deleted_at" ON "constitution_review_revision" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_constitution_review_revision_review_id_revision_unique" ON "constitution_review_revision" ("review_id", "revision") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "constitution_review" add column if not exists "revision" integer not null default 0, add column if not exists "revised_at" timestamptz null;`
    )
    // Reports published before revisions existed are version 1; their version row is
    // written when first revised (the service seals it then).
    this.addSql(
      `update "constitution_review" set "revision" = 1 where "status" = 'published' and "revision" = 0;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "constitution_review_revision" cascade;`)

    this.addSql(
      `alter table if exists "constitution_review" drop column if exists "revision", drop column if exists "revised_at";`
    )
  }
}
