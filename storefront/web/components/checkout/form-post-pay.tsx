"use client"

import { useEffect, useRef } from "react"

/**
 * A provider's cashier that takes a posted form (Alipay page/wap pay, UnionPay gateway):
 * submitted at once, with a button in case the browser held it back.
 */
export function FormPostPay({
  action,
  fields,
  label,
}: {
  action: string
  fields: Record<string, string>
  label: string
}) {
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    form.current?.submit()
  }, [])
  return (
    <form ref={form} method="post" action={action} data-testid="form-post-pay">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p role="status">正在前往{label}…</p>
      <button type="submit" className="button primary block">
        前往{label}付款
      </button>
    </form>
  )
}
