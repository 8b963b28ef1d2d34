"use client"

import { formatDateTime, withdrawalQuestion, type Consent } from "@health/core"
import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Withdraw = (id: string) => Promise<AccountActionState>

// Shared with the mini-program, so both say the same before a withdrawal.
export { withdrawalQuestion }

/** 知情同意: every consent signed, when, and a way to withdraw those still in force. */
export function ConsentList({
  consents,
  withdraw,
  confirm = (message) => window.confirm(message),
}: {
  consents: Consent[]
  withdraw: Withdraw
  confirm?: (message: string) => boolean
}) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()
  const [busy, setBusy] = useState<string>()

  return (
    <>
      <FormFeedback state={state} />
      <ul className="consent-list" data-testid="consent-list">
        {consents.map((consent) => (
          <li key={consent.id} className="consent-row" data-testid="consent-row">
            <div>
              <strong>{consent.kind_label}</strong>
              <span className="muted"> · 版本 {consent.version}</span>
              <p className="muted">
                签署于 {formatDateTime(consent.signed_at)}
                {consent.withdrawn_at && <> · 撤回于 {formatDateTime(consent.withdrawn_at)}</>}
              </p>
            </div>
            {consent.withdrawn_at ? (
              <span className="kit-badge muted">已撤回</span>
            ) : (
              <button
                type="button"
                className="button"
                disabled={pending}
                onClick={() => {
                  if (!confirm(withdrawalQuestion(consent))) return
                  setBusy(consent.id)
                  startTransition(async () => {
                    setState(await withdraw(consent.id))
                    setBusy(undefined)
                  })
                }}
              >
                {pending && busy === consent.id ? "撤回中…" : "撤回同意"}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
