import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** 已评价 (reviewed) joins the booking states: the member's review opened (issue #21). */
export class Migration20261208050200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking" drop constraint if exists "escort_booking_status_check";`
    )
    this.addSql(
      `alter table if exists "escort_booking" add constraint "escort_booking_status_check" check ("status" in ('pending_payment', 'awaiting_escort', 'accepted', 'departed', 'arrived', 'accompanying', 'completed', 'confirmed', 'reviewed', 'cancelled', 'refunded'));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking" drop constraint if exists "escort_booking_status_check";`
    )
    this.addSql(
      `alter table if exists "escort_booking" add constraint "escort_booking_status_check" check ("status" in ('pending_payment', 'awaiting_escort', 'accepted', 'departed', 'arrived', 'accompanying', 'completed', 'confirmed', 'cancelled', 'refunded'));`
    )
  }
}
