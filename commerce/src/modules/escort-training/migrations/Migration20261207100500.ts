import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207100500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_training_course" ("id" text not null, "cms_id" text not null, "title" text not null, "summary" text null, "hospital_name" text null, "department_name" text null, "specialty" text null, "required_for_first_task" boolean not null default false, "refresher_months" integer not null default 12, "pass_mark_percent" integer not null default 80, "question_count" integer not null default 10, "retry_cooldown_minutes" integer not null default 30, "sort" integer not null default 0, "lessons" jsonb not null, "questions" jsonb not null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_training_course_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_training_course_deleted_at" ON "escort_training_course" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_training_course_cms_id_unique" ON "escort_training_course" ("cms_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "escort_exam_attempt" ("id" text not null, "escort_id" text not null, "course_id" text not null, "status" text check ("status" in ('in_progress', 'passed', 'failed')) not null default 'in_progress', "questions" jsonb not null, "answers" jsonb null, "pass_mark_percent" integer not null, "correct_count" integer null, "score_percent" integer null, "started_at" timestamptz not null, "submitted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_exam_attempt_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_exam_attempt_deleted_at" ON "escort_exam_attempt" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_exam_attempt_escort_id_course_id" ON "escort_exam_attempt" ("escort_id", "course_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_exam_attempt_status" ON "escort_exam_attempt" ("status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "escort_training_certificate" ("id" text not null, "escort_id" text not null, "course_id" text not null, "attempt_id" text not null, "course_title" text not null, "score_percent" integer not null, "issued_at" timestamptz not null, "expires_at" timestamptz not null, "issued_by" text null, "reminded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_training_certificate_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_training_certificate_deleted_at" ON "escort_training_certificate" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_training_certificate_attempt_id_unique" ON "escort_training_certificate" ("attempt_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_training_certificate_escort_id_course_id" ON "escort_training_certificate" ("escort_id", "course_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "escort_training_sync" ("id" text not null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_training_sync_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_training_sync_deleted_at" ON "escort_training_sync" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_training_course" cascade;`)
    this.addSql(`drop table if exists "escort_exam_attempt" cascade;`)
    this.addSql(`drop table if exists "escort_training_certificate" cascade;`)
    this.addSql(`drop table if exists "escort_training_sync" cascade;`)
  }
}
