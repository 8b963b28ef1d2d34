import { Button, Text, View } from "@tarojs/components"
import {
  formatCNY,
  formatDateTime,
  messages,
  transferToConfirm,
  WITHDRAWAL_STATUS_LABEL,
  type Withdrawal,
} from "@health/core"

const text = messages.affiliate

/** 提现记录, newest first; a WeChat payout waiting for the member offers 确认收款. */
export function WithdrawalList({
  withdrawals,
  busy,
  onConfirm,
}: {
  withdrawals: Withdrawal[]
  /** The withdrawal whose confirmation is open in WeChat or being followed, and what it says. */
  busy: { id: string; label: string } | null
  onConfirm: (withdrawal: Withdrawal) => void
}) {
  return (
    <View className="section" data-testid="withdrawal-list">
      <Text className="section__title">{text.withdrawals}</Text>
      {withdrawals.length === 0 ? (
        <Text className="muted">{text.withdrawalsEmpty}</Text>
      ) : (
        withdrawals.map((w) => {
          const transfer = transferToConfirm(w)
          return (
            <View key={w.id} className="list-item" data-testid={`withdrawal-${w.id}`}>
              <View>
                <Text className="price">{formatCNY(w.amount)}</Text>
                <Text className="muted">
                  {" "}
                  {w.method === "bank"
                    ? `${text.withdrawalMethod.bank} ${w.payee?.account_no ?? ""}`
                    : text.withdrawalMethod.wechat}{" "}
                  · {formatDateTime(w.created_at)}
                </Text>
                {w.rejection_reason ? (
                  <View>
                    <Text className="error-text">驳回原因：{w.rejection_reason}</Text>
                  </View>
                ) : null}
                {transfer ? (
                  <View>
                    <Text className="muted" data-testid="confirm-receipt-hint">
                      {text.confirmReceiptHint}
                    </Text>
                  </View>
                ) : null}
              </View>
              <View>
                <Text className="chip" data-testid="withdrawal-status">
                  {WITHDRAWAL_STATUS_LABEL[w.status] ?? w.status}
                </Text>
                {transfer ? (
                  <Button
                    size="mini"
                    className="btn-primary"
                    data-testid="confirm-receipt"
                    disabled={busy?.id === w.id}
                    onClick={() => onConfirm(w)}
                  >
                    {busy?.id === w.id ? busy.label : text.confirmReceipt}
                  </Button>
                ) : null}
              </View>
            </View>
          )
        })
      )}
    </View>
  )
}
