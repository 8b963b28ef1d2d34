import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261124235717 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inbox_message" drop constraint if exists "inbox_message_dedupe_key_unique";`
    )
    this.addSql(
      `create table if not exists "inbox_message" ("id" text not null, "customer_id" text not null, "category" text not null default 'system', "title" text not null, "body" text not null, "link" text null, "dedupe_key" text not null, "read_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inbox_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbox_message_customer_id" ON "inbox_message" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbox_message_dedupe_key_unique" ON "inbox_message" ("dedupe_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbox_message_deleted_at" ON "inbox_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inbox_message_customer_id_read_at" ON "inbox_message" ("customer_id", "read_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inbox_message" cascade;`)
  }
}
