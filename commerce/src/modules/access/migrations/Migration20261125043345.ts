import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125043345 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "staff_role_assignment" drop constraint if exists "staff_role_assignment_user_id_role_id_unique";`
    )
    this.addSql(
      `alter table if exists "staff_role" drop constraint if exists "staff_role_code_unique";`
    )
    this.addSql(
      `create table if not exists "staff_role" ("id" text not null, "code" text not null, "name" text not null, "description" text null, "permissions" text[] not null, "is_system" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_role_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_staff_role_code_unique" ON "staff_role" ("code") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_staff_role_deleted_at" ON "staff_role" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "staff_role_assignment" ("id" text not null, "user_id" text not null, "role_id" text not null, "assigned_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_role_assignment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_staff_role_assignment_user_id" ON "staff_role_assignment" ("user_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_staff_role_assignment_role_id" ON "staff_role_assignment" ("role_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_staff_role_assignment_deleted_at" ON "staff_role_assignment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_staff_role_assignment_user_id_role_id_unique" ON "staff_role_assignment" ("user_id", "role_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staff_role" cascade;`)

    this.addSql(`drop table if exists "staff_role_assignment" cascade;`)
  }
}
