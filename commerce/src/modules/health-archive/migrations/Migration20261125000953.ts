import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125000953 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "constitution_assessment" ("id" text not null, "customer_id" text not null, "item_version" text not null, "payload_ciphertext" text not null, "key_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "constitution_assessment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id" ON "constitution_assessment" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_deleted_at" ON "constitution_assessment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_customer_id_created_at" ON "constitution_assessment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "constitution_assessment" cascade;`)
  }
}
