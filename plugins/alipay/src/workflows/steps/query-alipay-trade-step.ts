import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { alipayApi } from "../../lib/api"
import type { AlipayTradeOutcome } from "../../lib/trade-outcome"
import { tradeOutcome } from "../../lib/trades"

/** Alipay's word on a trade by out_trade_no; null when Alipay never heard of it. */
export const queryAlipayTradeStep = createStep(
  "alipay-query-trade",
  async ({ out_trade_no }: { out_trade_no: string }) => {
    const { client } = alipayApi()
    return new StepResponse<AlipayTradeOutcome | null>(await tradeOutcome(client, out_trade_no))
  }
)
