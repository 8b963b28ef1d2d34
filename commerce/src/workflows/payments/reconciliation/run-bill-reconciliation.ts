import type { MedusaContainer } from "@medusajs/framework/types"
import { RECONCILIATION_MODULE } from "../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../modules/reconciliation/service"
import { BILL_PROVIDERS } from "./bill-providers"

/** Who runs the daily reconciliation when no staff member does. */
export const RECONCILIATION_ACTOR = "system:reconciliation"

/**
 * Runs one provider's reconciliation of a day; when the provider cannot be reached or its
 * bill fails its checks, the attempt is kept as a failed run with the reason, so finance sees it.
 */
export async function runBillReconciliation(
  container: MedusaContainer,
  providerId: string,
  billDate: string,
  startedBy: string = RECONCILIATION_ACTOR
) {
  const { result, errors } = await BILL_PROVIDERS[providerId].workflow(container).run({
    input: { bill_date: billDate, started_by: startedBy },
    throwOnError: false,
  })
  if (!errors?.length) return result
  const reason = (errors[0]?.error as Error | undefined)?.message ?? "未知错误"
  container.resolve("logger").warn(`[reconciliation] ${providerId} ${billDate} failed: ${reason}`)
  return container
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .createReconciliationRuns({
      provider_id: providerId,
      bill_date: billDate,
      status: "failed",
      started_by: startedBy,
      error: reason.slice(0, 500),
    })
}
