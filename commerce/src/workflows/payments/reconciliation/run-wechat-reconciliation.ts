import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { RECONCILIATION_MODULE } from "../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../modules/reconciliation/service"
import { reconcileWechatBillWorkflow } from "./reconcile-wechat-bill"

/** Who runs the daily reconciliation when no staff member does. */
export const RECONCILIATION_ACTOR = "system:reconciliation"

/**
 * Runs the day's reconciliation; when WeChat cannot be reached or its bill fails the hash
 * check, the attempt is kept as a failed run with the reason, so finance sees it.
 */
export async function runWechatReconciliation(
  container: MedusaContainer,
  billDate: string,
  startedBy: string = RECONCILIATION_ACTOR
) {
  const { result, errors } = await reconcileWechatBillWorkflow(container).run({
    input: { bill_date: billDate, started_by: startedBy },
    throwOnError: false,
  })
  if (!errors?.length) return result
  const reason = (errors[0]?.error as Error | undefined)?.message ?? "未知错误"
  container.resolve("logger").warn(`[reconciliation] ${billDate} failed: ${reason}`)
  return container
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .createReconciliationRuns({
      provider_id: WECHATPAY_PROVIDER_ID,
      bill_date: billDate,
      status: "failed",
      started_by: startedBy,
      error: reason.slice(0, 500),
    })
}
