import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261208040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "identity_verification" ("id" text not null, "subject_type" text not null, "subject_id" text not null, "name" text not null, "id_number_ciphertext" text not null, "id_number_key_id" text not null, "id_number_masked" text not null, "with_face" boolean not null default false, "provider" text not null, "outcome" text check ("outcome" in ('match', 'mismatch', 'invalid', 'unavailable')) not null, "provider_code" text not null, "provider_description" text not null, "provider_request_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "identity_verification_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_identity_verification_deleted_at" ON "identity_verification" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_identity_verification_subject_type_subject_id" ON "identity_verification" ("subject_type", "subject_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity_verification" cascade;`)
  }
}
