"use client"

import { formatCNY } from "@health/core"
import { STORE_CREDIT_HINTS, maxStoreCreditFen } from "@health/core/commerce/store-credit"
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
  const suggested = (maxStoreCreditFen(available, orderTotal) / 100).toFixed(2)
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
          {coversAll ? STORE_CREDIT_HINTS.coversAll : STORE_CREDIT_HINTS.partial}
        </p>
      )}
    </fieldset>
  )
}
