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

/**
 * Closes an unpaid order and says how it ended: closed, or what WeChat reports when the
 * buyer paid first (WeChat refuses to close it). An order WeChat never heard of is closed.
 */
export async function closeTransaction(
  client: WechatpayClient,
  config: WechatpayConfig,
  outTradeNo: string
): Promise<WechatTransaction | null> {
  try {
    await client.request(
      "POST",
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`,
      { mchid: config.mchid }
    )
  } catch (error) {
    if (error instanceof WechatpayApiError && error.code === "ORDER_NOT_EXIST") return null
    if (!(error instanceof WechatpayApiError && error.code === "ORDERPAID")) throw error
  }
  return queryTransaction(client, config, outTradeNo)
}
