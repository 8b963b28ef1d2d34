"use client"

import { formatAppointmentDay, slotLabel, type SiteAvailability } from "@health/core"
import { useActionState } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Book = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/**
 * The days and slots of one site with the places left; full and past slots cannot be
 * chosen. Booking asks for the person coming; rescheduling only for the new slot.
 */
export function SlotPicker({
  availability,
  book,
  rescheduleId,
  orderId,
  submitLabel,
}: {
  availability: SiteAvailability
  book: Book
  rescheduleId?: string
  /** The order this booking is for (on-site collection chosen at checkout). */
  orderId?: string
  /** Picking a slot for something else (an order's kit): only the slot is asked, under this button. */
  submitLabel?: string
}) {
  const [state, action, pending] = useActionState(book, undefined)
  const open = availability.days.some((day) => day.slots.some((slot) => slot.bookable))

  return (
    <form action={action} className="slot-picker" data-testid="slot-picker">
      <input type="hidden" name="site_id" value={availability.site.id} />
      {rescheduleId && <input type="hidden" name="reschedule_id" value={rescheduleId} />}
      {orderId && <input type="hidden" name="order_id" value={orderId} />}
      {!open && (
        <p className="empty-state small" data-testid="slots-full">
          {availability.site.name}近 {availability.days.length}{" "}
          天的时段都已约满或已过，请换一个采集点，或稍后再来看看。
        </p>
      )}
      <div className="slot-days">
        {availability.days.map((day) => (
          <fieldset key={day.date} className="slot-day">
            <legend>{formatAppointmentDay(day.date)}</legend>
            {day.slots.map((slot) => (
              <label
                key={slot.slot}
                className={`slot-option${slot.bookable ? "" : " disabled"}`}
                data-testid="slot-option"
              >
                <input
                  type="radio"
                  name="choice"
                  value={`${day.date} ${slot.slot}`}
                  disabled={!slot.bookable}
                  required
                />
                <span>{slot.slot}</span>
                <span className="muted">{slotLabel(slot)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {!rescheduleId && !submitLabel && (
        <div className="form-row">
          <label>
            到店人姓名（选填）
            <input name="person_name" maxLength={40} placeholder="默认为本人" />
          </label>
          <label>
            联系电话（选填）
            <input name="person_phone" inputMode="tel" maxLength={20} placeholder="11 位手机号" />
          </label>
        </div>
      )}
      <FormFeedback state={state} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending || !open}>
          {pending ? "提交中…" : (submitLabel ?? (rescheduleId ? "确认改期" : "提交预约"))}
        </button>
      </div>
    </form>
  )
}
