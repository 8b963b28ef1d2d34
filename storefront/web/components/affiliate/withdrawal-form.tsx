"use client"

import { formatCNY } from "@health/core"
import { useActionState, useState } from "react"
import { requestWithdrawal } from "@/lib/affiliate-actions"

export function WithdrawalForm({
  available,
  minimum,
  requestKey,
}: {
  available: number
  minimum: number
  requestKey: string
}) {
  const [state, action, pending] = useActionState(requestWithdrawal, undefined)
  const [method, setMethod] = useState<"wechat" | "bank">("wechat")
  // After a successful request the balance drops, so the notice outlives the form.
  const notice = state?.notice && (
    <p className="form-notice" role="status">
      {state.notice}
    </p>
  )
  if (available < minimum) {
    return (
      <>
        {notice}
        <p className="muted" data-testid="withdrawal-unavailable">
          可提现余额满 {formatCNY(minimum)} 即可申请提现。
        </p>
      </>
    )
  }
  return (
    <form action={action} className="form" data-testid="withdrawal-form">
      <input type="hidden" name="request_key" value={requestKey} />
      <label>
        提现金额（元）
        <input
          name="amount"
          inputMode="decimal"
          defaultValue={available.toFixed(2)}
          aria-describedby="withdrawal-hint"
          required
        />
      </label>
      <p id="withdrawal-hint" className="hint">
        可提现 {formatCNY(available)}，最低 {formatCNY(minimum)}
      </p>
      <fieldset className="radio-row">
        <legend>到账方式</legend>
        <label>
          <input
            type="radio"
            name="method"
            value="wechat"
            checked={method === "wechat"}
            onChange={() => setMethod("wechat")}
          />
          微信零钱
        </label>
        <label>
          <input
            type="radio"
            name="method"
            value="bank"
            checked={method === "bank"}
            onChange={() => setMethod("bank")}
          />
          银行卡
        </label>
      </fieldset>
      {method === "bank" && (
        <>
          <label>
            开户名
            <input name="holder" autoComplete="name" required />
          </label>
          <label>
            开户行
            <input name="bank" placeholder="如：中国银行岳阳分行" required />
          </label>
          <label>
            银行卡号
            <input name="account_no" inputMode="numeric" required />
          </label>
        </>
      )}
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {notice}
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "提交中…" : "申请提现"}
      </button>
    </form>
  )
}
