import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_PROVIDER_IDS,
  type PaymentMethodKey,
} from "@health/contracts"
import type { FinanceFigure, FinanceGroupBy } from "./finance-period"

/** Payment providers by the name finance knows them by: every method checkout offers. */
const PROVIDER_LABELS: Record<string, string> = Object.fromEntries(
  (Object.keys(PAYMENT_PROVIDER_IDS) as PaymentMethodKey[]).map((key) => [
    PAYMENT_PROVIDER_IDS[key],
    PAYMENT_METHOD_LABELS[key],
  ])
)

export const CHANNEL_LABELS: Record<string, string> = {
  web: "网站（PC 与 H5）",
  miniprogram: "微信小程序",
  miniprogram_h5: "小程序 H5 版",
  offline: "线下（岳阳）",
}

/** What a group whose rows belong to nothing of its kind (a payout has no product) is called. */
export const UNATTRIBUTED_LABEL = "未归属"

export const providerLabel = (key: string | null) =>
  key === null ? UNATTRIBUTED_LABEL : (PROVIDER_LABELS[key] ?? key)

/** The zh-CN label of a group: the provider's or channel's name, the stored name, else the key. */
export function groupLabel(groupBy: FinanceGroupBy, key: string | null, stored: string | null) {
  if (key === null) return UNATTRIBUTED_LABEL
  if (groupBy === "payment_method") return providerLabel(key)
  if (groupBy === "channel") return CHANNEL_LABELS[key] ?? key
  return stored || key
}

export const GROUP_BY_LABELS: Record<FinanceGroupBy, string> = {
  day: "按日",
  product: "按商品",
  category: "按分类",
  channel: "按渠道",
  payment_method: "按支付方式",
  member: "按会员",
}

export const FIGURE_LABELS: Record<FinanceFigure, string> = {
  orders: "订单",
  paid: "实收",
  refunded: "退款",
  store_credit: "余额抵扣",
  commissions: "佣金",
  payouts: "提现支付",
}

/** The affiliate ledger's balances. */
export const BUCKET_LABELS: Record<string, string> = {
  pending: "待结算",
  available: "可提现",
  withdrawing: "提现中",
  withdrawn: "已提现",
  spent: "已抵扣",
}
