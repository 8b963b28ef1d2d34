import {
  createWorkflow,
  transform,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import { matchProviderBill, type ProviderBillLine } from "./match-provider-bill"
import type { ReconcileBillInput } from "./reconcile-wechat-bill"
import { loadOurProviderPaymentsStep } from "./steps/load-our-provider-payments-step"
import { recordReconciliationRunStep } from "./steps/record-reconciliation-run-step"

/** A plugin's bill download, run as a step: the day's bill parsed into the provider's lines. */
type BillDownload<Line> = {
  runAsStep(args: {
    input: WorkflowData<{ bill_date: string }>
  }): WorkflowData<{ exists: boolean; lines: Line[] }>
}

/**
 * The reconciliation of a provider whose bill lines read as ProviderBillLine (Alipay,
 * UnionPay): the plugin downloads and parses the day's bill, `billLines` puts it in common
 * terms, we match it against our payments and refunds of the provider and store the run.
 */
export function reconcileProviderBillWorkflowOf<Line>(
  name: string,
  providerId: string,
  download: BillDownload<Line>,
  billLines: (lines: Line[]) => ProviderBillLine[]
) {
  return createWorkflow(name, (input: ReconcileBillInput) => {
    const bill = download.runAsStep({
      input: transform({ input }, ({ input }) => ({ bill_date: input.bill_date })),
    })
    const lines = transform({ bill }, ({ bill }) => billLines(bill.lines))
    const ours = loadOurProviderPaymentsStep(
      transform({ input, lines }, ({ input, lines }) => ({
        provider_id: providerId,
        bill_date: input.bill_date,
        trade_nos: lines.map((line) => line.out_trade_no),
      }))
    )
    const run = recordReconciliationRunStep(
      transform({ input, bill, lines, ours }, ({ input, bill, lines, ours }) => ({
        provider_id: providerId,
        bill_date: input.bill_date,
        bill_exists: bill.exists,
        bill_lines: lines.length,
        match: matchProviderBill(lines, ours),
        started_by: input.started_by,
      }))
    )
    return new WorkflowResponse(run)
  })
}
