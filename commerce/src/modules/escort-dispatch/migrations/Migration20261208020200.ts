import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The on-duty roster operations edit: who gets anomaly SMS on which weekdays and hours. */
export class Migration20261208020200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_duty_shift" ("id" text not null, "phone" text not null, "name" text not null, "weekdays" jsonb not null, "start_time" text not null, "end_time" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_duty_shift_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_duty_shift_deleted_at" ON "escort_duty_shift" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_duty_shift" cascade;`)
  }
}
