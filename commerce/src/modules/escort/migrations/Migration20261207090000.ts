import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hospitals synced from the CMS (issue #20 item 1), and the department a booking chose by
 * its CMS id (the names stay on the booking as a snapshot).
 */
export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_hospital" ("id" text not null, "name" text not null, "level" text not null, "city" text not null, "address" text not null, "latitude" double precision not null, "longitude" double precision not null, "guide" text null, "sort" integer not null default 0, "departments" jsonb not null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_hospital_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_hospital_city" ON "escort_hospital" ("city") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `alter table if exists "escort_booking" add column if not exists "department_id" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "escort_booking" drop column if exists "department_id";`)
    this.addSql(`drop table if exists "escort_hospital" cascade;`)
  }
}
