import { Button, Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import {
  DUTY_ROSTER_MESSAGES as M,
  WEEKDAY_TEXT,
  describeShift,
  newDutyRosterRow,
  rosterBody,
  toggleWeekday,
  type DutyRosterRow,
} from "./duty-roster-rows"

type RosterAnswer = {
  shifts: (DutyRosterRow & { id: string })[]
  on_duty_now: { phones: string[]; source: "roster" | "fallback" | "none" }
}

const SOURCE_TEXT = { roster: M.sourceRoster, fallback: M.sourceFallback, none: M.sourceNone }

/** 值班表: who receives the anomaly SMS on which weekdays and hours, saved as one table. */
export function DutyRosterPanel() {
  const [rows, setRows] = useState<DutyRosterRow[]>()
  const [onDuty, setOnDuty] = useState<RosterAnswer["on_duty_now"]>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)

  const show = useCallback((answer: RosterAnswer) => {
    setRows(answer.shifts.map(({ id: _id, ...row }) => row))
    setOnDuty(answer.on_duty_now)
  }, [])
  useEffect(() => {
    adminRequest<RosterAnswer>("/admin/escort-dispatch/roster")
      .then(show)
      .catch((e) => setError(errorText(e)))
  }, [show])

  const change = (index: number, row: DutyRosterRow) =>
    setRows((all) => all?.map((each, i) => (i === index ? row : each)))

  const save = async () => {
    if (!rows) return
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      show(
        await adminRequest<RosterAnswer>("/admin/escort-dispatch/roster", {
          method: "PUT",
          body: rosterBody(rows),
        })
      )
      setNotice(M.saved)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {onDuty && (
        <Text size="small">
          {M.onDutyNow}：{onDuty.phones.join("、") || "—"}
          {SOURCE_TEXT[onDuty.source]}
        </Text>
      )}
      {rows && rows.length === 0 && <Text className="text-ui-fg-subtle">{M.empty}</Text>}
      {rows?.map((row, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2 border-b pb-2">
          <Input
            size="small"
            className="w-36"
            placeholder="值班人姓名"
            value={row.name}
            onChange={(e) => change(index, { ...row, name: e.target.value })}
          />
          <Input
            size="small"
            className="w-40"
            placeholder="手机号"
            value={row.phone}
            onChange={(e) => change(index, { ...row, phone: e.target.value })}
          />
          {WEEKDAY_TEXT.slice(1).map((label, i) => (
            <div key={label} className="flex items-center gap-1">
              <Checkbox
                id={`duty-${index}-${i + 1}`}
                checked={row.weekdays.includes(i + 1)}
                onCheckedChange={() => change(index, toggleWeekday(row, i + 1))}
              />
              <Label htmlFor={`duty-${index}-${i + 1}`} size="small">
                {label}
              </Label>
            </div>
          ))}
          <Input
            size="small"
            type="time"
            className="w-28"
            value={row.start_time}
            onChange={(e) => change(index, { ...row, start_time: e.target.value })}
          />
          <Input
            size="small"
            type="time"
            className="w-28"
            value={row.end_time}
            onChange={(e) => change(index, { ...row, end_time: e.target.value })}
          />
          <Text size="small" className="text-ui-fg-subtle">
            {describeShift(row)}
          </Text>
          <Button
            size="small"
            variant="transparent"
            onClick={() => setRows((all) => all?.filter((_, i) => i !== index))}
          >
            {M.remove}
          </Button>
        </div>
      ))}
      <div className="flex gap-2">
        <Button
          size="small"
          variant="secondary"
          onClick={() => setRows((all) => [...(all ?? []), newDutyRosterRow()])}
        >
          {M.add}
        </Button>
        <Button size="small" isLoading={busy} disabled={!rows} onClick={save}>
          {M.save}
        </Button>
      </div>
    </div>
  )
}
