import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201193151 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" drop constraint if exists "affiliate_ledger_entry_kind_check";`
    )

    this.addSql(
      `alter table if exists "affiliate_withdrawal" drop constraint if exists "affiliate_withdrawal_status_check";`
    )

    this.addSql(
      `alter table if exists "affiliate_ledger_entry" add constraint "affiliate_ledger_entry_kind_check" check("kind" in ('commission', 'reversal', 'maturation', 'withdrawal_request', 'withdrawal_rejected', 'withdrawal_paid', 'withdrawal_failed', 'store_credit', 'store_credit_return', 'adjustment'));`
    )

    this.addSql(
      `alter table if exists "affiliate_withdrawal" add column if not exists "transfer_state" text null, add column if not exists "transfer_package" text null;`
    )
    this.addSql(
      `alter table if exists "affiliate_withdrawal" add constraint "affiliate_withdrawal_status_check" check("status" in ('requested', 'approved', 'rejected', 'paying', 'paid', 'failed'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_ledger_entry" drop constraint if exists "affiliate_ledger_entry_kind_check";`
    )

    this.addSql(
      `alter table if exists "affiliate_withdrawal" drop constraint if exists "affiliate_withdrawal_status_check";`
    )

    this.addSql(
      `alter table if exists "affiliate_ledger_entry" add constraint "affiliate_ledger_entry_kind_check" check("kind" in ('commission', 'reversal', 'maturation', 'withdrawal_request', 'withdrawal_rejected', 'withdrawal_paid', 'store_credit', 'store_credit_return', 'adjustment'));`
    )

    this.addSql(
      `alter table if exists "affiliate_withdrawal" drop column if exists "transfer_state", drop column if exists "transfer_package";`
    )

    this.addSql(
      `alter table if exists "affiliate_withdrawal" add constraint "affiliate_withdrawal_status_check" check("status" in ('requested', 'approved', 'rejected', 'paid', 'failed'));`
    )
  }
}
