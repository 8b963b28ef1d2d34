import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay"
import {
  closeAlipayTradeWorkflow,
  queryAlipayTradeWorkflow,
  refundAlipayTradeInFullWorkflow,
} from "@health/medusa-plugin-alipay/workflows"
import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import {
  closeUnionpayOrderWorkflow,
  queryUnionpayOrderWorkflow,
  refundUnionpayOrderInFullWorkflow,
} from "@health/medusa-plugin-unionpay/workflows"
import {
  transactionOutcomeOf,
  WECHATPAY_PROVIDER_ID,
  type WechatTransaction,
} from "@health/medusa-plugin-wechatpay"
import {
  closeWechatTransactionWorkflow,
  queryWechatTransactionWorkflow,
  refundWechatOrderInFullWorkflow,
} from "@health/medusa-plugin-wechatpay/workflows"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ProviderFullRefund, UnplacedRefund } from "./unplaced-refund"

/** A refund as the provider keeps it on the payment, in the terms commerce reads. */
export type ProviderRefund = {
  out_refund_no: string
  refund_id: string | null
  /** Fen. */
  amount: number
  status: UnplacedRefund["status"]
}

/**
 * One payment as the provider reports it (each plugin's outcome type has this shape):
 * paid, still waiting for the buyer, closed unpaid, or paid and refunded.
 */
export type PaymentOutcome = {
  state: "paid" | "waiting" | "closed" | "refunded"
  /** Fen. */
  amount_fen: number
  trade_no?: string
}

/** A session's or payment's provider data. */
type ProviderData = Record<string, unknown>

type OnlineProvider = {
  /** The method's name as the member reads it. */
  method: string
  /** Where the cart keeps the record of money given back (`<name>_unplaced_refund`). */
  cartKey: string
  /** The provider's trade number and refunds, from the payment's data. */
  read(data: ProviderData): { out_trade_no?: string; refunds: ProviderRefund[] }
  /** When the session's trade stops being payable at the provider (ms since the epoch; NaN: unknown). */
  expiresAt(data: ProviderData): number
  /** The provider's word on the session's trade (its plugin's query workflow); null: never heard of it. */
  query(container: MedusaContainer, data: ProviderData): Promise<PaymentOutcome | null>
  /** Closes the session's unpaid trade past its time; how it ended (paid when the buyer was first). */
  close(container: MedusaContainer, data: ProviderData): Promise<PaymentOutcome>
  /** Gives back the whole paid trade, idempotently (one refund number per trade). */
  refundInFull(
    container: MedusaContainer,
    input: { data: ProviderData; paid_total: number; reason: string }
  ): Promise<ProviderFullRefund>
}

/** A refund entry as a provider writes it; each provider reads the fields it writes. */
type Entry = Record<string, string | number | undefined>

const list = (value: unknown): Entry[] => (Array.isArray(value) ? value : [])
const text = (value: unknown) => (typeof value === "string" && value ? value : undefined)

/** China time as Alipay ("yyyy-MM-dd HH:mm:ss") and UnionPay ("yyyyMMddHHmmss") write it. */
const chinaTime = (value: unknown): number => {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ ]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text(value) ?? "")
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`) : NaN
}

const wechatOutcome = (transaction: WechatTransaction | null) =>
  transaction ? transactionOutcomeOf(transaction) : null

/** UnionPay names an order by orderId and the txnTime it was sent with. */
const unionpayOrder = (data: ProviderData) => ({
  order_id: String(data.order_id),
  txn_time: String(data.txn_time),
})

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
    expiresAt: (data) => Date.parse(text(data.time_expire) ?? ""),
    query: async (container, data) =>
      wechatOutcome(
        (
          await queryWechatTransactionWorkflow(container).run({
            input: { out_trade_no: String(data.out_trade_no) },
          })
        ).result as WechatTransaction | null
      ),
    close: async (container, data) =>
      (
        await closeWechatTransactionWorkflow(container).run({
          input: { out_trade_no: String(data.out_trade_no) },
        })
      ).result,
    refundInFull: async (container, { data, paid_total, reason }) =>
      (
        await refundWechatOrderInFullWorkflow(container).run({
          input: { out_trade_no: String(data.out_trade_no), paid_total, reason },
        })
      ).result,
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
    expiresAt: (data) => chinaTime(data.time_expire),
    query: async (container, data) =>
      (
        await queryAlipayTradeWorkflow(container).run({
          input: { out_trade_no: String(data.out_trade_no) },
        })
      ).result,
    close: async (container, data) =>
      (
        await closeAlipayTradeWorkflow(container).run({
          input: { out_trade_no: String(data.out_trade_no) },
        })
      ).result,
    refundInFull: async (container, { data, paid_total, reason }) =>
      (
        await refundAlipayTradeInFullWorkflow(container).run({
          input: { out_trade_no: String(data.out_trade_no), paid_total, reason },
        })
      ).result,
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
    // payTimeout: ACP has no close, the cashier refuses the order from then on.
    expiresAt: (data) => chinaTime(data.pay_timeout),
    query: async (container, data) =>
      (await queryUnionpayOrderWorkflow(container).run({ input: unionpayOrder(data) })).result,
    close: async (container, data) =>
      (await closeUnionpayOrderWorkflow(container).run({ input: unionpayOrder(data) })).result,
    refundInFull: async (container, { data, paid_total }) =>
      (
        await refundUnionpayOrderInFullWorkflow(container).run({
          input: {
            ...unionpayOrder(data),
            channel: data.channel === "mobile_browser" ? "mobile_browser" : "pc_browser",
            paid_total,
          },
        })
      ).result,
  },
}

export const ONLINE_PAYMENT_PROVIDER_IDS = Object.keys(ONLINE_PAYMENT_PROVIDERS)

/** The method's name for a provider id (WeChat Pay's for records made before others existed). */
export const paymentMethodName = (providerId: string | null | undefined) =>
  ONLINE_PAYMENT_PROVIDERS[providerId ?? WECHATPAY_PROVIDER_ID]?.method ?? "在线支付"
