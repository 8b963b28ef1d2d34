import { decryptResource, type EncryptedResource } from "./aead"
import type { WechatpayClient } from "./client"
import type { WechatpayConfig } from "./config"
import { verifyWechatpaySignature } from "./signature"

/**
 * Domestic refunds (/v3/refund/domestic/refunds). WeChat may answer PROCESSING and settle
 * later as SUCCESS, CLOSED (refund cancelled, the money stays with the merchant) or
 * ABNORMAL (the buyer's card or balance cannot take it: finance must act in the merchant
 * platform). It says so by a REFUND.* callback and by the refund query.
 */
export type RefundStatus = "SUCCESS" | "CLOSED" | "PROCESSING" | "ABNORMAL"

export const FINAL_REFUND_STATES: RefundStatus[] = ["SUCCESS", "CLOSED", "ABNORMAL"]

export type WechatRefund = {
  refund_id: string
  out_refund_no: string
  out_trade_no: string
  transaction_id?: string
  status: RefundStatus
  success_time?: string
  user_received_account?: string
  amount: { total: number; refund: number; payer_refund?: number }
}

/** Emitted (by the refund callback route) for every genuine REFUND.* callback. */
export const REFUND_NOTIFIED_EVENT = "wechatpay.refund.notified"

/** Where WeChat reports refund outcomes: the payment callback's host, its own path. */
export function refundNotifyUrl(config: WechatpayConfig): string {
  return new URL("/hooks/wechatpay/refund", config.notifyUrl).toString()
}

/**
 * The out_refund_no of the refund that gives back a payment whose cart never became an
 * order: one per WeChat order, so however often it is retried WeChat refunds it once.
 */
export function unplacedRefundNoFor(outTradeNo: string): string {
  return `${outTradeNo}_VOID`
}

export async function requestRefund(
  client: WechatpayClient,
  config: WechatpayConfig,
  input: {
    out_trade_no: string
    out_refund_no: string
    refund: number
    total: number
    reason: string
  }
): Promise<WechatRefund> {
  if (!Number.isInteger(input.refund) || input.refund <= 0) {
    throw new Error("refund amount must be a positive whole number of fen")
  }
  const { data } = await client.request<WechatRefund>("POST", "/v3/refund/domestic/refunds", {
    out_trade_no: input.out_trade_no,
    out_refund_no: input.out_refund_no,
    // WeChat shows the reason to the buyer; it allows 80 characters.
    reason: input.reason.slice(0, 80),
    notify_url: refundNotifyUrl(config),
    amount: { refund: input.refund, total: input.total, currency: "CNY" },
  })
  return data
}

export async function queryRefund(
  client: WechatpayClient,
  outRefundNo: string
): Promise<WechatRefund> {
  const { data } = await client.request<WechatRefund>(
    "GET",
    `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`
  )
  return data
}

/** What a REFUND.* callback's resource holds (status is `refund_status` there). */
type RefundNotification = Omit<WechatRefund, "status"> & { refund_status: RefundStatus }

/**
 * A refund callback, verified (signature by a known WeChat key, at most five minutes
 * old) and decrypted; null when it is not a genuine REFUND.SUCCESS/ABNORMAL/CLOSED.
 */
export function readRefundNotification(
  config: WechatpayConfig,
  headers: Record<string, unknown>,
  rawBody: string
): WechatRefund | null {
  if (!verifyWechatpaySignature(headers, rawBody, config.verificationKeys).ok) return null
  let event: { event_type?: string; resource?: EncryptedResource }
  try {
    event = JSON.parse(rawBody)
  } catch {
    return null
  }
  if (!/^REFUND\.(SUCCESS|ABNORMAL|CLOSED)$/.test(event.event_type ?? "") || !event.resource)
    return null
  const { refund_status, ...refund } = JSON.parse(
    decryptResource(event.resource, config.apiV3Key)
  ) as RefundNotification
  return { ...refund, status: refund_status }
}
