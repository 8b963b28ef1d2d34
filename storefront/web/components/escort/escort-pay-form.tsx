"use client"

import { formatCNY, type PaymentMethodOffer } from "@health/core"
import { useActionState } from "react"
import { PaymentMethods } from "@/components/checkout/payment-methods"
import { StoreCreditField } from "@/components/checkout/store-credit-field"
import type { AccountActionState } from "@/lib/account-actions"

/** 去支付: the checkout's method picker (only what this device may use) and the balance. */
export function EscortPayForm({
  bookingId,
  amountFen,
  methods,
  availableCredit,
  pay,
}: {
  bookingId: string
  amountFen: number
  methods: PaymentMethodOffer[]
  /** The member's balance in yuan; 0 offers no credit. */
  availableCredit: number
  pay: (state: AccountActionState, form: FormData) => Promise<AccountActionState>
}) {
  const [state, action, pending] = useActionState(pay, undefined)
  return (
    <form action={action} className="panel form" data-testid="escort-pay-form">
      <h2>支付 {formatCNY(amountFen / 100)}</h2>
      <input type="hidden" name="booking_id" value={bookingId} />
      <input type="hidden" name="amount_fen" value={amountFen} />
      <PaymentMethods methods={methods} chosen="" />
      {availableCredit > 0 && (
        <StoreCreditField available={availableCredit} orderTotal={amountFen / 100} />
      )}
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {state?.notice && (
        <p className="form-notice" role="status">
          {state.notice}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "正在打开支付…" : "去支付"}
      </button>
    </form>
  )
}
