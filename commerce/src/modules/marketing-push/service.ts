import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { MarketingPush } from "./models/marketing-push"
import { MarketingPushDelivery } from "./models/marketing-push-delivery"

export type DeliveryState =
  | "pending"
  | "sent"
  | "failed"
  | "opted_out"
  | "no_phone"
  | "no_openid"
  | "not_subscribed"
  | "not_following"
  | "no_subscription"

export type DeliveryClaim = { id: string; channel: string; state: DeliveryState }

export type ChannelFigures = {
  channel: string
  targeted: number
  delivered: number
  failed: number
  skipped: number
  clicked: number
}

class MarketingPushModuleService extends MedusaService({ MarketingPush, MarketingPushDelivery }) {
  /**
   * Moves a push from one status to the next only if it is still in `from`: the one place
   * where a send starts or a push is canceled, so a canceled push never starts and a push
   * that started can no longer be canceled. True when this call made the change.
   */
  @InjectManager()
  async transition(
    id: string,
    from: "scheduled" | "sending",
    to: "sending" | "sent" | "canceled",
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const rows = await this.sql(context).execute<{ id: string }>(
      `update marketing_push set status = ?, updated_at = now()
       where id = ? and status = ? and deleted_at is null returning id`,
      [to, id, from]
    )
    return rows.length > 0
  }

  @InjectManager()
  async setTargeted(id: string, targeted: number, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update marketing_push set targeted = ?, updated_at = now() where id = ?`,
      [targeted, id]
    )
  }

  /**
   * The member's delivery rows of the push, one per channel, created on first call (the
   * claim). A retried batch finds them and sends only the channels still pending.
   */
  @InjectManager()
  async claimDeliveries(
    pushId: string,
    customerId: string,
    channels: string[],
    @MedusaContext() context: Context = {}
  ): Promise<DeliveryClaim[]> {
    if (!channels.length) return []
    const sql = this.sql(context)
    await sql.execute(
      `insert into marketing_push_delivery (id, push_id, customer_id, channel, created_at, updated_at)
       values ${channels.map(() => "(?, ?, ?, ?, now(), now())").join(", ")}
       on conflict do nothing`,
      channels.flatMap((channel) => [
        generateEntityId(undefined, "mpdel"),
        pushId,
        customerId,
        channel,
      ])
    )
    return sql.execute<DeliveryClaim>(
      `select id, channel, state from marketing_push_delivery
       where push_id = ? and customer_id = ? and deleted_at is null order by channel`,
      [pushId, customerId]
    )
  }

  @InjectManager()
  async markDelivery(id: string, state: DeliveryState, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update marketing_push_delivery set state = ?, updated_at = now() where id = ?`,
      [state, id]
    )
  }

  /**
   * Records a click on a channel's tracked link (the first one counts). The delivery id in
   * the link says who and which channel; the push id must match. False if no such delivery.
   */
  @InjectManager()
  async recordClick(
    pushId: string,
    deliveryId: string,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const rows = await this.sql(context).execute<{ id: string }>(
      `update marketing_push_delivery set clicked_at = coalesce(clicked_at, now()), updated_at = now()
       where id = ? and push_id = ? and deleted_at is null returning id`,
      [deliveryId, pushId]
    )
    return rows.length > 0
  }

  /** Per channel: members targeted, delivered, failed, skipped (opt-outs, no contact), clicked. */
  @InjectManager()
  async channelFigures(
    pushId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ChannelFigures[]> {
    return this.sql(context).execute<ChannelFigures>(
      `select channel, count(*)::int as targeted,
         count(*) filter (where state = 'sent')::int as delivered,
         count(*) filter (where state = 'failed')::int as failed,
         count(*) filter (where state not in ('sent', 'failed', 'pending'))::int as skipped,
         count(clicked_at)::int as clicked
       from marketing_push_delivery where push_id = ? and deleted_at is null
       group by channel order by channel`,
      [pushId]
    )
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "marketing-push")
  }
}

export default MarketingPushModuleService
