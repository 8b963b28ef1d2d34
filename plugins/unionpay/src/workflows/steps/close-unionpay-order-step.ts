import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unionpayApi } from "../../lib/api"
import { expiredOrderOutcomeOf, type UnionpayOrderOutcome } from "../../lib/order-outcome"
import { queryTransaction } from "../../lib/transactions"
import type { UnionpayOrderKey } from "./query-unionpay-order-step"

/**
 * "Closes" an order past its payTimeout: ACP has no close for gateway orders, so this asks
 * UnionPay and reports closed unless the order was paid (or is still processing) after all.
 */
export const closeUnionpayOrderStep = createStep(
  "unionpay-close-order",
  async ({ order_id, txn_time }: UnionpayOrderKey) => {
    const { config } = unionpayApi()
    return new StepResponse<UnionpayOrderOutcome>(
      expiredOrderOutcomeOf(await queryTransaction(config, order_id, txn_time))
    )
  }
)
