"use client"

import {
  applicantConsentAcceptances,
  legalPageHref,
  type ApplicantConsentKind,
  type ApplicantConsentText,
  type ApplicantConsents,
  type EscortAdmissionApi,
} from "@health/core"
import { useState } from "react"

/**
 * The privacy policy and the two consents an applicant accepts before giving any detail:
 * each with a link to its full text and the version accepted; once accepted, each can be
 * withdrawn (the application then stops until they accept again).
 */
export function ApplicantConsentsPanel({
  api,
  texts,
  consents,
  onChange,
}: {
  api: EscortAdmissionApi
  texts: ApplicantConsentText[]
  consents: ApplicantConsents | null
  onChange: (next: ApplicantConsents) => void
}) {
  const [ticked, setTicked] = useState<Partial<Record<ApplicantConsentKind, boolean>>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inForce = (consents?.consents ?? []).filter((consent) => !consent.withdrawn_at)

  const act = async (action: () => Promise<ApplicantConsents>) => {
    setBusy(true)
    setError(null)
    try {
      onChange(await action())
    } catch (failure) {
      setError((failure as Error).message || "操作失败，请重试")
    } finally {
      setBusy(false)
    }
  }

  const accept = () => {
    const outcome = applicantConsentAcceptances(texts, ticked)
    if ("refusal" in outcome) return setError(outcome.refusal)
    void act(() => api.acceptConsents("", outcome.consents))
  }

  if (consents?.all_accepted) {
    return (
      <section className="escort-apply-consents" data-testid="escort-apply-consents">
        <h2>隐私与授权</h2>
        <ul>
          {inForce.map((consent) => {
            const text = texts.find((one) => one.kind === consent.kind)
            return (
              <li key={consent.id}>
                已同意
                <a
                  href={legalPageHref(text?.slug ?? "privacy-policy")}
                  target="_blank"
                  rel="noreferrer"
                >
                  《{text?.title ?? consent.label}》
                </a>
                <span className="muted">（版本 {consent.version}）</span>{" "}
                <button
                  type="button"
                  className="button small"
                  disabled={busy}
                  data-testid={`escort-apply-withdraw-${consent.kind}`}
                  onClick={() => void act(() => api.withdrawConsent("", consent.id))}
                >
                  撤回
                </button>
              </li>
            )
          })}
        </ul>
        <p className="hint">撤回后平台不再收集新的资料，入驻申请暂停，重新同意后可继续。</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </section>
    )
  }

  return (
    <section className="escort-apply-consents" data-testid="escort-apply-consents">
      <h2>隐私与授权</h2>
      <p className="hint">填写入驻资料前，请阅读并同意以下文本（敏感个人信息单独同意）。</p>
      {texts.map((text) => (
        <div key={text.kind}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={!!ticked[text.kind]}
              disabled={busy || !text.version}
              data-testid={`escort-apply-consent-${text.kind}`}
              onChange={(event) => setTicked({ ...ticked, [text.kind]: event.target.checked })}
            />
            我已阅读并同意
            <a href={legalPageHref(text.slug)} target="_blank" rel="noreferrer">
              《{text.title}》
            </a>
            {text.version ? (
              <span className="muted">（版本 {text.version}）</span>
            ) : (
              <span className="muted">（暂未发布）</span>
            )}
          </label>
          {text.body && (
            <details className="hint">
              <summary>阅读全文</summary>
              <p style={{ whiteSpace: "pre-wrap" }}>{text.body}</p>
            </details>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button primary block"
        disabled={busy}
        data-testid="escort-apply-consents-accept"
        onClick={accept}
      >
        同意并继续
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
