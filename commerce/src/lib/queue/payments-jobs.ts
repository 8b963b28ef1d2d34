/** Jobs of the payments queue, apart from their handlers so workflows can enqueue them. */
export const PaymentsJob = {
  RECONCILE_WECHAT: "reconcile-wechat-sessions",
  RECONCILE_TRANSFER: "reconcile-wechat-transfer",
} as const

export type ReconcileTransferJob = { out_bill_no: string; checks: number }

/** How long to wait for WeChat's transfer callback before asking (WECHAT_TRANSFER_CHECK_MS). */
export const RECONCILE_TRANSFER_DELAY_MS = () =>
  Number(process.env.WECHAT_TRANSFER_CHECK_MS || 30 * 60 * 1000)
