import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { DEFAULT_MODERATION_WORDS } from "../rules/default-words"

export class Migration20261208050100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "moderation_word" ("id" text not null, "word" text not null, "category" text check ("category" in ('medical_ad', 'illegal', 'contact', 'abuse', 'other')) not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "moderation_word_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_moderation_word_deleted_at" ON "moderation_word" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_moderation_word_word_unique" ON "moderation_word" ("word") WHERE deleted_at is null;`
    )
    this.addSql(
      `create table if not exists "moderation_item" ("id" text not null, "source_type" text check ("source_type" in ('escort_review', 'escort_message', 'escort_profile', 'service_report')) not null, "source_id" text not null, "author_type" text check ("author_type" in ('member', 'escort')) not null, "author_id" text not null, "text" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "matches" jsonb not null default '[]', "reports" jsonb not null default '[]', "final_text" text null, "decision_reason" text null, "decided_by" text null, "decided_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "moderation_item_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_moderation_item_deleted_at" ON "moderation_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_moderation_item_source_type_source_id_unique" ON "moderation_item" ("source_type", "source_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_moderation_item_status_created_at" ON "moderation_item" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
    // The starting word list; staff maintain it from here on.
    DEFAULT_MODERATION_WORDS.forEach(({ word, category }, index) => {
      this.addSql(
        `insert into "moderation_word" ("id", "word", "category") values ('modw_seed_${String(index).padStart(3, "0")}', '${word}', '${category}') on conflict do nothing;`
      )
    })
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "moderation_item" cascade;`)
    this.addSql(`drop table if exists "moderation_word" cascade;`)
  }
}
