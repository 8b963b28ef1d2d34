import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125043201 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "audit_entry" ("id" text not null, "actor_id" text not null, "action" text not null, "method" text not null, "path" text not null, "status" integer not null, "ip" text null, "user_agent" text null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_id" ON "audit_entry" ("actor_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_action" ON "audit_entry" ("action") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_created_at" ON "audit_entry" ("created_at") WHERE deleted_at IS NULL;`
    )
    // The audit trail is append-only: nobody, staff or attacker with the app's account, rewrites it.
    this.addSql(
      `create or replace function audit_entry_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only: % refused', TG_OP; end $$;`
    )
    this.addSql(`drop trigger if exists audit_entry_append_only on "audit_entry";`)
    this.addSql(
      `create trigger audit_entry_append_only before update or delete on "audit_entry" for each row execute function audit_entry_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`)
  }
}
