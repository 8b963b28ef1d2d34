import type { EscortPayoutAccountRow } from "../../../modules/escort-income/types"

/** Whether the escort's withdrawals can go to WeChat; the openid itself is never shown. */
export function presentEscortWechat(account: EscortPayoutAccountRow | null) {
  return {
    bound: !!account,
    bound_at: account ? new Date(account.bound_at).toISOString() : null,
  }
}
