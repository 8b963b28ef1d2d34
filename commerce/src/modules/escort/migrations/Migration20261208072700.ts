import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * SOP steps (挂号, 候诊 …) recorded during 陪同就医 go on the timeline: the step's name,
 * and at most one live event per step and booking, so a double tap records it once.
 */
export class Migration20261208072700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "escort_booking_event" add column if not exists "sop_step" text null;`
    )
    this.addSql(
      `create unique index if not exists "IDX_escort_booking_event_sop_step_once" on "escort_booking_event" ("booking_id", "sop_step") where "sop_step" is not null and "deleted_at" is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_escort_booking_event_sop_step_once";`)
    this.addSql(`alter table if exists "escort_booking_event" drop column if exists "sop_step";`)
  }
}
