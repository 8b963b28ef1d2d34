import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import { downloadWechatBillWorkflow } from "@health/medusa-plugin-wechatpay/workflows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { matchWechatBill } from "./match-wechat-bill"
import { loadOurWechatPaymentsStep } from "./steps/load-our-wechat-payments-step"
import { recordReconciliationRunStep } from "./steps/record-reconciliation-run-step"

/** A provider's bill for a Beijing day, reconciled by a staff member or the daily job. */
export type ReconcileBillInput = { bill_date: string; started_by: string }

/**
 * WeChat Pay's bill for one Beijing day against our payments and refunds: the plugin
 * downloads and checks the bill, we match it line by line and store the run with its
 * differences for finance.
 */
export const reconcileWechatBillWorkflow = createWorkflow(
  "reconcile-wechat-bill",
  (input: ReconcileBillInput) => {
    const bill = downloadWechatBillWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ bill_date: input.bill_date })),
    })
    const ours = loadOurWechatPaymentsStep(
      transform({ input, bill }, ({ input, bill }) => ({
        bill_date: input.bill_date,
        lines: bill.trades,
      }))
    )
    const run = recordReconciliationRunStep(
      transform({ input, bill, ours }, ({ input, bill, ours }) => ({
        provider_id: WECHATPAY_PROVIDER_ID,
        bill_date: input.bill_date,
        bill_exists: bill.exists,
        bill_lines: bill.trades.length,
        match: matchWechatBill(bill.trades, ours),
        started_by: input.started_by,
      }))
    )
    return new WorkflowResponse(run)
  }
)
