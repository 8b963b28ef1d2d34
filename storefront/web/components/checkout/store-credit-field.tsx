"use client"

import { formatCNY } from "@health/core"
import { useState } from "react"

/**
 * Lets a member pay part or all of the order from the affiliate balance. The form
 * sends `use_credit` and `credit_amount` (yuan); the server trims it to the total.
 */
export function StoreCreditField({
  available,
  orderTotal,
  defaults,
}: {
  available: number
  orderTotal: number
  defaults?: { use?: boolean; amount?: string }
}) {
  const [use, setUse] = useState(defaults?.use ?? false)
  const suggested = Math.min(available, orderTotal).toFixed(2)
  const [amount, setAmount] = useState(defaults?.amount || suggested)
  const typed = Number(amount)
  const coversAll = use && Number.isFinite(typed) && typed >= orderTotal
  return (
    <fieldset className="radio-column" data-testid="store-credit">
      <legend>余额抵扣</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          name="use_credit"
          value="yes"
          checked={use}
          onChange={(event) => setUse(event.target.checked)}
        />{" "}
        使用余额抵扣 <span className="muted">（可用 {formatCNY(available)}）</span>
      </label>
      {use && (
        <label>
          抵扣金额（元）
          <input
            name="credit_amount"
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-describedby="store-credit-hint"
          />
        </label>
      )}
      {use && (
        <p className="hint" id="store-credit-hint">
          {coversAll
            ? "余额足以支付全部金额，提交后无需再支付。"
            : "其余金额用下方选择的方式支付。订单取消后，抵扣金额退回余额。"}
        </p>
      )}
    </fieldset>
  )
}
