import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

/** One piece of the doctor's paid work: a consultation's share, or a report's or session's fee. */
export type DoctorEarning = {
  id: string
  source_type: "consultation" | "assessment" | "group_session"
  source_id: string
  kind: "text" | "phone" | "video" | "assessment" | "group_session"
  /** 图文问诊 / 电话问诊 / 视频问诊 / 检测评估报告 / 在线咨询会 */
  kind_label: string
  /** What the member paid (0 for fixed-fee work). */
  price_fen: number
  /** The doctor's share of the price, or null for a fixed fee. */
  share_percent: number | null
  amount_fen: number
  /** Taken back after a refund. */
  reversed_fen: number
  /** What counts: amount_fen − reversed_fen. */
  net_fen: number
  status: "pending" | "available" | "reversed"
  status_label: string
  earned_at: string
  /** When a pending earning becomes available by itself. */
  release_at: string
  available_at: string | null
}

export type DoctorWithdrawal = {
  id: string
  amount_fen: number
  status: "requested" | "approved" | "paying" | "paid" | "rejected" | "failed"
  status_label: string
  /** How finance paid it: a bank transfer, or WeChat 商家转账 to the bound WeChat. */
  method: "bank" | "wechat" | null
  reference: string | null
  reject_reason: string | null
  /** Why a WeChat transfer did not complete (the amount is back in the balance). */
  fail_reason: string | null
  reviewed_at: string | null
  paid_at: string | null
  created_at: string
  /** What wx.requestMerchantTransfer needs for 确认收款 while a WeChat transfer waits. */
  transfer: { mch_id: string; app_id: string; package: string } | null
}

/** Whether a WeChat is bound for 商家转账 (the openid is never shown). */
export type DoctorWechat = { bound: boolean; bound_at: string | null }

/** GET /doctor/income: balances in fen, one page of earnings, the latest withdrawals. */
export type DoctorIncome = {
  income: {
    pending_fen: number
    /** Negative when a refund came after the money was paid out. */
    available_fen: number
    withdrawn_fen: number
    /** In a withdrawal waiting for finance (one at a time). */
    requested_fen: number
  }
  earnings: DoctorEarning[]
  count: number
  limit: number
  offset: number
  withdrawals: DoctorWithdrawal[]
  wechat: DoctorWechat
}

const noStore = { cacheHint: "no-store" as const }

/**
 * The doctor's 收入 in the 在线诊室: balances and earnings, and 提现. The web passes "" as
 * the token because its relay adds it from the httpOnly cookie.
 */
export function createDoctorIncomeClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async income(
      token: string,
      page: { limit?: number; offset?: number } = {}
    ): Promise<DoctorIncome> {
      const query = new URLSearchParams()
      if (page.limit !== undefined) query.set("limit", String(page.limit))
      if (page.offset !== undefined) query.set("offset", String(page.offset))
      const suffix = query.toString() ? `?${query}` : ""
      return request<DoctorIncome>(`/doctor/income${suffix}`, { token, ...noStore })
    },

    /** Binds the WeChat of a wx.login `code` (mini-program only): withdrawals may go to it. */
    async bindWechat(token: string, code: string): Promise<DoctorWechat> {
      return (
        await request<{ wechat: DoctorWechat }>("/doctor/wechat/bind", {
          method: "POST",
          body: JSON.stringify({ code }),
          token,
          ...noStore,
        })
      ).wechat
    },

    /** Withdraws integer fen of the available balance; 409 when short or one is still open. */
    async requestWithdrawal(token: string, amountFen: number): Promise<DoctorWithdrawal> {
      if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
        throw new Error(`amount must be positive whole fen, got ${amountFen}`)
      }
      return (
        await request<{ withdrawal: DoctorWithdrawal }>("/doctor/income/withdrawals", {
          method: "POST",
          body: JSON.stringify({ amount_fen: amountFen }),
          token,
          ...noStore,
        })
      ).withdrawal
    },
  }
}

export type DoctorIncomeApi = ReturnType<typeof createDoctorIncomeClient>
