import { Button, Heading, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../finance/finance-format"
import { assignAction, type BoardBooking } from "./dispatch-board-rows"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

type TimelineEvent = {
  id: string
  status_label: string | null
  status: string
  at: string
  actor_type: string
  note: string | null
  report_type: string | null
  flagged: boolean
}

type Escort = { id: string; name: string; city: string; status: string }

const ACTORS: Record<string, string> = {
  customer: "会员",
  escort: "陪诊员",
  staff: "运营",
  system: "系统",
}

/**
 * One booking: its timeline (the read is audit-logged, it shows the served person) and,
 * while it is 待接单 or 已接单, assigning or reassigning an escort of its city.
 */
export function BookingDetailPanel({
  booking,
  onClose,
  onChanged,
}: {
  booking: BoardBooking
  onClose: () => void
  onChanged: () => void
}) {
  const [events, setEvents] = useState<TimelineEvent[]>()
  const [person, setPerson] = useState<string>()
  const [escorts, setEscorts] = useState<Escort[]>([])
  const [chosen, setChosen] = useState("")
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const action = assignAction(booking.status)

  useEffect(() => {
    adminRequest<{
      booking: { events: TimelineEvent[]; person: { name: string; id_number: string } }
    }>(`/admin/escort-bookings/${encodeURIComponent(booking.id)}`)
      .then(({ booking: detail }) => {
        setEvents(detail.events)
        setPerson(`${detail.person.name}（${detail.person.id_number}）`)
      })
      .catch((e) => setError(errorText(e)))
    if (action) {
      adminRequest<{ escorts: Escort[] }>("/admin/escorts")
        .then(({ escorts: all }) =>
          setEscorts(
            all.filter(
              (e) => e.city === booking.city && e.status === "active" && e.id !== booking.escort?.id
            )
          )
        )
        .catch((e) => setError(errorText(e)))
    }
  }, [booking, action])

  const assign = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await adminRequest(`/admin/escort-bookings/${encodeURIComponent(booking.id)}/assign`, {
        method: "POST",
        body: { escort_id: chosen },
      })
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-3 rounded-lg border p-4" data-testid="booking-detail">
      <div className="flex items-center justify-between">
        <Heading level="h2">
          {booking.hospital.name} · {booking.department}（{booking.status_label}）
        </Heading>
        <Button variant="transparent" size="small" onClick={onClose}>
          关闭
        </Button>
      </div>
      {person && <Text size="small">就诊人：{person}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {!events && !error && <Text className="text-ui-fg-subtle">正在加载时间线…</Text>}
      <ol className="flex flex-col gap-1">
        {events?.map((event) => (
          <li key={event.id} className={event.flagged ? "text-ui-fg-error" : undefined}>
            <Text size="small">
              {formatBeijingTime(event.at)} · {event.status_label ?? event.status} ·{" "}
              {ACTORS[event.actor_type] ?? event.actor_type}
              {event.report_type ? ` · 报备：${event.report_type}` : ""}
              {event.note ? ` · ${event.note}` : ""}
            </Text>
          </li>
        ))}
      </ol>
      {action && (
        <div className="flex items-center gap-2">
          <Select value={chosen} onValueChange={setChosen}>
            <Select.Trigger className="max-w-xs">
              <Select.Value placeholder={M.chooseEscort} />
            </Select.Trigger>
            <Select.Content>
              {escorts.map((escort) => (
                <Select.Item key={escort.id} value={escort.id}>
                  {escort.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Button size="small" disabled={!chosen || busy} onClick={assign}>
            {action === "assign" ? M.assign : M.reassign}
          </Button>
          {escorts.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle">
              {booking.city}暂无其他可指派的陪诊员
            </Text>
          )}
        </div>
      )}
    </div>
  )
}
