import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unionpayApi } from "../../lib/api"
import { orderOutcomeOf, type UnionpayOrderOutcome } from "../../lib/order-outcome"
import { queryTransaction } from "../../lib/transactions"

export type UnionpayOrderKey = { order_id: string; txn_time: string }

/** UnionPay's word on a consumption by orderId + txnTime; null when UnionPay has none. */
export const queryUnionpayOrderStep = createStep(
  "unionpay-query-order",
  async ({ order_id, txn_time }: UnionpayOrderKey) => {
    const { config } = unionpayApi()
    return new StepResponse<UnionpayOrderOutcome | null>(
      orderOutcomeOf(await queryTransaction(config, order_id, txn_time))
    )
  }
)
