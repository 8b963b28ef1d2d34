import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261208050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_review_window" ("id" text not null, "booking_id" text not null, "escort_id" text not null, "customer_id" text not null, "started_at" timestamptz not null, "opened_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_review_window_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_review_window_deleted_at" ON "escort_review_window" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_review_window_booking_id_unique" ON "escort_review_window" ("booking_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_review_window_opened_at_started_at" ON "escort_review_window" ("opened_at", "started_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "escort_review" ("id" text not null, "booking_id" text not null, "author" text check ("author" in ('member', 'escort')) not null, "author_id" text not null, "escort_id" text not null, "rating" integer not null, "tags" jsonb not null default '[]', "text" text null, "photo_upload_ids" jsonb not null default '[]', "moderation" text check ("moderation" in ('clear', 'pending', 'approved', 'rejected')) not null default 'clear', "shown_text" text null, "rejected_reason" text null, "opened_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_review_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_review_deleted_at" ON "escort_review" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_review_booking_id_author_unique" ON "escort_review" ("booking_id", "author") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_review_escort_id_author_opened_at" ON "escort_review" ("escort_id", "author", "opened_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_review" cascade;`)
    this.addSql(`drop table if exists "escort_review_window" cascade;`)
  }
}
