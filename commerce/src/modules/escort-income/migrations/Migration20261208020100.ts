import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Escort withdrawals paid by WeChat 商家转账 (paying → paid | failed, the bill's state and
 * the package the escort confirms with), and the WeChat account an escort bound to be paid.
 */
export class Migration20261208020100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_withdrawal" drop constraint if exists "escort_withdrawal_status_check";`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" add constraint "escort_withdrawal_status_check" check ("status" in ('requested', 'approved', 'paying', 'paid', 'rejected', 'failed'));`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" drop constraint if exists "escort_withdrawal_method_check";`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" add constraint "escort_withdrawal_method_check" check ("method" in ('bank', 'wechat'));`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" add column if not exists "transfer_state" text null, add column if not exists "transfer_package" text null, add column if not exists "fail_reason" text null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_withdrawal_reference_wechat" ON "escort_withdrawal" ("reference") WHERE deleted_at IS NULL AND method = 'wechat';`
    )
    this.addSql(
      `create table if not exists "escort_payout_account" ("id" text not null, "escort_id" text not null, "wechat_openid" text not null, "wechat_unionid" text null, "bound_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "escort_payout_account_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_payout_account_deleted_at" ON "escort_payout_account" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_payout_account_escort_id_unique" ON "escort_payout_account" ("escort_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_escort_payout_account_wechat_openid_unique" ON "escort_payout_account" ("wechat_openid") WHERE deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "escort_payout_account" cascade;`)
    this.addSql(`drop index if exists "IDX_escort_withdrawal_reference_wechat";`)
    this.addSql(
      `alter table if exists "escort_withdrawal" drop column if exists "transfer_state", drop column if exists "transfer_package", drop column if exists "fail_reason";`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" drop constraint if exists "escort_withdrawal_method_check";`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" add constraint "escort_withdrawal_method_check" check ("method" in ('bank'));`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" drop constraint if exists "escort_withdrawal_status_check";`
    )
    this.addSql(
      `alter table if exists "escort_withdrawal" add constraint "escort_withdrawal_status_check" check ("status" in ('requested', 'approved', 'paid', 'rejected'));`
    )
  }
}
