import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay/providers/alipay"
import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay/providers/unionpay"
import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { UnplacedRefund } from "./unplaced-refund"

/** A refund as the provider keeps it on the payment, in the terms commerce reads. */
export type ProviderRefund = {
  out_refund_no: string
  refund_id: string | null
  /** Fen. */
  amount: number
  status: UnplacedRefund["status"]
}

type OnlineProvider = {
  /** The method's name as the member reads it. */
  method: string
  /** Where the cart keeps the record of money given back (`<name>_unplaced_refund`). */
  cartKey: string
  /** The provider's trade number and refunds, from the payment's data. */
  read(data: Record<string, unknown>): { out_trade_no?: string; refunds: ProviderRefund[] }
}

/** A refund entry as a provider writes it; each provider reads the fields it writes. */
type Entry = Record<string, string | number | undefined>

const list = (value: unknown): Entry[] => (Array.isArray(value) ? value : [])
const text = (value: unknown) => (typeof value === "string" && value ? value : undefined)

/**
 * The online payment providers whose money commerce's policy covers (a payment whose cart
 * cannot become an order is given back in full and the member told), and how each keeps
 * its trade and refunds on the payment.
 */
export const ONLINE_PAYMENT_PROVIDERS: Record<string, OnlineProvider> = {
  [WECHATPAY_PROVIDER_ID]: {
    method: "微信支付",
    cartKey: "wechatpay_unplaced_refund",
    read: (data) => ({
      out_trade_no: text(data.out_trade_no),
      refunds: list(data.refunds).map((r) => ({
        out_refund_no: String(r.out_refund_no),
        refund_id: text(r.refund_id) ?? null,
        amount: Number(r.amount),
        status: r.status as ProviderRefund["status"],
      })),
    }),
  },
  [ALIPAY_PROVIDER_ID]: {
    method: "支付宝",
    cartKey: "alipay_unplaced_refund",
    // Alipay names a refund by the trade and the merchant's out_request_no; no id of its own.
    read: (data) => ({
      out_trade_no: text(data.out_trade_no),
      refunds: list(data.refunds).map((r) => ({
        out_refund_no: String(r.out_request_no),
        refund_id: null,
        amount: Number(r.amount),
        status: r.status === "REFUND_SUCCESS" ? "SUCCESS" : "PROCESSING",
      })),
    }),
  },
  [UNIONPAY_PROVIDER_ID]: {
    method: "银联支付",
    cartKey: "unionpay_unplaced_refund",
    read: (data) => ({
      out_trade_no: text(data.order_id),
      refunds: list(data.refunds).map((r) => ({
        out_refund_no: String(r.order_id),
        refund_id: text(r.query_id) ?? null,
        amount: Number(r.amount),
        status: r.status === "FAIL" ? "ABNORMAL" : (r.status as ProviderRefund["status"]),
      })),
    }),
  },
}

export const ONLINE_PAYMENT_PROVIDER_IDS = Object.keys(ONLINE_PAYMENT_PROVIDERS)

/** The method's name for a provider id (WeChat Pay's for records made before others existed). */
export const paymentMethodName = (providerId: string | null | undefined) =>
  ONLINE_PAYMENT_PROVIDERS[providerId ?? WECHATPAY_PROVIDER_ID]?.method ?? "在线支付"
