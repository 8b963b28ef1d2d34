import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { transactionOutcomeOf, type WechatTransactionOutcome } from "../../lib/transaction-outcome"
import { closeTransaction } from "../../lib/transactions"

/**
 * Closes an unpaid WeChat order; answers how it ended (paid when the buyer was first). No
 * compensation: a closed order cannot be reopened, and closing twice is harmless.
 */
export const closeWechatTransactionStep = createStep(
  "wechatpay-close-transaction",
  async ({ out_trade_no }: { out_trade_no: string }) => {
    const { client, config } = wechatpayApi()
    const transaction = await closeTransaction(client, config, out_trade_no)
    return new StepResponse<WechatTransactionOutcome>(
      transaction ? transactionOutcomeOf(transaction) : { state: "closed", amount_fen: 0 }
    )
  }
)
