import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 电话问诊: the privacy-number binding of a consultation and its call records. */
export class Migration20261207133000 extends Migration {
  override async up(): Promise<void> {
    const common = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "consultation_phone_binding" ("id" text not null, "consultation_id" text not null, "vendor" text not null, "subs_id" text not null, "secret_no" text not null, "expires_at" timestamptz not null, "released_at" timestamptz null, ${common}, constraint "consultation_phone_binding_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_phone_binding_consultation_id_unique" ON "consultation_phone_binding" ("consultation_id") WHERE deleted_at is null and released_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_phone_binding_deleted_at" ON "consultation_phone_binding" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `create table if not exists "consultation_call_record" ("id" text not null, "consultation_id" text not null, "call_id" text not null, "call_type" text not null, "started_at" timestamptz null, "ended_at" timestamptz null, "duration_seconds" integer not null, "release_cause" text null, ${common}, constraint "consultation_call_record_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_consultation_call_record_call_id_unique" ON "consultation_call_record" ("call_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_call_record_consultation_id" ON "consultation_call_record" ("consultation_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consultation_call_record_deleted_at" ON "consultation_call_record" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consultation_call_record" cascade;`)
    this.addSql(`drop table if exists "consultation_phone_binding" cascade;`)
  }
}
