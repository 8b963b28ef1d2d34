import { WechatpayApiError, type WechatpayClient } from "./client"
import type { WechatpayConfig } from "./config"

export type WechatTransaction = {
  out_trade_no: string
  transaction_id?: string
  trade_state: string
  trade_state_desc?: string
  attach?: string
  amount: { total: number; payer_total?: number }
}

/** trade_state values that mean the buyer's money reached the merchant (REFUND: and some went back). */
export const PAID_TRADE_STATES = ["SUCCESS", "REFUND"]

/** The WeChat order by out_trade_no; null when WeChat never heard of it. */
export async function queryTransaction(
  client: WechatpayClient,
  config: WechatpayConfig,
  outTradeNo: string
): Promise<WechatTransaction | null> {
  try {
    const { data } = await client.request<WechatTransaction>(
      "GET",
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${config.mchid}`
    )
    return data
  } catch (error) {
    if (error instanceof WechatpayApiError && error.code === "ORDER_NOT_EXIST") return null
    throw error
  }
}
