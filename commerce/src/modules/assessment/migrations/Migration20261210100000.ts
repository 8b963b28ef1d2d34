import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The member's order of an assessment's items: rows of one grant share created_at. */
export class Migration20261210100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "archive_assessment_item" add column if not exists "position" integer not null default 0;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "archive_assessment_item" drop column if exists "position";`)
  }
}
