import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261206174430 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_created_at" ON "kit" ("created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_viewed_at" ON "lab_report" ("viewed_at") WHERE viewed_at IS NOT NULL AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_kit_created_at";`)

    this.addSql(`drop index if exists "IDX_lab_report_viewed_at";`)
  }
}
