import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206174432 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_constitution_assessment_created_at" ON "constitution_assessment" ("created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_constitution_assessment_created_at";`)
  }
}
