import type { DoctorPayoutAccountRow } from "../../../modules/doctor-income/types"

/** Whether the doctor's withdrawals can go to WeChat; the openid itself is never shown. */
export function presentDoctorWechat(account: DoctorPayoutAccountRow | null) {
  return {
    bound: !!account,
    bound_at: account ? new Date(account.bound_at).toISOString() : null,
  }
}
