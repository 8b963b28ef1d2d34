import { WITHDRAWAL_LABELS } from "../../../modules/escort-income/service"
import type { EscortWithdrawalRow } from "../../../modules/escort-income/types"

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/**
 * What the escort's WeChat needs to open 确认收款 for a paying withdrawal
 * (wx.requestMerchantTransfer): the merchant and AppID the bill was made with (the WeChat
 * Pay settings the wechatpay plugin transfers with) and the bill's package. Null otherwise.
 */
export function escortTransferConfirmation(
  row: Pick<EscortWithdrawalRow, "status" | "transfer_package">,
  env: NodeJS.ProcessEnv = process.env
): { mch_id: string; app_id: string; package: string } | null {
  const mchId = env.WECHATPAY_MCHID
  const appId = env.WECHATPAY_APPID
  if (row.status !== "paying" || !row.transfer_package || !mchId || !appId) return null
  return { mch_id: mchId, app_id: appId, package: row.transfer_package }
}

/** A withdrawal as its escort reads it (`staff` adds who reviewed and paid it). */
export function presentEscortWithdrawal(row: EscortWithdrawalRow, audience: "escort" | "staff") {
  return {
    id: row.id,
    amount_fen: row.amount_fen,
    status: row.status,
    status_label: WITHDRAWAL_LABELS[row.status],
    method: row.method,
    reject_reason: row.reject_reason,
    fail_reason: row.fail_reason,
    reference: row.reference,
    transfer_state: row.transfer_state,
    paid_at: iso(row.paid_at),
    created_at: iso(row.created_at)!,
    ...(audience === "escort"
      ? { transfer: escortTransferConfirmation(row) }
      : {
          escort_id: row.escort_id,
          reviewed_by: row.reviewed_by,
          reviewed_at: iso(row.reviewed_at),
          paid_by: row.paid_by,
        }),
  }
}
