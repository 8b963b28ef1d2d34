import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Saved people served (就诊人): an ID number (sealed in the payload, kept masked) and its 实名认证. */
export class Migration20261210600000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "test_subject" add column if not exists "id_number_masked" text null, add column if not exists "verified_at" timestamptz null, add column if not exists "identity_verification_id" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "test_subject" drop column if exists "id_number_masked", drop column if exists "verified_at", drop column if exists "identity_verification_id";`
    )
  }
}
