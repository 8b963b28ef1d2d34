"use client"

import {
  checkKitBarcode,
  RELATION_LABELS,
  SEX_LABEL,
  type ConsentKind,
  type PersonRelation,
  type TestedPerson,
} from "@health/core"
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"
import { NEW_PERSON } from "@/lib/kit-activation-form"

type Activate = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** One consent as the CMS wrote it; `text` is already rendered. */
export type ConsentOffer = {
  kind: ConsentKind
  title: string
  version: string
  required: boolean
  text: ReactNode
}

const RELATIONS = Object.entries(RELATION_LABELS) as [PersonRelation, string][]

/**
 * 激活采样盒: the barcode (checked as it is typed), who is tested, and the consents. Every
 * field is controlled and the form is submitted by hand: React resets a form after its
 * `action` runs, which would untick the consents and the person after a refusal.
 */
export function ActivationForm({
  persons,
  consents,
  initialBarcode = "",
  today,
  activate,
}: {
  persons: TestedPerson[]
  consents: ConsentOffer[]
  initialBarcode?: string
  /** YYYY-MM-DD in Asia/Shanghai: the latest birth date allowed. */
  today: string
  activate: Activate
}) {
  const [state, action, pending] = useActionState(activate, undefined)
  const [barcode, setBarcode] = useState(initialBarcode)
  const [personId, setPersonId] = useState(persons[0]?.id ?? NEW_PERSON)
  const [person, setPerson] = useState({
    relation: persons.some((p) => p.relation === "self") ? "" : "self",
    name: "",
    sex: "",
    birth_date: "",
  })
  const [agreed, setAgreed] = useState<Partial<Record<ConsentKind, boolean>>>({})
  const check = checkKitBarcode(barcode)
  const testingOffered = consents.some((c) => c.kind === "testing")
  const ready = check.state === "valid" && !!agreed.testing && testingOffered
  const edit = (field: keyof typeof person) => (value: string) =>
    setPerson((current) => ({ ...current, [field]: value }))
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    startTransition(() => action(form))
  }

  return (
    <form
      action={action}
      onSubmit={submit}
      className="form activation-form"
      data-testid="activation-form"
    >
      <label>
        采样盒条码
        <input
          name="barcode"
          value={barcode}
          onChange={(event) => setBarcode(event.target.value)}
          placeholder="GT 开头的 12 位条码"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={20}
          aria-describedby="barcode-check"
          aria-invalid={check.state === "malformed" || check.state === "mistyped"}
          required
        />
      </label>
      <p id="barcode-check" className={`barcode-check ${check.state}`} aria-live="polite">
        {check.state === "valid" ? `✓ ${check.message}：${check.barcode}` : check.message}
      </p>

      <fieldset className="person-choice">
        <legend>受检者</legend>
        {persons.map((p) => (
          <label key={p.id} className="checkbox">
            <input
              type="radio"
              name="person_id"
              value={p.id}
              checked={personId === p.id}
              onChange={() => setPersonId(p.id)}
            />
            {p.name}
            <span className="muted">
              {p.relation_label} · {SEX_LABEL[p.sex]} · {p.birth_date}
            </span>
          </label>
        ))}
        {persons.length > 0 && (
          <label className="checkbox">
            <input
              type="radio"
              name="person_id"
              value={NEW_PERSON}
              checked={personId === NEW_PERSON}
              onChange={() => setPersonId(NEW_PERSON)}
            />
            添加新的受检者
          </label>
        )}
        {persons.length === 0 && <input type="hidden" name="person_id" value={NEW_PERSON} />}

        {personId === NEW_PERSON && (
          <div className="new-person" data-testid="new-person">
            <div className="form-row">
              <label>
                与您的关系
                <select
                  name="relation"
                  value={person.relation}
                  onChange={(event) => edit("relation")(event.target.value)}
                  required
                >
                  <option value="" disabled>
                    请选择
                  </option>
                  {RELATIONS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                姓名
                <input
                  name="name"
                  value={person.name}
                  onChange={(event) => edit("name")(event.target.value)}
                  maxLength={40}
                  autoComplete="off"
                  required
                />
              </label>
            </div>
            <div className="form-row">
              <fieldset className="radio-row">
                <legend>性别</legend>
                {(["female", "male"] as const).map((sex) => (
                  <label key={sex}>
                    <input
                      type="radio"
                      name="sex"
                      value={sex}
                      checked={person.sex === sex}
                      onChange={() => edit("sex")(sex)}
                    />
                    {SEX_LABEL[sex]}
                  </label>
                ))}
              </fieldset>
              <label>
                出生日期
                <input
                  name="birth_date"
                  type="date"
                  min="1900-01-01"
                  max={today}
                  value={person.birth_date}
                  onChange={(event) => edit("birth_date")(event.target.value)}
                  required
                />
              </label>
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="consents">
        <legend>知情同意</legend>
        {!testingOffered && (
          <p className="form-error" role="alert">
            知情同意书暂时无法加载，请稍后刷新页面再激活。
          </p>
        )}
        {consents.map((consent) => (
          <div key={consent.kind} className="consent-offer" data-testid={`consent-${consent.kind}`}>
            <details>
              <summary>
                《{consent.title}》<span className="muted">版本 {consent.version}</span>
              </summary>
              <div className="prose consent-text">{consent.text}</div>
            </details>
            <label className="checkbox">
              <input
                type="checkbox"
                name={`consent_${consent.kind}`}
                value="yes"
                checked={!!agreed[consent.kind]}
                onChange={(event) =>
                  setAgreed((current) => ({ ...current, [consent.kind]: event.target.checked }))
                }
              />
              我已阅读并同意《{consent.title}》
              <span className={consent.required ? "required-mark" : "muted"}>
                {consent.required ? "（必选）" : "（可选，可随时撤回）"}
              </span>
            </label>
            <input type="hidden" name={`consent_${consent.kind}_version`} value={consent.version} />
          </div>
        ))}
      </fieldset>

      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending || !ready}>
        {pending ? "正在激活…" : "激活采样盒"}
      </button>
    </form>
  )
}
