import {
  formatCNY,
  formatDateTime,
  messages,
  WITHDRAWAL_STATUS_LABEL,
  type Withdrawal,
} from "@health/core"

/**
 * 提现记录. A WeChat payout is confirmed by the member in WeChat (商家转账), which a web page
 * cannot open, so a paying one says where to confirm it instead of looking stuck.
 */
export function WithdrawalList({ withdrawals }: { withdrawals: Withdrawal[] }) {
  if (!withdrawals.length) return <p className="muted">{messages.affiliate.withdrawalsEmpty}</p>
  return (
    <ul className="withdrawal-list" data-testid="withdrawal-list">
      {withdrawals.map((w) => (
        <li key={w.id}>
          <strong>{formatCNY(w.amount)}</strong>
          <span className="chip">{WITHDRAWAL_STATUS_LABEL[w.status] ?? w.status}</span>
          <span className="muted">
            {" "}
            ·{" "}
            {w.method === "bank"
              ? `${messages.affiliate.withdrawalMethod.bank} ${w.payee?.account_no ?? ""}`
              : messages.affiliate.withdrawalMethod.wechat}{" "}
            · {formatDateTime(w.created_at)}
          </span>
          {w.status === "paying" && w.method === "wechat" && (
            <p className="hint" data-testid="withdrawal-confirm-in-miniprogram">
              {messages.affiliate.confirmReceiptInMiniProgram}
            </p>
          )}
          {w.rejection_reason && <p className="form-error">驳回原因：{w.rejection_reason}</p>}
        </li>
      ))}
    </ul>
  )
}
