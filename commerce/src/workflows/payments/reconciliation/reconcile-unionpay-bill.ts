import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import { downloadUnionpayBillWorkflow } from "@health/medusa-plugin-unionpay/workflows"
import { unionpayBillLines } from "./provider-bill-lines"
import { reconcileProviderBillWorkflowOf } from "./reconcile-provider-bill"

/**
 * UnionPay's 流水文件 for one clearing day (23:00 to 23:00 Beijing) against our UnionPay
 * payments, refunds and voids.
 */
export const reconcileUnionpayBillWorkflow = reconcileProviderBillWorkflowOf(
  "reconcile-unionpay-bill",
  UNIONPAY_PROVIDER_ID,
  downloadUnionpayBillWorkflow,
  unionpayBillLines
)
