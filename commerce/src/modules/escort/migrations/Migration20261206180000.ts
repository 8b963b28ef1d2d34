import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Bookings priced from the catalogue and paid through a Medusa cart/order (issue #20 items 1–2). */
export class Migration20261206180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking" add column if not exists "variant_id" text null, add column if not exists "extras" jsonb not null default '[]', add column if not exists "cart_id" text null, add column if not exists "order_id" text null, add column if not exists "paid_at" timestamptz null, add column if not exists "cancelled_at" timestamptz null, add column if not exists "refund_fen" integer null, add column if not exists "cancel_fee_fen" integer null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_order_id" ON "escort_booking" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_escort_booking_status_created_at" ON "escort_booking" ("status", "created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_escort_booking_status_created_at";`)
    this.addSql(`drop index if exists "IDX_escort_booking_order_id";`)
    this.addSql(
      `alter table if exists "escort_booking" drop column if exists "variant_id", drop column if exists "extras", drop column if exists "cart_id", drop column if exists "order_id", drop column if exists "paid_at", drop column if exists "cancelled_at", drop column if exists "refund_fen", drop column if exists "cancel_fee_fen";`
    )
  }
}
