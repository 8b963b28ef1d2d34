import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The photos an escort attaches to a progress step or a 报备, kept on its timeline event. */
export class Migration20261207130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking_event" add column if not exists "photo_upload_ids" jsonb null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking_event" drop column if exists "photo_upload_ids";`
    )
  }
}
