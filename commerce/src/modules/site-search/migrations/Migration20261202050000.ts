import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Search moves into SQL: terms match `search_text` (normalised), narrowed by a GIN index
 * on its bigrams, which needs no extension and serves two-character queries such as 基因
 * that a trigram index cannot; filters use a GIN index on the document. Rows written
 * before are filled in here from their documents (the site search fields), so search
 * keeps finding them without a reindex.
 */
export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "site_search_document" add column if not exists "search_text" text not null default '', add column if not exists "grams" text[] not null default '{}', add column if not exists "fields" jsonb not null default '{}';`
    )
    this.addSql(
      `create or replace function pg_temp.site_search_field(v jsonb) returns text language sql immutable as $$ select lower(normalize(case jsonb_typeof(v) when 'array' then coalesce((select string_agg(e, ' ') from jsonb_array_elements_text(v) e), '') else coalesce(v #>> '{}', '') end, NFKC)) $$;`
    )
    this.addSql(
      `create or replace function pg_temp.site_search_bigrams(t text) returns text[] language sql immutable as $$ select coalesce(array_agg(distinct g), '{}') from (select substr(t, i, 2) as g from generate_series(1, char_length(t) - 1) as i) s where g !~ '\\s' $$;`
    )
    this.addSql(
      `update "site_search_document" d set "fields" = x.f, "search_text" = x.t, "grams" = pg_temp.site_search_bigrams(x.t) from (select id, f, coalesce((select string_agg(value, E'\\n') from jsonb_each_text(f) where value <> ''), '') as t from (select id, jsonb_build_object('title', pg_temp.site_search_field(document -> 'title'), 'subtitle', pg_temp.site_search_field(document -> 'subtitle'), 'tags', pg_temp.site_search_field(document -> 'tags'), 'city', pg_temp.site_search_field(document -> 'city'), 'category', pg_temp.site_search_field(document -> 'category'), 'content', pg_temp.site_search_field(document -> 'content')) as f from "site_search_document" where "search_text" = '') s) x where x.id = d.id;`
    )
    this.addSql(`drop index if exists "IDX_site_search_document_content_trgm";`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_site_search_document_grams" ON "site_search_document" USING gin ("grams") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_site_search_document_document" ON "site_search_document" USING gin ("document") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_site_search_document_index_name_title" ON "site_search_document" ("index_name", "title") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_site_search_document_grams";`)
    this.addSql(`drop index if exists "IDX_site_search_document_document";`)
    this.addSql(`drop index if exists "IDX_site_search_document_index_name_title";`)
    this.addSql(
      `alter table "site_search_document" drop column if exists "search_text", drop column if exists "grams", drop column if exists "fields";`
    )
  }
}
