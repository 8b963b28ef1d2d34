import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 群发 (mass sends) of the service account, with WeChat's outcome and the monthly quota's month. */
export class Migration20261211800000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "wechat_oa_mass_send" ("id" text not null, "content_type" text check ("content_type" in ('article', 'landing_page')) not null, "content_id" text not null, "title" text not null, "audience" text check ("audience" in ('all', 'tag')) not null, "tag_id" integer null, "month" text not null, "status" text check ("status" in ('sending', 'submitted', 'finished', 'send_failed', 'refused', 'failed')) not null, "media_id" text null, "msg_id" text null, "msg_data_id" text null, "errcode" integer null, "errmsg" text null, "job_status" text null, "total_count" integer null, "filter_count" integer null, "sent_count" integer null, "error_count" integer null, "finished_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "wechat_oa_mass_send_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_mass_send_month_status" ON "wechat_oa_mass_send" ("month", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_mass_send_msg_id" ON "wechat_oa_mass_send" ("msg_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_wechat_oa_mass_send_deleted_at" ON "wechat_oa_mass_send" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "wechat_oa_mass_send" cascade;`)
  }
}
