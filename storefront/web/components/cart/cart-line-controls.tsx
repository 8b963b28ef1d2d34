"use client"

import { messages } from "@health/core"
import { useState, useTransition } from "react"
import { removeLine, setLineQuantity, type CartActionResult } from "@/lib/cart-actions"
import { announceCartChanged } from "@/lib/cart-changed"

type Props = {
  lineId: string
  quantity: number
  onChange?: (lineId: string, quantity: number) => Promise<CartActionResult>
  onRemove?: (lineId: string) => Promise<CartActionResult>
}

/** Quantity stepper and delete for one cart line; the page re-renders with fresh totals. */
export function CartLineControls({
  lineId,
  quantity,
  onChange = setLineQuantity,
  onRemove = removeLine,
}: Props) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const run = (action: () => Promise<CartActionResult>) =>
    startTransition(async () => {
      const result = await action()
      if (result.ok) announceCartChanged()
      setError(result.ok ? null : result.error)
    })

  return (
    <div className="line-controls">
      <div className="stepper" aria-busy={pending}>
        <button
          type="button"
          aria-label="减少数量"
          disabled={pending || quantity <= 1}
          onClick={() => run(() => onChange(lineId, quantity - 1))}
        >
          −
        </button>
        <span className="stepper-value" aria-label={messages.cart.quantity}>
          {quantity}
        </span>
        <button
          type="button"
          aria-label="增加数量"
          disabled={pending || quantity >= 99}
          onClick={() => run(() => onChange(lineId, quantity + 1))}
        >
          +
        </button>
      </div>
      <button
        type="button"
        className="link-button"
        disabled={pending}
        onClick={() => run(() => onRemove(lineId))}
      >
        {messages.cart.remove}
      </button>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
    </div>
  )
}
