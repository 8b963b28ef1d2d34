import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileYesterdayBill } from "./reconcile-yesterday-bills"

/** Yesterday's WeChat Pay bill alone (the daily job does every provider: reconcileYesterdayBills). */
export async function reconcileYesterdayWechatBill(container: MedusaContainer, now = new Date()) {
  const { provider_id: _provider, ...result } = await reconcileYesterdayBill(
    container,
    WECHATPAY_PROVIDER_ID,
    now
  )
  return result
}
