import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import { downloadUnionpayBillWorkflow } from "@health/medusa-plugin-unionpay/workflows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { matchProviderBill } from "./match-provider-bill"
import { unionpayBillLines } from "./provider-bill-lines"
import type { ReconcileBillInput } from "./reconcile-wechat-bill"
import { loadOurProviderPaymentsStep } from "./steps/load-our-provider-payments-step"
import { recordReconciliationRunStep } from "./steps/record-reconciliation-run-step"

/**
 * UnionPay's 流水文件 for one settlement day against our UnionPay payments, refunds and
 * voids: the plugin downloads, verifies and parses the file, we match it and store the run.
 */
export const reconcileUnionpayBillWorkflow = createWorkflow(
  "reconcile-unionpay-bill",
  (input: ReconcileBillInput) => {
    const bill = downloadUnionpayBillWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ bill_date: input.bill_date })),
    })
    const lines = transform({ bill }, ({ bill }) => unionpayBillLines(bill.lines))
    const ours = loadOurProviderPaymentsStep(
      transform({ input, lines }, ({ input, lines }) => ({
        provider_id: UNIONPAY_PROVIDER_ID,
        bill_date: input.bill_date,
        trade_nos: lines.map((line) => line.out_trade_no),
      }))
    )
    const run = recordReconciliationRunStep(
      transform({ input, bill, lines, ours }, ({ input, bill, lines, ours }) => ({
        provider_id: UNIONPAY_PROVIDER_ID,
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
