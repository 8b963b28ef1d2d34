import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261210400000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "group_session" ("id" text not null, "doctor_id" text not null, "title" text not null, "topic" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_session_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_deleted_at" ON "group_session" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_starts_at" ON "group_session" ("starts_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_doctor_id_starts_at" ON "group_session" ("doctor_id", "starts_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "group_session_participant" ("id" text not null, "session_id" text not null, "customer_id" text not null, "seat" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_session_participant_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_participant_deleted_at" ON "group_session_participant" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_session_participant_session_id_customer_id_unique" ON "group_session_participant" ("session_id", "customer_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_session_participant_session_id_seat_unique" ON "group_session_participant" ("session_id", "seat") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_participant_customer_id" ON "group_session_participant" ("customer_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "group_session_question" ("id" text not null, "session_id" text not null, "customer_id" text not null, "seat" integer not null, "text" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "decided_by_type" text check ("decided_by_type" in ('doctor', 'staff')) null, "decided_by" text null, "decided_at" timestamptz null, "reject_reason" text null, "answer" text null, "answered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_session_question_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_question_deleted_at" ON "group_session_question" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_question_session_id_status_created_at" ON "group_session_question" ("session_id", "status", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_group_session_question_session_id_customer_id_created_at" ON "group_session_question" ("session_id", "customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "group_session_question" cascade;`)
    this.addSql(`drop table if exists "group_session_participant" cascade;`)
    this.addSql(`drop table if exists "group_session" cascade;`)
  }
}
