import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  updateRegionsWorkflow,
} from "@medusajs/medusa/core-flows"

const REGION_NAME = "中国"

/** Payment providers the region offers: WeChat Pay, Alipay and UnionPay whenever configured. */
function regionPaymentProviders(): string[] {
  return [
    "pp_system_default",
    ...(process.env.WECHATPAY_MCHID ? ["pp_wechatpay_wechatpay"] : []),
    ...(process.env.ALIPAY_APP_ID ? ["pp_alipay_alipay"] : []),
    ...(process.env.UNIONPAY_MER_ID ? ["pp_unionpay_unionpay"] : []),
  ]
}

/** The region China in CNY, with its tax region. */
export async function ensureRegion(container: MedusaContainer) {
  const regions = container.resolve(Modules.REGION)
  const [existing] = await regions.listRegions({ name: REGION_NAME })
  if (existing) {
    // A payment provider may have been configured after the first seed.
    await updateRegionsWorkflow(container).run({
      input: {
        selector: { id: existing.id },
        update: { payment_providers: regionPaymentProviders() },
      },
    })
    return existing
  }
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: REGION_NAME,
          currency_code: "cny",
          countries: ["cn"],
          payment_providers: regionPaymentProviders(),
          automatic_taxes: true,
        },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "cn", provider_id: "tp_system" }],
  })
  return result[0]
}
