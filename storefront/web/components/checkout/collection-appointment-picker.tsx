"use client"

import {
  describeCollectionChoice,
  formatAppointmentDay,
  shiftDay,
  slotLabel,
  type CollectionSite,
} from "@health/core"
import {
  COLLECTION_DAYS_SHOWN as DAYS_SHOWN,
  type CollectionAvailabilityState,
} from "@health/core/appointments/collection-availability"
import { COLLECTION_PICKER_TEXT } from "@health/core/appointments/collection-pick"
import { useEffect, useState, useTransition } from "react"
import { COLLECTION_FIELDS } from "@/lib/collection-appointment"

type LoadAvailability = (siteId: string, from?: string) => Promise<CollectionAvailabilityState>

/**
 * 采集点现场采集 at checkout: a collection site from the CMS, then a day and slot with the
 * places left (commerce's availability), carried by the checkout form. Members only: the
 * appointment is booked for the member when the order is placed.
 */
export function CollectionAppointmentPicker({
  sites,
  signedIn,
  loadAvailability,
  defaults = {},
  fields = COLLECTION_FIELDS,
  legend = "预约现场采集",
}: {
  /** null when the CMS could not be read. */
  sites: CollectionSite[] | null
  signedIn: boolean
  loadAvailability: LoadAvailability
  defaults?: { siteId?: string; slot?: string }
  /** The form field names (one set per gene-test line at checkout). */
  fields?: { site: string; siteName: string; slot: string }
  legend?: string
}) {
  const [siteId, setSiteId] = useState(defaults.siteId ?? "")
  const [picked, setPicked] = useState(defaults.slot ?? "")
  const [state, setState] = useState<CollectionAvailabilityState>({})
  const [loading, startLoading] = useTransition()

  // The first day offered (today, or the first day still open): no paging back before it.
  const [earliest, setEarliest] = useState<string>()

  const load = (id: string, from?: string) =>
    startLoading(async () => {
      const next = await loadAvailability(id, from)
      if (!from) setEarliest(next.availability?.days[0]?.date)
      setState(next)
    })

  useEffect(() => {
    // After a refused submit the form comes back with the site chosen: show its slots again.
    if (signedIn && defaults.siteId) load(defaults.siteId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!signedIn) {
    return (
      <p className="notice" data-testid="collection-sign-in">
        现场采集需先<a href="/account/sign-in?next=/checkout">登录</a>
        ，以便为您预约采集点的时段；不登录也可以选择顺丰包邮寄送采样盒。
      </p>
    )
  }
  if (sites === null) {
    return (
      <p className="form-error" role="alert">
        {COLLECTION_PICKER_TEXT.sitesUnreadable}
      </p>
    )
  }
  if (!sites.length) {
    return <p className="empty-state small">{COLLECTION_PICKER_TEXT.noSites}</p>
  }

  const availability = state.availability?.site.id === siteId ? state.availability : undefined
  const site = sites.find((s) => s.documentId === siteId)
  const [date, slot] = picked.split(" ")
  const open = availability?.days.some((day) => day.slots.some((s) => s.bookable))
  const firstDay = availability?.days[0]?.date
  const lastDay = availability?.days.at(-1)?.date

  return (
    <fieldset className="collection-picker" data-testid="collection-picker">
      <legend>{legend}</legend>
      <input type="hidden" name={fields.site} value={siteId} />
      <input
        type="hidden"
        name={fields.siteName}
        value={availability?.site.name ?? site?.name ?? ""}
      />
      <p className="hint">{COLLECTION_PICKER_TEXT.intro}</p>
      <ul className="chips" data-testid="collection-sites">
        {sites.map((s) => (
          <li key={s.documentId}>
            <button
              type="button"
              className={`chip${s.documentId === siteId ? " active" : ""}`}
              aria-pressed={s.documentId === siteId}
              onClick={() => {
                setSiteId(s.documentId)
                setPicked("")
                load(s.documentId)
              }}
            >
              {s.name}
              <span className="muted"> · {s.district ?? s.city}</span>
            </button>
          </li>
        ))}
      </ul>
      {loading && <p className="muted">{COLLECTION_PICKER_TEXT.loadingSlots}</p>}
      {state.error && siteId && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {availability && (
        <>
          <p className="muted">
            {availability.site.address}
            {availability.site.hours ? ` · 营业时间 ${availability.site.hours}` : ""}
          </p>
          {!open && (
            <p className="empty-state small" data-testid="collection-slots-full">
              {COLLECTION_PICKER_TEXT.allFull}
            </p>
          )}
          <div className="slot-days">
            {availability.days.map((day) => (
              <fieldset key={day.date} className="slot-day">
                <legend>{formatAppointmentDay(day.date)}</legend>
                {day.slots.map((s) => {
                  const value = `${day.date} ${s.slot}`
                  return (
                    <label
                      key={s.slot}
                      className={`slot-option${s.bookable ? "" : " disabled"}`}
                      data-testid="collection-slot"
                    >
                      <input
                        type="radio"
                        name={fields.slot}
                        value={value}
                        disabled={!s.bookable}
                        checked={picked === value}
                        onChange={() => setPicked(value)}
                        required
                      />
                      <span>{s.slot}</span>
                      <span className="muted">{slotLabel(s)}</span>
                    </label>
                  )
                })}
              </fieldset>
            ))}
          </div>
          <p className="form-actions">
            {firstDay && earliest && firstDay > earliest && (
              <PageButton
                label={`前 ${DAYS_SHOWN} 天`}
                onClick={() => load(siteId, shiftDay(firstDay, -DAYS_SHOWN))}
              />
            )}
            {lastDay && (
              <PageButton
                label={`后 ${DAYS_SHOWN} 天`}
                onClick={() => load(siteId, shiftDay(lastDay, 1))}
              />
            )}
          </p>
        </>
      )}
      {date && slot && (
        <p data-testid="collection-choice">
          已选：
          {describeCollectionChoice({
            site_id: siteId,
            site_name: availability?.site.name ?? site?.name,
            date,
            slot,
          })}
        </p>
      )}
    </fieldset>
  )
}

function PageButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button" onClick={onClick}>
      {label}
    </button>
  )
}
