import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Consents given for an escort booking: four more kinds and the booking they belong to. */
export class Migration20261207120500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "consent" drop constraint if exists "consent_kind_check";`)
    this.addSql(
      `alter table if exists "consent" add constraint "consent_kind_check" check ("kind" in ('testing', 'storage', 'research', 'privacy_policy', 'personal_info', 'sensitive_personal_info', 'escort_sharing'));`
    )
    this.addSql(
      `alter table if exists "consent" add column if not exists "escort_booking_id" text null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_escort_booking_id_kind" ON "consent" ("escort_booking_id", "kind") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_consent_escort_booking_id_kind";`)
    this.addSql(`alter table if exists "consent" drop column if exists "escort_booking_id";`)
    this.addSql(`alter table if exists "consent" drop constraint if exists "consent_kind_check";`)
    this.addSql(
      `alter table if exists "consent" add constraint "consent_kind_check" check ("kind" in ('testing', 'storage', 'research'));`
    )
  }
}
