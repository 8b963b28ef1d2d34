import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "site_search_document" ("id" text not null, "index_name" text not null, "doc_id" text not null, "title" text not null, "content" text not null, "document" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "site_search_document_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_site_search_document_index_name_doc_id_unique" ON "site_search_document" ("index_name", "doc_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_site_search_document_deleted_at" ON "site_search_document" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    // Substring matching (ILIKE '%基因%') is what Chinese needs; a trigram index serves it
    // where pg_trgm is available, and the query still works without it.
    this.addSql(
      `DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX IF NOT EXISTS "IDX_site_search_document_content_trgm" ON "site_search_document" USING gin ("content" gin_trgm_ops); EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable: %', SQLERRM; END $$;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "site_search_document" cascade;`)
  }
}
