"use client"

import {
  cheapestVariant,
  findVariant,
  formatCNY,
  messages,
  optionsOf,
  type Product,
} from "@health/core"
import { useMemo, useState, useTransition } from "react"
import { addToCart, type CartActionResult } from "@/lib/cart-actions"
import { announceCartChanged } from "@/lib/cart-changed"

type Props = {
  product: Pick<Product, "options" | "variants">
  /** Injected in tests; the server action otherwise. */
  onAdd?: (variantId: string, quantity: number) => Promise<CartActionResult>
}

/** Option buttons (版本 / 规格 …), the chosen variant's price, quantity and 加入购物车. */
export function VariantPicker({ product, onAdd = addToCart }: Props) {
  const first = cheapestVariant(product.variants)
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    first ? optionsOf(first) : {}
  )
  const [quantity, setQuantity] = useState(1)
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null)
  const [pending, startTransition] = useTransition()
  const variant = useMemo(() => findVariant(product as Product, chosen), [product, chosen])
  const price = variant?.calculated_price?.calculated_amount

  const add = () => {
    if (!variant) return
    setStatus(null)
    startTransition(async () => {
      const result = await onAdd(variant.id, quantity)
      if (result.ok) announceCartChanged()
      setStatus(
        result.ok
          ? { kind: "ok", text: messages.product.added }
          : { kind: "error", text: result.error }
      )
    })
  }

  return (
    <div className="variant-picker">
      <p className="price price-large" data-testid="price" aria-live="polite">
        {price !== undefined && price !== null ? formatCNY(price) : messages.product.chooseVariant}
      </p>
      {(product.options ?? []).map((option) => (
        <fieldset key={option.id} className="option-group">
          <legend>{option.title}</legend>
          <div className="option-values">
            {option.values.map((value) => {
              const selected = chosen[option.id] === value.value
              return (
                <button
                  key={value.id}
                  type="button"
                  className={`option-button${selected ? " selected" : ""}`}
                  aria-pressed={selected}
                  onClick={() => setChosen({ ...chosen, [option.id]: value.value })}
                >
                  {value.value}
                </button>
              )
            })}
          </div>
        </fieldset>
      ))}
      <div className="quantity-row">
        <label htmlFor="quantity">{messages.cart.quantity}</label>
        <div className="stepper">
          <button
            type="button"
            aria-label="减少数量"
            onClick={() => setQuantity(Math.max(1, quantity - 1))}
          >
            −
          </button>
          <input
            id="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => {
              const next = parseInt(e.target.value, 10)
              setQuantity(Number.isFinite(next) ? Math.min(99, Math.max(1, next)) : 1)
            }}
          />
          <button
            type="button"
            aria-label="增加数量"
            onClick={() => setQuantity(Math.min(99, quantity + 1))}
          >
            +
          </button>
        </div>
      </div>
      <button
        type="button"
        className="button primary block"
        data-testid="add-to-cart"
        disabled={!variant || pending}
        onClick={add}
      >
        {pending ? messages.product.adding : messages.product.addToCart}
      </button>
      {status && (
        <p role="status" className={status.kind === "ok" ? "notice success" : "notice error"}>
          {status.text}
        </p>
      )}
    </div>
  )
}
