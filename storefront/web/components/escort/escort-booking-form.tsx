"use client"

import {
  escortPriceFen,
  formatCNY,
  type EscortConsentText,
  type EscortHospital,
  type EscortService,
  type TestedPerson,
} from "@health/core"
import { useActionState, useState } from "react"
import type { EscortFormState } from "@/lib/escort-actions"
import { HospitalPicker } from "./hospital-picker"
import { PersonServedPicker } from "./person-served-picker"

const NEEDS_HINT = "如：轮椅、听力不好需大声沟通、说长沙话（用逗号分隔）"

/**
 * 预约陪诊: the service and its extras (the price updates as they change), the hospital and
 * department, the day and time window, the person served (a saved 就诊人, or a name and ID
 * number typed in and saved, shown masked afterwards), where to meet and any needs, and the privacy policy
 * with the three consents (each ticked on its own, sent with the version shown).
 */
export function EscortBookingForm({
  services,
  hospitals = [],
  consents = [],
  persons = [],
  book,
  today,
  chosen,
}: {
  services: EscortService[]
  /** The hospital catalogue; empty (CMS never synced, or down at first start): typed in. */
  hospitals?: EscortHospital[]
  /** The privacy policy and consents from the CMS; one without a published version blocks booking. */
  consents?: EscortConsentText[]
  /** The member's saved people with an ID number, to choose instead of typing. */
  persons?: TestedPerson[]
  book: (state: EscortFormState, form: FormData) => Promise<EscortFormState>
  /** The earliest day to offer, YYYY-MM-DD in Beijing time. */
  today: string
  chosen?: string
}) {
  const [state, action, pending] = useActionState(book, undefined)
  const fields = state?.fields ?? {}
  const [serviceId, setServiceId] = useState(
    fields.variant_id ??
      services.find((s) => s.id === chosen)?.variant_id ??
      services[0]?.variant_id
  )
  const [extras, setExtras] = useState<string[]>([])
  const [hours, setHours] = useState({ start: fields.start ?? "08:00", end: fields.end ?? "12:00" })
  const service = services.find((s) => s.variant_id === serviceId)
  const price = service ? escortPriceFen(service, { ...hours, extras }) : null
  const unpublished = consents.find((consent) => !consent.version)

  return (
    <form action={action} className="form escort-form" data-testid="escort-booking-form">
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <fieldset className="radio-column">
        <legend>陪诊服务</legend>
        {services.map((s) => (
          <label key={s.variant_id}>
            <input
              type="radio"
              name="variant_id"
              value={s.variant_id}
              checked={s.variant_id === serviceId}
              onChange={() => {
                setServiceId(s.variant_id)
                setExtras([])
              }}
            />
            {s.title} · {formatCNY(s.price_fen / 100)}（{s.duration_hours} 小时内）
          </label>
        ))}
      </fieldset>
      {service && service.extras.length > 0 && (
        <fieldset className="radio-column" data-testid="escort-extras">
          <legend>附加服务</legend>
          {service.extras.map((extra) => (
            <label key={extra.code} className="checkbox">
              <input
                type="checkbox"
                name="extras"
                value={extra.code}
                checked={extras.includes(extra.code)}
                onChange={(event) =>
                  setExtras((list) =>
                    event.target.checked
                      ? [...list, extra.code]
                      : list.filter((code) => code !== extra.code)
                  )
                }
              />
              {extra.label} +{formatCNY(extra.price_fen / 100)}
            </label>
          ))}
        </fieldset>
      )}
      <HospitalPicker hospitals={hospitals} fields={fields} />
      <label>
        就诊日期
        <input name="date" type="date" required min={today} defaultValue={fields.date ?? ""} />
      </label>
      <div className="form-row">
        <label>
          开始时间
          <input
            name="start"
            type="time"
            required
            value={hours.start}
            onChange={(event) => setHours((w) => ({ ...w, start: event.target.value }))}
          />
        </label>
        <label>
          结束时间
          <input
            name="end"
            type="time"
            required
            value={hours.end}
            onChange={(event) => setHours((w) => ({ ...w, end: event.target.value }))}
          />
        </label>
      </div>
      <PersonServedPicker persons={persons} fields={fields} />
      <label>
        见面地点
        <input
          name="meeting_point"
          required
          maxLength={120}
          defaultValue={fields.meeting_point ?? ""}
        />
      </label>
      <label>
        特殊需求（选填）
        <textarea
          name="needs"
          maxLength={400}
          placeholder={NEEDS_HINT}
          defaultValue={fields.needs ?? ""}
        />
      </label>
      <fieldset className="radio-column" data-testid="escort-consents">
        <legend>隐私与授权</legend>
        {unpublished ? (
          <p className="form-error" role="alert">
            「{unpublished.label}」暂未发布，暂时无法预约，请稍后再试
          </p>
        ) : (
          consents.map((consent) => (
            <div key={consent.kind}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name={`consent_${consent.kind}`}
                  required
                  data-testid={`escort-consent-${consent.kind}`}
                />
                我已阅读并同意
                {consent.kind === "privacy_policy" ? (
                  <a href="/privacy" target="_blank" rel="noreferrer">
                    《{consent.title}》
                  </a>
                ) : (
                  `《${consent.title}》`
                )}
                <span className="muted">（版本 {consent.version}）</span>
              </label>
              <input
                type="hidden"
                name={`consent_version_${consent.kind}`}
                value={consent.version ?? ""}
              />
              {consent.body && (
                <details className="hint">
                  <summary>阅读全文</summary>
                  <p style={{ whiteSpace: "pre-wrap" }}>{consent.body}</p>
                </details>
              )}
            </div>
          ))
        )}
        <p className="hint">向陪诊员提供就诊人信息仅在服务期间有效，可随时在「我的同意」中撤回。</p>
      </fieldset>
      <p className="pay-amount" data-testid="escort-price">
        {price === null ? "请选择服务" : `应付 ${formatCNY(price / 100)}`}
      </p>
      <p className="hint">以提交后系统计算的金额为准；超出服务时长按小时加收。</p>
      <button
        type="submit"
        className="button primary"
        disabled={pending || !service || !!unpublished}
      >
        {pending ? "正在提交…" : "提交预约"}
      </button>
    </form>
  )
}
