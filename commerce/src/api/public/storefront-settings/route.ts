import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type ChannelKeys = { publishable_api_keys?: ({ token: string; revoked_at: unknown } | null)[] }

/**
 * GET /public/storefront-settings: what a storefront needs before its first store call,
 * the publishable key of the store's default sales channel (the seed's 官网及小程序).
 * A publishable key is public by design (every shop page sends it), so no sign-in: the
 * web and the mini-program's H5 read it at run time instead of an operator copying it.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
  const channelId = store?.default_sales_channel_id
  const { data: channels } = channelId
    ? await query.graph({
        entity: "sales_channel",
        fields: ["id", "publishable_api_keys.token", "publishable_api_keys.revoked_at"],
        filters: { id: channelId },
      })
    : { data: [] }
  const key = ((channels[0] as ChannelKeys | undefined)?.publishable_api_keys ?? []).find(
    (candidate) => candidate && !candidate.revoked_at
  )
  if (!key) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "商城尚未初始化：默认销售渠道没有可用的公开密钥（Publishable API Key），请先完成首次启动的初始化"
    )
  }
  // Cached briefly by browsers and proxies; a revoked key is replaced within a minute.
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({
    storefront_settings: { publishable_key: key.token, sales_channel_id: channelId },
  })
}
