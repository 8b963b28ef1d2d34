import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The service account (公众号): followers, delivered messages, reply rules, the menu, template sends. */
export class Migration20261211400000 extends Migration {
  override async up(): Promise<void> {
    const audit = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "wechat_oa_follower" ("id" text not null, "openid" text not null, "unionid" text null, "customer_id" text null, "linked_by" text check ("linked_by" in ('unionid', 'bind')) null, "subscribed" boolean not null default true, "followed_at" timestamptz not null, "unfollowed_at" timestamptz null, ${audit}, constraint "wechat_oa_follower_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wechat_oa_follower_openid_unique" ON "wechat_oa_follower" ("openid") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_follower_customer_id" ON "wechat_oa_follower" ("customer_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_follower_deleted_at" ON "wechat_oa_follower" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "wechat_oa_inbound_message" ("id" text not null, "dedupe_key" text not null, "openid" text not null, "msg_type" text not null, "event" text null, "content" text null, "reply_xml" text null, ${audit}, constraint "wechat_oa_inbound_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wechat_oa_inbound_message_dedupe_key_unique" ON "wechat_oa_inbound_message" ("dedupe_key") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_inbound_message_deleted_at" ON "wechat_oa_inbound_message" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "wechat_oa_reply_rule" ("id" text not null, "kind" text check ("kind" in ('keyword', 'click', 'follow')) not null, "match" text not null default '', "match_mode" text check ("match_mode" in ('exact', 'contains')) not null default 'exact', "reply_text" text not null, "enabled" boolean not null default true, "priority" integer not null default 0, ${audit}, constraint "wechat_oa_reply_rule_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_reply_rule_deleted_at" ON "wechat_oa_reply_rule" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "wechat_oa_menu" ("id" text not null, "buttons" jsonb not null, "published_at" timestamptz null, "last_publish_errcode" integer null, "last_publish_errmsg" text null, ${audit}, constraint "wechat_oa_menu_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_menu_deleted_at" ON "wechat_oa_menu" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "wechat_oa_template_send" ("id" text not null, "notice_key" text not null, "customer_id" text not null, "openid" text null, "template_id" text not null, "outcome" text check ("outcome" in ('sent', 'failed', 'opted_out', 'not_following')) not null, "errcode" integer null, "errmsg" text null, ${audit}, constraint "wechat_oa_template_send_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wechat_oa_template_send_notice_key_customer_id_unique" ON "wechat_oa_template_send" ("notice_key", "customer_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_template_send_deleted_at" ON "wechat_oa_template_send" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    for (const table of [
      "wechat_oa_template_send",
      "wechat_oa_menu",
      "wechat_oa_reply_rule",
      "wechat_oa_inbound_message",
      "wechat_oa_follower",
    ]) {
      this.addSql(`drop table if exists "${table}" cascade;`)
    }
  }
}
