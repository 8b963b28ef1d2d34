import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { queryTransaction, type WechatTransaction } from "../../lib/transactions"

/** WeChat's word on an order by out_trade_no; null when WeChat never heard of it. */
export const queryWechatTransactionStep = createStep(
  "wechatpay-query-transaction",
  async ({ out_trade_no }: { out_trade_no: string }) => {
    const { client, config } = wechatpayApi()
    return new StepResponse<WechatTransaction | null>(
      await queryTransaction(client, config, out_trade_no)
    )
  }
)
