import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Lab reports as data: each report's structured findings, sealed. */
export class Migration20261209200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "lab_report_finding" ("id" text not null, "report_id" text not null, "customer_id" text not null, "position" integer not null, "source" text check ("source" in ('parser', 'staff')) not null, "actor_id" text null, "key_id" text not null, "payload_ciphertext" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lab_report_finding_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_finding_report_id" ON "lab_report_finding" ("report_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_finding_customer_id" ON "lab_report_finding" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_finding_deleted_at" ON "lab_report_finding" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lab_report_finding" cascade;`)
  }
}
