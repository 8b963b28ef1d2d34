import { WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import { queryRefund } from "@health/medusa-plugin-wechatpay/lib/refunds"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** What WeChat Pay says about a refund now: GET /v3/refund/domestic/refunds/{out_refund_no}. */
export const queryWechatRefundStep = createStep(
  "query-wechat-refund",
  async ({ out_refund_no }: { out_refund_no: string }) =>
    new StepResponse(
      await queryRefund(new WechatpayClient(resolveWechatpayConfig()), out_refund_no)
    )
)
