import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { queryTransferBill } from "../../lib/transfer-bills"

/** A transfer bill's state now, by out_bill_no. */
export const queryWechatTransferBillStep = createStep(
  "wechatpay-query-transfer-bill",
  async ({ out_bill_no }: { out_bill_no: string }) =>
    new StepResponse(await queryTransferBill(wechatpayApi().client, out_bill_no))
)
