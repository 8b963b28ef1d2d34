"use client"

import { formatDateTime, type Consent } from "@health/core"
import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Withdraw = (id: string) => Promise<AccountActionState>

/** What withdrawing means, said before the member confirms. */
export function withdrawalQuestion(consent: Pick<Consent, "kind" | "kind_label">): string {
  const effects: Record<string, string> = {
    testing: "未完成的检测将停止，已出具的报告仍保留在档案中。",
    storage: "实验室将销毁剩余样本，之后无法复检。",
    research: "您的去标识化数据将不再用于新的科研项目。",
    // 陪诊: the booking's consents (commerce answers what a withdrawal means for the booking).
    escort_sharing:
      "陪诊员将看不到就诊人信息；服务开始前撤回，本次陪诊将无法进行，可取消预约并按规则退款。",
    personal_info: "此后不再为该次陪诊处理您的个人信息。",
    sensitive_personal_info: "此后不再为该次陪诊处理就诊人的敏感个人信息。",
    privacy_policy: "",
  }
  const effect = effects[consent.kind] ?? ""
  return `确定撤回「${consent.kind_label}」吗？${effect}撤回后如需恢复，须重新签署。`
}

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
