import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "video_call_session" ("id" text not null, "consultation_id" text not null, "started_at" timestamptz not null, "ended_at" timestamptz null, "duration_seconds" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "video_call_session_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_video_call_session_consultation_id_started_at" ON "video_call_session" ("consultation_id", "started_at") WHERE deleted_at IS NULL;`
    )
    // One open session per consultation: a second "started" from another signalling
    // instance finds the open one instead of opening a twin.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_video_call_session_one_open" ON "video_call_session" ("consultation_id") WHERE ended_at IS NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_video_call_session_deleted_at" ON "video_call_session" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "video_call_session" cascade;`)
  }
}
