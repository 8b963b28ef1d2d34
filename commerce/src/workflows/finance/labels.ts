import type { FinanceGroupBy } from "./finance-period"

/** Payment providers by the name finance knows them by. */
const PROVIDER_LABELS: Record<string, string> = {
  pp_system_default: "线下支付",
  pp_wechatpay_wechatpay: "微信支付",
}

/** What a group whose rows belong to nothing of its kind (a payout has no product) is called. */
export const UNATTRIBUTED_LABEL = "未归属"

/** The zh-CN label of a group: the provider's name, the stored name, else the key itself. */
export function groupLabel(groupBy: FinanceGroupBy, key: string | null, stored: string | null) {
  if (key === null) return UNATTRIBUTED_LABEL
  if (groupBy === "payment_method") return PROVIDER_LABELS[key] ?? key
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
