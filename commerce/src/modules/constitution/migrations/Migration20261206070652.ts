import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The constitution module's first migration ADOPTS the tables the health-archive module
 * created before constitution became its own module (health-archive migrations
 * Migration20261125000953, Migration20261201214421 and Migration20261202014055, since
 * deleted). Medusa records migrations by name in one `mikro_orm_migrations` table shared by
 * every module, so:
 * - a database that ran those three keeps its rows in that table and its data; here every
 *   statement is guarded (`if not exists`), so on such a database this changes nothing;
 * - a database that ran only some of them (a developer between those commits) gets the
 *   missing table or columns here;
 * - a fresh database gets the tables here, built the way the three built them (the two
 *   revision columns added after the table, as then), so its schema is the same.
 * The DDL was moved out rather than left in health-archive so that one module owns these
 * tables: health-archive's rollback would otherwise drop constitution data.
 */
export class Migration20261206070652 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "constitution_assessment" ("id" text not null, "customer_id" text not null, "item_version" text not null, "payload_ciphertext" text not null, "key_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_assessment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id" ON "constitution_assessment" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_deleted_at" ON "constitution_assessment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id_created_at" ON "constitution_assessment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )

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
    // Reports published before revisions existed are version 1. A no-op wherever the
    // column was already there: publishing sets revision 1, unpublishing sets draft and 0.
    this.addSql(
      `update "constitution_review" set "revision" = 1 where "status" = 'published' and "revision" = 0;`
    )
  }

  override async down(): Promise<void> {
    // Nothing: the tables may hold results older than this migration (adopted above), and
    // reverting the module's first migration must not destroy them.
  }
}
