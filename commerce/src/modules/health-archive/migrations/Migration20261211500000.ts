import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A staged report file keeps what its PDF says (read before sealing) until it is recorded. */
export class Migration20261211500000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "report_batch_file" add column if not exists "reading" jsonb null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "report_batch_file" drop column if exists "reading";`)
  }
}
