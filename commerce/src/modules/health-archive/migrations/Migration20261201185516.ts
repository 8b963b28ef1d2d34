import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201185516 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "lab_report" drop constraint if exists "lab_report_kit_id_sha256_unique";`
    )
    this.addSql(`alter table if exists "kit" drop constraint if exists "kit_barcode_unique";`)
    this.addSql(
      `alter table if exists "kit" drop constraint if exists "kit_line_item_id_unit_index_unique";`
    )
    this.addSql(
      `create table if not exists "archive_access" ("id" text not null, "owner_id" text not null, "actor_type" text check ("actor_type" in ('customer', 'staff', 'system')) not null, "actor_id" text null, "action" text not null, "resource_type" text not null, "resource_id" text null, "ip" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "archive_access_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_access_deleted_at" ON "archive_access" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_archive_access_owner_id_created_at" ON "archive_access" ("owner_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "consent" ("id" text not null, "customer_id" text not null, "kit_id" text null, "kind" text check ("kind" in ('testing', 'storage', 'research')) not null, "version" text not null, "signed_at" timestamptz not null, "withdrawn_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "consent_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_customer_id" ON "consent" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_deleted_at" ON "consent" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_consent_kit_id_kind" ON "consent" ("kit_id", "kind") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "kit" ("id" text not null, "customer_id" text not null, "order_id" text not null, "order_display_id" integer null, "line_item_id" text not null, "unit_index" integer not null, "product_title" text not null, "variant_title" text null, "collection_method" text check ("collection_method" in ('mail_in', 'on_site')) not null default 'mail_in', "barcode" text null, "status" text check ("status" in ('ordered', 'shipped', 'activated', 'received', 'testing', 'report_ready', 'delivered', 'rejected', 'cancelled')) not null default 'ordered', "person_id" text null, "tracking_carrier" text null, "tracking_number" text null, "rejection_reason" text null, "activated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kit_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_customer_id" ON "kit" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_order_id" ON "kit" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_deleted_at" ON "kit" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kit_line_item_id_unit_index_unique" ON "kit" ("line_item_id", "unit_index") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_kit_barcode_unique" ON "kit" ("barcode") WHERE barcode IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_status_created_at" ON "kit" ("status", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "kit_event" ("id" text not null, "kit_id" text not null, "status" text check ("status" in ('ordered', 'shipped', 'activated', 'received', 'testing', 'report_ready', 'delivered', 'rejected', 'cancelled')) not null, "note" text null, "actor_type" text check ("actor_type" in ('customer', 'staff', 'system')) not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "kit_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_event_kit_id" ON "kit_event" ("kit_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_kit_event_deleted_at" ON "kit_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "lab_report" ("id" text not null, "kit_id" text not null, "customer_id" text not null, "file_id" text not null, "key_id" text not null, "size" integer not null, "sha256" text not null, "summary_ciphertext" text not null, "lab" text null, "issued_at" timestamptz null, "batch_file_id" text null, "viewed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lab_report_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_kit_id" ON "lab_report" ("kit_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_customer_id" ON "lab_report" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_lab_report_deleted_at" ON "lab_report" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lab_report_kit_id_sha256_unique" ON "lab_report" ("kit_id", "sha256") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "member_upload" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('image', 'pdf')) not null, "mime_type" text not null, "size" integer not null, "file_id" text not null, "key_id" text not null, "payload_ciphertext" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_upload_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_member_upload_customer_id" ON "member_upload" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_member_upload_deleted_at" ON "member_upload" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "report_batch" ("id" text not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "report_batch_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_report_batch_deleted_at" ON "report_batch" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "report_batch_file" ("id" text not null, "batch_id" text not null, "filename" text not null, "size" integer not null, "status" text check ("status" in ('queued', 'processing', 'done', 'failed')) not null default 'queued', "error_code" text null, "error_message" text null, "file_id" text null, "key_id" text null, "sha256" text null, "barcode" text null, "kit_id" text null, "report_id" text null, "timings" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "report_batch_file_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_report_batch_file_batch_id" ON "report_batch_file" ("batch_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_report_batch_file_deleted_at" ON "report_batch_file" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_report_batch_file_status" ON "report_batch_file" ("status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "test_subject" ("id" text not null, "customer_id" text not null, "relation" text check ("relation" in ('self', 'spouse', 'parent', 'child', 'other')) not null, "payload_ciphertext" text not null, "key_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "test_subject_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_test_subject_customer_id" ON "test_subject" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_test_subject_deleted_at" ON "test_subject" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    // The access log is evidence: no row may be changed or removed, not even by the app.
    this.addSql(
      `create or replace function archive_access_append_only() returns trigger language plpgsql as $$ begin raise exception 'archive_access is append-only: % refused', TG_OP; end $$;`
    )
    this.addSql(`drop trigger if exists archive_access_append_only on "archive_access";`)
    this.addSql(
      `create trigger archive_access_append_only before update or delete on "archive_access" for each row execute function archive_access_append_only();`
    )

    this.addSql(
      `alter table if exists "kit_event" add constraint "kit_event_kit_id_foreign" foreign key ("kit_id") references "kit" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "report_batch_file" add constraint "report_batch_file_batch_id_foreign" foreign key ("batch_id") references "report_batch" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "kit_event" drop constraint if exists "kit_event_kit_id_foreign";`
    )

    this.addSql(
      `alter table if exists "report_batch_file" drop constraint if exists "report_batch_file_batch_id_foreign";`
    )

    this.addSql(`drop table if exists "archive_access" cascade;`)
    this.addSql(`drop function if exists archive_access_append_only();`)

    this.addSql(`drop table if exists "consent" cascade;`)

    this.addSql(`drop table if exists "kit" cascade;`)

    this.addSql(`drop table if exists "kit_event" cascade;`)

    this.addSql(`drop table if exists "lab_report" cascade;`)

    this.addSql(`drop table if exists "member_upload" cascade;`)

    this.addSql(`drop table if exists "report_batch" cascade;`)

    this.addSql(`drop table if exists "report_batch_file" cascade;`)

    this.addSql(`drop table if exists "test_subject" cascade;`)
  }
}
