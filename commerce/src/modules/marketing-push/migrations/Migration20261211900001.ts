import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261211900001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "marketing_push" ("id" text not null, "content_type" text not null, "content_ref" text null, "title" text not null, "body" text not null, "link" text null, "audience" jsonb not null, "channels" jsonb not null, "send_at" timestamptz not null, "status" text check ("status" in ('scheduled', 'sending', 'sent', 'canceled')) not null default 'scheduled', "targeted" integer not null default 0, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_push_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_marketing_push_status_send_at" ON "marketing_push" ("status", "send_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_marketing_push_deleted_at" ON "marketing_push" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "marketing_push_delivery" ("id" text not null, "push_id" text not null, "customer_id" text not null, "channel" text not null, "state" text not null default 'pending', "clicked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_push_delivery_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_push_delivery_push_id_customer_id_channel_unique" ON "marketing_push_delivery" ("push_id", "customer_id", "channel") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_marketing_push_delivery_push_id_channel_state" ON "marketing_push_delivery" ("push_id", "channel", "state") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_marketing_push_delivery_deleted_at" ON "marketing_push_delivery" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "marketing_push_delivery" cascade;`)
    this.addSql(`drop table if exists "marketing_push" cascade;`)
  }
}
