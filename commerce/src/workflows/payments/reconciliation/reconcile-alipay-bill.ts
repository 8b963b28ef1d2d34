import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay"
import { downloadAlipayBillWorkflow } from "@health/medusa-plugin-alipay/workflows"
import { alipayBillLines } from "./provider-bill-lines"
import { reconcileProviderBillWorkflowOf } from "./reconcile-provider-bill"

/** Alipay's 业务明细账单 for one Beijing day against our Alipay payments and refunds. */
export const reconcileAlipayBillWorkflow = reconcileProviderBillWorkflowOf(
  "reconcile-alipay-bill",
  ALIPAY_PROVIDER_ID,
  downloadAlipayBillWorkflow,
  alipayBillLines
)
