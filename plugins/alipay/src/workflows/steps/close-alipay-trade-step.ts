import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { alipayApi } from "../../lib/api"
import type { AlipayTradeOutcome } from "../../lib/trade-outcome"
import { closeTrade } from "../../lib/trades"

/**
 * Closes an unpaid trade; answers how it ended (paid when the buyer was first). No
 * compensation: a closed trade cannot be reopened, and closing twice is harmless.
 */
export const closeAlipayTradeStep = createStep(
  "alipay-close-trade",
  async ({ out_trade_no }: { out_trade_no: string }) => {
    const { client } = alipayApi()
    return new StepResponse<AlipayTradeOutcome>(await closeTrade(client, out_trade_no))
  }
)
