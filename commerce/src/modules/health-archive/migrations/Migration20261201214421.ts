import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201214421 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "constitution_review" drop constraint if exists "constitution_review_assessment_id_unique";`
    )
    this.addSql(
      `create table if not exists "constitution_review" ("id" text not null, "assessment_id" text not null, "customer_id" text not null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "author_id" text not null, "expert_name" text null, "payload_ciphertext" text not null, "key_id" text not null, "published_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_review_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_constitution_review_assessment_id_unique" ON "constitution_review" ("assessment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_customer_id" ON "constitution_review" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_deleted_at" ON "constitution_review" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_review_status_updated_at" ON "constitution_review" ("status", "updated_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "constitution_review" cascade;`)
  }
}
