import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import { shareEarningFen } from "../../../../lib/share-earning"
import { fenToYuan, toFen } from "../../../../lib/money"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { ShareEarningsQueryType } from "../../../validators"

type PricedProduct = {
  id: string
  metadata: Record<string, unknown> | null
  variants: { calculated_price?: { calculated_amount?: number | string | null } | null }[]
}

/**
 * "分享赚 ¥x" for the products a distributor is looking at: the level-1 commission on
 * the lowest price the shop sells each for now, by the ledger's own rule. Members who
 * are not distributors earn nothing by sharing and get an empty list.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ShareEarningsQueryType>,
  res: MedusaResponse
) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  if (affiliate.status !== "distributor") {
    res.json({ distributor: false, share_earnings: [] })
    return
  }
  const { product_id, region_id, currency_code } = req.validatedQuery as ShareEarningsQueryType
  const [settings, { data }] = await Promise.all([
    service.settings(),
    req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product",
      fields: ["id", "metadata", "variants.calculated_price.calculated_amount"],
      filters: { id: product_id, status: "published" },
      context: {
        variants: {
          calculated_price: QueryContext({ currency_code, ...(region_id && { region_id }) }),
        },
      },
    }),
  ])
  const share_earnings = (data as PricedProduct[]).flatMap((product) => {
    const prices = product.variants
      .map((variant) => variant.calculated_price?.calculated_amount)
      .filter((amount): amount is number | string => amount !== null && amount !== undefined)
      .map(toFen)
    if (!prices.length) return []
    const price = Math.min(...prices)
    const { amount_fen, rate_bp } = shareEarningFen(price, product.metadata, settings.rates_bp)
    return [
      {
        product_id: product.id,
        price: fenToYuan(price),
        rate_percent: rate_bp / 100,
        amount: fenToYuan(amount_fen),
      },
    ]
  })
  res.json({ distributor: true, share_earnings })
}
