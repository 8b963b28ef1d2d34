import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Escorts who sign up through admission (陪诊员入驻) exist as `applicant` until approved. */
export class Migration20261208040200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "escort" drop constraint if exists "escort_status_check";`)
    this.addSql(
      `alter table if exists "escort" add constraint "escort_status_check" check ("status" in ('active', 'suspended', 'applicant'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "escort" drop constraint if exists "escort_status_check";`)
    this.addSql(
      `alter table if exists "escort" add constraint "escort_status_check" check ("status" in ('active', 'suspended'));`
    )
  }
}
