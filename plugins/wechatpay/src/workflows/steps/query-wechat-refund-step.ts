import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { queryRefund } from "../../lib/refunds"

/** What WeChat Pay says about a refund now: GET /v3/refund/domestic/refunds/{out_refund_no}. */
export const queryWechatRefundStep = createStep(
  "wechatpay-query-refund",
  async ({ out_refund_no }: { out_refund_no: string }) =>
    new StepResponse(await queryRefund(wechatpayApi().client, out_refund_no))
)
