import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Doctors' withdrawals paid by WeChat 商家转账 (#22): the WeChat a doctor binds, and the
 * withdrawal's approved → paying → paid/failed states with the bill's details. A doctor
 * still has one open withdrawal at a time, now requested, approved or paying.
 */
export class Migration20261212300001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "doctor_payout_account" ("id" text not null, "doctor_id" text not null, "wechat_openid" text not null, "wechat_unionid" text null, "bound_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "doctor_payout_account_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_doctor_payout_account_deleted_at" ON "doctor_payout_account" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_payout_account_doctor_id_unique" ON "doctor_payout_account" ("doctor_id") WHERE deleted_at is null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_payout_account_wechat_openid_unique" ON "doctor_payout_account" ("wechat_openid") WHERE deleted_at is null;`
    )

    this.addSql(
      `alter table if exists "doctor_withdrawal" drop constraint if exists "doctor_withdrawal_status_check";`
    )
    this.addSql(
      `alter table if exists "doctor_withdrawal" add constraint "doctor_withdrawal_status_check" check ("status" in ('requested', 'approved', 'paying', 'paid', 'rejected', 'failed'));`
    )
    this.addSql(
      `alter table if exists "doctor_withdrawal" add column if not exists "method" text check ("method" in ('bank', 'wechat')) null, add column if not exists "transfer_state" text null, add column if not exists "transfer_package" text null, add column if not exists "fail_reason" text null, add column if not exists "paid_by" text null, add column if not exists "paid_at" timestamptz null;`
    )
    // Bank payments recorded before this change were bank transfers.
    this.addSql(
      `update "doctor_withdrawal" set "method" = 'bank', "paid_by" = "reviewed_by", "paid_at" = "reviewed_at" where "status" = 'paid' and "method" is null;`
    )
    this.addSql(`DROP INDEX IF EXISTS "IDX_doctor_withdrawal_doctor_id_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_doctor_id_unique" ON "doctor_withdrawal" ("doctor_id") WHERE status in ('requested', 'approved', 'paying') and deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_doctor_withdrawal_doctor_id_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_doctor_withdrawal_doctor_id_unique" ON "doctor_withdrawal" ("doctor_id") WHERE status = 'requested' and deleted_at is null;`
    )
    this.addSql(
      `alter table if exists "doctor_withdrawal" drop column if exists "method", drop column if exists "transfer_state", drop column if exists "transfer_package", drop column if exists "fail_reason", drop column if exists "paid_by", drop column if exists "paid_at";`
    )
    this.addSql(
      `alter table if exists "doctor_withdrawal" drop constraint if exists "doctor_withdrawal_status_check";`
    )
    this.addSql(
      `alter table if exists "doctor_withdrawal" add constraint "doctor_withdrawal_status_check" check ("status" in ('requested', 'paid', 'rejected'));`
    )
    this.addSql(`drop table if exists "doctor_payout_account" cascade;`)
  }
}
