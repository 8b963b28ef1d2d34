"use client"

import { formatCNY, formatDateTime, type ConsultationSlot, type SlotMode } from "@health/core"
import { useActionState, useState } from "react"
import type { AccountActionState } from "@/lib/account-actions"

const MODE_LABELS: Record<SlotMode, string> = { phone: "电话问诊", video: "视频问诊" }

/**
 * 电话/视频问诊: the mode, one of the doctor's free slots (Beijing time) and the question. A slot
 * another member took a moment earlier comes back as commerce's Chinese 409 message.
 */
export function BookSlotForm({
  doctorId,
  prices,
  slots,
  book,
}: {
  doctorId: string
  prices: Partial<Record<SlotMode, number>>
  slots: ConsultationSlot[]
  book: (state: AccountActionState, form: FormData) => Promise<AccountActionState>
}) {
  const offered = (["phone", "video"] as const).filter((m) => prices[m])
  const [mode, setMode] = useState<SlotMode>(offered[0] ?? "phone")
  const [state, action, pending] = useActionState(book, undefined)
  const open = slots.filter((slot) => slot.modes.includes(mode))
  return (
    <form action={action} className="panel form" data-testid="consult-book-slot-form">
      <input type="hidden" name="doctor_id" value={doctorId} />
      <fieldset>
        <legend>问诊方式</legend>
        {offered.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {MODE_LABELS[m]} {formatCNY(prices[m]! / 100)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>预约时段（北京时间）</legend>
        {open.length === 0 ? (
          <p className="hint">
            未来两周暂无可预约的{MODE_LABELS[mode]}时段，请稍后再来或选择图文问诊。
          </p>
        ) : (
          open.map((slot) => (
            <label key={slot.start}>
              <input type="radio" name="slot" value={slot.start} required />
              {formatDateTime(slot.start)}–{formatDateTime(slot.end).slice(11)}
              {slot.capacity > 1 ? `（剩余 ${slot.remaining}）` : ""}
            </label>
          ))
        )}
      </fieldset>
      <label>
        描述您的问题
        <textarea name="question" required minLength={5} maxLength={2000} />
      </label>
      <p className="hint">
        请在 30 分钟内完成支付，否则时段将释放；医生未按时开始或取消将自动全额退款。
      </p>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending || open.length === 0}>
        {pending ? "预约中…" : "预约并去支付"}
      </button>
    </form>
  )
}
