import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201203100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "article_push" ("id" text not null, "document_id" text not null, "title" text not null, "slug" text null, "tags" jsonb not null, "scanned" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "article_push_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_article_push_document_id_unique" ON "article_push" ("document_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_article_push_deleted_at" ON "article_push" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "article_push_delivery" ("id" text not null, "document_id" text not null, "customer_id" text not null, "inbox" boolean not null default false, "sms" text not null default 'pending', "wechat" text not null default 'pending', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "article_push_delivery_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_article_push_delivery_document_id_customer_id_unique" ON "article_push_delivery" ("document_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_article_push_delivery_deleted_at" ON "article_push_delivery" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "article_push_delivery" cascade;`)
    this.addSql(`drop table if exists "article_push" cascade;`)
  }
}
