import { Badge, Button, Input, Tabs, Text } from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { latestOnly } from "../../lib/latest-only"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { BookingDetailPanel } from "./booking-detail-panel"
import {
  boardQuery,
  lateText,
  rowTone,
  statusTabLabel,
  type BoardBooking,
} from "./dispatch-board-rows"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

const TONE_CLASS = { late: "bg-ui-tag-red-bg", waiting: "bg-ui-tag-orange-bg" } as const

/** 任务看板: tasks by status and city, late and unaccepted ones highlighted; a row opens it. */
export function DispatchBoardPanel() {
  const [status, setStatus] = useState("active")
  const [city, setCity] = useState("")
  const [lateOnly, setLateOnly] = useState(false)
  const [board, setBoard] = useState<{ bookings: BoardBooking[]; counts: Record<string, number> }>()
  const [error, setError] = useState<string>()
  const [open, setOpen] = useState<BoardBooking | null>(null)

  // The tab opens on 进行中全部: a quick switch to 全部 must not end on the first answer.
  const request = useMemo(
    () =>
      latestOnly((path: string) =>
        adminRequest<{ bookings: BoardBooking[]; counts: Record<string, number> }>(path)
      ),
    []
  )
  const load = useCallback(() => {
    setError(undefined)
    request(boardQuery({ status, city, lateOnly }))
      .then(setBoard)
      .catch((e) => setError(errorText(e)))
  }, [request, status, city, lateOnly])
  useEffect(load, [load])

  return (
    <div className="flex flex-col gap-3">
      <Tabs value={status} onValueChange={setStatus}>
        <Tabs.List>
          {Object.keys(M.statusTabs).map((value) => (
            <Tabs.Trigger key={value} value={value}>
              {statusTabLabel(value, board?.counts ?? {})}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex items-center gap-3">
        <Input
          placeholder={M.cityPlaceholder}
          value={city}
          onChange={(event) => setCity(event.target.value)}
          className="max-w-xs"
        />
        <label className="flex items-center gap-2 text-ui-fg-subtle">
          <input
            type="checkbox"
            checked={lateOnly}
            onChange={(event) => setLateOnly(event.target.checked)}
          />
          {M.lateOnly}
        </label>
        <Button variant="secondary" size="small" onClick={load}>
          刷新
        </Button>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {!board && !error && <Text className="text-ui-fg-subtle">正在加载…</Text>}
      <RecordTable<BoardBooking>
        rows={board?.bookings ?? []}
        rowKey={(row) => row.id}
        empty={board ? M.noBookings : undefined}
        onRowClick={(row) => setOpen(row)}
        rowClassName={(row) => {
          const tone = rowTone(row)
          return tone ? TONE_CLASS[tone] : undefined
        }}
        columns={[
          {
            header: "服务时间",
            cell: (row) => `${row.date} ${row.time_window.start}–${row.time_window.end}`,
          },
          { header: "城市", cell: (row) => row.city },
          { header: "医院 / 科室", cell: (row) => `${row.hospital.name} · ${row.department}` },
          { header: "服务", cell: (row) => `${row.service.name} ${formatFen(row.price_fen)}` },
          { header: "状态", cell: (row) => <Badge size="2xsmall">{row.status_label}</Badge> },
          { header: "陪诊员", cell: (row) => row.escort?.name ?? "未指派" },
          {
            header: "状态开始于",
            cell: (row) => (row.status_since ? formatBeijingTime(row.status_since) : "—"),
          },
          { header: "异常", cell: (row) => lateText(row) },
        ]}
      />
      {open && (
        <BookingDetailPanel
          booking={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setOpen(null)
            load()
          }}
        />
      )}
    </div>
  )
}
