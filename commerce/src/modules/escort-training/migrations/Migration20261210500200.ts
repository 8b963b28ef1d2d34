import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 课时已读: the lessons each escort opened, for reading progress. */
export class Migration20261210500200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_lesson_read" ("id" text not null, "escort_id" text not null, "course_id" text not null, "lesson_key" text not null, "read_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_lesson_read_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_lesson_read_deleted_at" ON "escort_lesson_read" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_lesson_read_escort_id_course_id_lesson_key_unique" ON "escort_lesson_read" ("escort_id", "course_id", "lesson_key") WHERE deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_lesson_read" cascade;`)
  }
}
