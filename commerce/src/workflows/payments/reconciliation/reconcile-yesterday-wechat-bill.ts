import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RECONCILIATION_MODULE } from "../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../modules/reconciliation/service"
import { beijingYesterday } from "./beijing-day"
import { runWechatReconciliation } from "./run-wechat-reconciliation"

/** WeChat publishes a day's bill from 10:00 the next morning (Beijing). */
const BILL_READY_HOUR = 10

/**
 * The daily job: yesterday's WeChat Pay bill, once, when the shop takes WeChat Pay, the bill
 * is out, and no completed run for the day exists (a failed one is tried again).
 */
export async function reconcileYesterdayWechatBill(container: MedusaContainer, now = new Date()) {
  const [provider] = await container
    .resolve<IPaymentModuleService>(Modules.PAYMENT)
    .listPaymentProviders({ id: WECHATPAY_PROVIDER_ID, is_enabled: true })
  if (!provider) return { skipped: "wechatpay_off" }
  const beijingHour = (now.getUTCHours() + 8) % 24
  if (beijingHour < BILL_READY_HOUR) return { skipped: "bill_not_ready" }
  const billDate = beijingYesterday(now)
  const done = await container
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .listReconciliationRuns({
      provider_id: WECHATPAY_PROVIDER_ID,
      bill_date: billDate,
      status: "completed",
    })
  if (done.length) return { skipped: "done", bill_date: billDate }
  const run = await runWechatReconciliation(container, billDate)
  return { bill_date: billDate, run_id: run.id, status: run.status }
}
