import { Button, Input, Label } from "@medusajs/ui"
import { FINANCE_MESSAGES as M } from "./finance-messages"
import { lastMonth, thisMonth } from "./finance-format"

type Period = { from: string; to: string }

/** 本月 / 上月 / 自定义 (two Beijing dates). */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: Period
  onChange: (period: Period) => void
}) {
  const current = thisMonth()
  const previous = lastMonth()
  const is = (period: Period) => period.from === value.from && period.to === value.to
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        size="small"
        variant={is(current) ? "primary" : "secondary"}
        onClick={() => onChange(current)}
      >
        {M.thisMonth}
      </Button>
      <Button
        size="small"
        variant={is(previous) ? "primary" : "secondary"}
        onClick={() => onChange(previous)}
      >
        {M.lastMonth}
      </Button>
      <div className="flex flex-col gap-1">
        <Label size="xsmall">{M.from}</Label>
        <Input
          type="date"
          size="small"
          value={value.from}
          onChange={(event) =>
            event.target.value && onChange({ ...value, from: event.target.value })
          }
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label size="xsmall">{M.to}</Label>
        <Input
          type="date"
          size="small"
          value={value.to}
          onChange={(event) => event.target.value && onChange({ ...value, to: event.target.value })}
        />
      </div>
    </div>
  )
}
