import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BILL_PROVIDER_IDS, BILL_PROVIDERS, billProviderConfigured } from "./bill-providers"
import { runBillReconciliation } from "./run-bill-reconciliation"

/**
 * Finance reconciles a day now: one run for the provider asked for, or one for every provider
 * the shop takes. Providers it does not take are listed as skipped; asking for one by name
 * is refused.
 */
export async function reconcileBillsOfDay(
  container: MedusaContainer,
  input: { bill_date: string; started_by: string; provider_id?: string }
) {
  const asked = input.provider_id ? [input.provider_id] : BILL_PROVIDER_IDS
  const runs: Awaited<ReturnType<typeof runBillReconciliation>>[] = []
  const skipped: { provider_id: string; reason: string }[] = []
  for (const providerId of asked) {
    const name = BILL_PROVIDERS[providerId].name
    if (!(await billProviderConfigured(container, providerId))) {
      if (input.provider_id)
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name}未开通，无法对账`)
      skipped.push({ provider_id: providerId, reason: `${name}未开通，已跳过` })
      continue
    }
    runs.push(await runBillReconciliation(container, providerId, input.bill_date, input.started_by))
  }
  return { runs, skipped }
}
