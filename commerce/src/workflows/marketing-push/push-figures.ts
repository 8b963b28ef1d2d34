import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MarketingChannel } from "../../lib/marketing/marketing-channels"
import { MARKETING_PUSH_MODULE } from "../../modules/marketing-push"
import type MarketingPushModuleService from "../../modules/marketing-push/service"
import type { ChannelFigures } from "../../modules/marketing-push/service"
import { marketingNoticeKey } from "../../notifications/marketing-push.zh-CN"

export type PushFigures = ChannelFigures & { opened: number | null }

/**
 * Delivered, failed, skipped and clicked per channel, and opened for the inbox: the
 * members who read the inbox message (its dedupe key names the push). Reads only.
 */
export async function pushFigures(
  container: MedusaContainer,
  pushId: string
): Promise<PushFigures[]> {
  const figures = await container
    .resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
    .channelFigures(pushId)
  const knex = container.resolve<{
    raw<T>(sql: string, bindings: unknown[]): Promise<{ rows: T[] }>
  }>(ContainerRegistrationKeys.PG_CONNECTION)
  const prefix = marketingNoticeKey(pushId, "")
  const { rows } = await knex.raw<{ opened: number }>(
    `select count(*)::int as opened from inbox_message
     where dedupe_key like ? and read_at is not null and deleted_at is null`,
    [`${prefix.replace(/[\\%_]/g, "\\$&")}%`]
  )
  return figures.map((row) => ({
    ...row,
    opened: row.channel === MarketingChannel.INBOX ? rows[0].opened : null,
  }))
}
