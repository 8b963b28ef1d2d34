/** Amounts are yuan (CNY), as the commerce API returns them. */
export type AffiliateBalances = {
  pending: number
  available: number
  withdrawing: number
  withdrawn: number
  spent: number
}

export type AffiliateStatus = "member" | "distributor" | "disabled"

export type AffiliateProfile = {
  id: string
  code: string
  link: string
  status: AffiliateStatus
  referrer: string | null
  bound_at: string | null
  balances: AffiliateBalances
  programme: { rates_percent: number[]; hold_days: number; min_withdrawal: number }
}

export type LedgerEntry = {
  id: string
  kind: string
  kind_label: string
  bucket: keyof AffiliateBalances
  amount: number
  order_id: string | null
  level: number | null
  rate_percent: number | null
  base_amount: number | null
  note: string | null
  created_at: string
}

export type TeamLevel = {
  level: number
  count: number
  members: { name: string; is_distributor: boolean; joined_at: string | null }[]
}

export type WithdrawalStatus = "requested" | "approved" | "rejected" | "paying" | "paid" | "failed"

/**
 * What the member's WeChat opens 确认收款 with (wx.requestMerchantTransfer in the
 * mini-program, WeixinJSBridge "requestMerchantTransfer" in WeChat's browser): the merchant
 * and AppID the transfer bill was made under, and the bill's package. Only while paying.
 */
export type MerchantTransfer = { mch_id: string; app_id: string; package: string }

export type Withdrawal = {
  id: string
  amount: number
  method: "wechat" | "bank"
  status: WithdrawalStatus
  payee: { holder?: string; bank?: string; account_no?: string } | null
  rejection_reason: string | null
  /** WeChat's state of the transfer bill (WAIT_USER_CONFIRM, SUCCESS, FAIL…), null for bank. */
  transfer_state?: string | null
  transfer?: MerchantTransfer | null
  created_at: string
  paid_at: string | null
}

export type WithdrawalRequest = {
  amount: number
  method: "wechat" | "bank"
  payee?: { holder: string; bank: string; account_no: string }
  request_key: string
}

/** "分享赚 ¥x" for one product, as the affiliate plugin computes it (yuan). */
export type ShareEarning = {
  product_id: string
  /** The lowest price the product sells for now. */
  price: number
  rate_percent: number
  amount: number
}
