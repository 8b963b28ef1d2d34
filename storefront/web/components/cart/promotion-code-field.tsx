"use client"

import { useState, useTransition } from "react"
import {
  applyPromotionCode,
  removePromotionCode,
  type PromotionActionResult,
} from "@/lib/promotion-actions"

type Props = {
  /** The codes the shopper typed that are on the cart (automatic ones are not removable). */
  applied: string[]
  onApply?: (code: string) => Promise<PromotionActionResult>
  onRemove?: (code: string) => Promise<PromotionActionResult>
}

/** 优惠码: type a code, see why it does not apply, take an applied one off. */
export function PromotionCodeField({
  applied,
  onApply = applyPromotionCode,
  onRemove = removePromotionCode,
}: Props) {
  const [code, setCode] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const run = (action: () => Promise<PromotionActionResult>, after?: () => void) =>
    startTransition(async () => {
      const result = await action()
      setError(result.ok ? null : result.error)
      if (result.ok) after?.()
    })

  return (
    <div className="promotion-code" data-testid="promotion-code">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          run(
            () => onApply(code),
            () => setCode("")
          )
        }}
      >
        <input
          value={code}
          onChange={(event) => setCode(event.target.value)}
          placeholder="输入优惠码"
          aria-label="优惠码"
          maxLength={64}
          autoComplete="off"
        />
        <button className="button" disabled={pending} aria-busy={pending}>
          使用
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {applied.length > 0 && (
        <ul className="applied-codes">
          {applied.map((applied) => (
            <li key={applied}>
              <span className="tag">{applied}</span>
              <button
                type="button"
                className="link-button"
                disabled={pending}
                aria-label={`移除优惠码 ${applied}`}
                onClick={() => run(() => onRemove(applied))}
              >
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
