import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay"
import { downloadAlipayBillWorkflow } from "@health/medusa-plugin-alipay/workflows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { matchProviderBill } from "./match-provider-bill"
import { alipayBillLines } from "./provider-bill-lines"
import type { ReconcileBillInput } from "./reconcile-wechat-bill"
import { loadOurProviderPaymentsStep } from "./steps/load-our-provider-payments-step"
import { recordReconciliationRunStep } from "./steps/record-reconciliation-run-step"

/**
 * Alipay's 业务明细账单 for one Beijing day against our Alipay payments and refunds: the
 * plugin downloads and parses the bill, we match it and store the run for finance.
 */
export const reconcileAlipayBillWorkflow = createWorkflow(
  "reconcile-alipay-bill",
  (input: ReconcileBillInput) => {
    const bill = downloadAlipayBillWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ bill_date: input.bill_date })),
    })
    const lines = transform({ bill }, ({ bill }) => alipayBillLines(bill.lines))
    const ours = loadOurProviderPaymentsStep(
      transform({ input, lines }, ({ input, lines }) => ({
        provider_id: ALIPAY_PROVIDER_ID,
        bill_date: input.bill_date,
        trade_nos: lines.map((line) => line.out_trade_no),
      }))
    )
    const run = recordReconciliationRunStep(
      transform({ input, bill, lines, ours }, ({ input, bill, lines, ours }) => ({
        provider_id: ALIPAY_PROVIDER_ID,
        bill_date: input.bill_date,
        bill_exists: bill.exists,
        bill_lines: lines.length,
        match: matchProviderBill(lines, ours),
        started_by: input.started_by,
      }))
    )
    return new WorkflowResponse(run)
  }
)
