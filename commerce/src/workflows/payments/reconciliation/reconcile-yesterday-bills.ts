import type { MedusaContainer } from "@medusajs/framework/types"
import { RECONCILIATION_MODULE } from "../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../modules/reconciliation/service"
import { beijingYesterday } from "./beijing-day"
import { BILL_PROVIDER_IDS, BILL_PROVIDERS, billProviderConfigured } from "./bill-providers"
import { runBillReconciliation } from "./run-bill-reconciliation"

export type YesterdayBillResult =
  | { provider_id: string; skipped: "not_configured" | "bill_not_ready" }
  | { provider_id: string; skipped: "done"; bill_date: string }
  | { provider_id: string; bill_date: string; run_id: string; status: string }

/**
 * Yesterday's bill of one provider, once: when the shop takes the provider, the bill is out,
 * and no completed run for the day exists (a failed one is tried again).
 */
export async function reconcileYesterdayBill(
  container: MedusaContainer,
  providerId: string,
  now = new Date()
): Promise<YesterdayBillResult> {
  if (!(await billProviderConfigured(container, providerId)))
    return { provider_id: providerId, skipped: "not_configured" }
  const beijingHour = (now.getUTCHours() + 8) % 24
  if (beijingHour < BILL_PROVIDERS[providerId].ready_hour)
    return { provider_id: providerId, skipped: "bill_not_ready" }
  const billDate = beijingYesterday(now)
  const done = await container
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .listReconciliationRuns({ provider_id: providerId, bill_date: billDate, status: "completed" })
  if (done.length) return { provider_id: providerId, skipped: "done", bill_date: billDate }
  const run = await runBillReconciliation(container, providerId, billDate)
  return { provider_id: providerId, bill_date: billDate, run_id: run.id, status: run.status }
}

/**
 * The daily job: yesterday for every provider, one after the other. A provider the shop does
 * not take is skipped and said so in the result (and the log), never an error.
 */
export async function reconcileYesterdayBills(container: MedusaContainer, now = new Date()) {
  const results: YesterdayBillResult[] = []
  for (const providerId of BILL_PROVIDER_IDS) {
    const result = await reconcileYesterdayBill(container, providerId, now)
    if ("skipped" in result && result.skipped === "not_configured")
      container
        .resolve("logger")
        .info(`[reconciliation] ${BILL_PROVIDERS[providerId].name}未开通，跳过对账`)
    results.push(result)
  }
  return { results }
}
