import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125042414 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" drop constraint if exists "affiliate_ledger_entry_kind_check";`
    )

    this.addSql(
      `alter table if exists "affiliate_ledger_entry" add column if not exists "cart_id" text null;`
    )
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" add constraint "affiliate_ledger_entry_kind_check" check("kind" in ('commission', 'reversal', 'maturation', 'withdrawal_request', 'withdrawal_rejected', 'withdrawal_paid', 'store_credit', 'store_credit_return', 'adjustment'));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_ledger_entry_cart_id" ON "affiliate_ledger_entry" ("cart_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" drop constraint if exists "affiliate_ledger_entry_kind_check";`
    )

    this.addSql(`drop index if exists "IDX_affiliate_ledger_entry_cart_id";`)
    this.addSql(`alter table if exists "affiliate_ledger_entry" drop column if exists "cart_id";`)

    this.addSql(
      `alter table if exists "affiliate_ledger_entry" add constraint "affiliate_ledger_entry_kind_check" check("kind" in ('commission', 'reversal', 'maturation', 'withdrawal_request', 'withdrawal_rejected', 'withdrawal_paid', 'store_credit', 'adjustment'));`
    )
  }
}
