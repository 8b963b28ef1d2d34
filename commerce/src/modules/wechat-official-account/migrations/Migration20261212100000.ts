import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Issue #23 item 3: products' 发布到微官网 flag, 群发 of products with a cover picture
 * (permanent thumb material, uploaded once per picture) and template messages' delivery
 * reports (TEMPLATESENDJOBFINISH, by msg_id).
 */
export class Migration20261212100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "wechat_oa_microsite_product" ("id" text not null, "product_id" text not null, "shown" boolean not null default true, "changed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wechat_oa_microsite_product_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wechat_oa_microsite_product_product_id_unique" ON "wechat_oa_microsite_product" ("product_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_microsite_product_shown" ON "wechat_oa_microsite_product" ("shown") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_microsite_product_deleted_at" ON "wechat_oa_microsite_product" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "wechat_oa_thumb_material" ("id" text not null, "source" text not null, "media_id" text not null, "url" text null, "bytes" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wechat_oa_thumb_material_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wechat_oa_thumb_material_source_unique" ON "wechat_oa_thumb_material" ("source") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_thumb_material_deleted_at" ON "wechat_oa_thumb_material" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "wechat_oa_mass_send" drop constraint if exists "wechat_oa_mass_send_content_type_check";`
    )
    this.addSql(
      `alter table if exists "wechat_oa_mass_send" add constraint "wechat_oa_mass_send_content_type_check" check ("content_type" in ('article', 'landing_page', 'product'));`
    )
    this.addSql(
      `alter table if exists "wechat_oa_mass_send" add column if not exists "thumb_media_id" text null;`
    )

    this.addSql(
      `alter table if exists "wechat_oa_template_send" add column if not exists "msg_id" text null, add column if not exists "delivery" text check ("delivery" in ('delivered', 'user_blocked', 'system_failed', 'other')) null, add column if not exists "delivery_status" text null, add column if not exists "delivery_reported_at" timestamptz null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_template_send_msg_id" ON "wechat_oa_template_send" ("msg_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_wechat_oa_template_send_msg_id";`)
    this.addSql(
      `alter table if exists "wechat_oa_template_send" drop column if exists "msg_id", drop column if exists "delivery", drop column if exists "delivery_status", drop column if exists "delivery_reported_at";`
    )
    this.addSql(
      `alter table if exists "wechat_oa_mass_send" drop column if exists "thumb_media_id";`
    )
    this.addSql(
      `alter table if exists "wechat_oa_mass_send" drop constraint if exists "wechat_oa_mass_send_content_type_check";`
    )
    this.addSql(
      `alter table if exists "wechat_oa_mass_send" add constraint "wechat_oa_mass_send_content_type_check" check ("content_type" in ('article', 'landing_page'));`
    )
    this.addSql(`drop table if exists "wechat_oa_thumb_material" cascade;`)
    this.addSql(`drop table if exists "wechat_oa_microsite_product" cascade;`)
  }
}
