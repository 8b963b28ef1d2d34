import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The escort applicant's recorded consents (privacy policy and personal-information consents). */
export class Migration20261210500100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "escort_applicant_consent" ("id" text not null, "escort_id" text not null, "kind" text check ("kind" in ('privacy_policy', 'applicant_personal_info', 'applicant_sensitive_info')) not null, "version" text not null, "accepted_at" timestamptz not null, "withdrawn_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_applicant_consent_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_applicant_consent_deleted_at" ON "escort_applicant_consent" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_applicant_consent_escort_id_kind" ON "escort_applicant_consent" ("escort_id", "kind") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_applicant_consent" cascade;`)
  }
}
