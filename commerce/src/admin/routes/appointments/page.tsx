import {
  ACTIVE_APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_STATUSES,
  type Appointment,
  type AppointmentStatus,
} from "@health/contracts"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CalendarSolid } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useState } from "react"
import { adminRequest } from "../../lib/admin-request"

type Status = AppointmentStatus
/** An order's collection also says whether finance has the offline payment yet. */
type DayAppointment = Appointment & {
  payment_status?: string | null
  payment_offline?: boolean
}
type Site = { id: string; name: string; capacity_per_slot: number | null }
type DayView = {
  date: string
  slots: string[]
  sites: Site[]
  cms_available: boolean
  appointments: DayAppointment[]
}

const STATUS_FILTERS: [Status | "", string][] = [
  ["", "全部状态"],
  ...APPOINTMENT_STATUSES.map((status): [Status, string] => [
    status,
    APPOINTMENT_STATUS_LABELS[status],
  ]),
]

const STATUS_COLORS: Record<Status, "orange" | "green" | "blue" | "grey" | "purple"> = {
  pending: "orange",
  confirmed: "green",
  rescheduled: "blue",
  cancelled: "grey",
  completed: "purple",
}

const ACTIVE = ACTIVE_APPOINTMENT_STATUSES

/** Today in Beijing, YYYY-MM-DD. */
const beijingToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)

const selectClass =
  "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2 text-ui-fg-base"

/** 预约管理: one day of collection-site appointments, by site and slot, for customer service. */
const AppointmentsPage = () => {
  const [date, setDate] = useState(beijingToday)
  const [siteId, setSiteId] = useState("")
  const [status, setStatus] = useState<Status | "">("")
  const [day, setDay] = useState<DayView>()
  const [message, setMessage] = useState<{ text: string; error?: boolean }>()
  const [moving, setMoving] = useState<{ id: string; date: string; slot: string }>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const query = new URLSearchParams({ date })
    if (siteId) query.set("site_id", siteId)
    if (status) query.set("status", status)
    try {
      setDay(await adminRequest<DayView>(`/admin/appointments?${query}`))
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }, [date, siteId, status])
  useEffect(() => void load(), [load])

  const act = async (appointment: Appointment, action: string, body: object, done: string) => {
    setBusy(true)
    try {
      await adminRequest(`/admin/appointments/${appointment.id}/${action}`, {
        method: "POST",
        body,
      })
      setMessage({ text: done })
      setMoving(undefined)
      await load()
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    } finally {
      setBusy(false)
    }
  }

  const cancel = (appointment: Appointment) => {
    const reason = window.prompt("取消原因（会员会看到）", "")
    if (reason === null) return
    void act(appointment, "cancel", { reason }, "已取消预约，已通知会员")
  }

  const sites = useMemo(() => {
    const all = day?.sites ?? []
    return siteId ? all.filter((site) => site.id === siteId) : all
  }, [day, siteId])

  const inSlot = (site: string, slot: string) =>
    (day?.appointments ?? []).filter((a) => a.site.id === site && a.slot === slot)

  const taken = (site: string, slot: string) =>
    inSlot(site, slot).filter((a) => ACTIVE.includes(a.status)).length

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="flex flex-col gap-y-3 p-6">
        <div>
          <Heading level="h1">预约管理</Heading>
          <Text className="text-ui-fg-subtle">
            按日期查看各采集点各时段的到店采样预约，确认、改期、完成或取消。时间均为北京时间。
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="appointments-date">日期</Label>
            <Input
              id="appointments-date"
              type="date"
              value={date}
              onChange={(event) => event.target.value && setDate(event.target.value)}
            />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="appointments-site">采集点</Label>
            <select
              id="appointments-site"
              className={selectClass}
              value={siteId}
              onChange={(event) => setSiteId(event.target.value)}
            >
              <option value="">全部采集点</option>
              {(day?.sites ?? []).map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="appointments-status">状态</Label>
            <select
              id="appointments-status"
              className={selectClass}
              value={status}
              onChange={(event) => setStatus(event.target.value as Status | "")}
            >
              {STATUS_FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" onClick={() => setDate(beijingToday())}>
            今天
          </Button>
          <Button variant="secondary" onClick={() => void load()}>
            刷新
          </Button>
        </div>
        {message && (
          <Text className={message.error ? "text-ui-fg-error" : "text-ui-fg-interactive"}>
            {message.text}
          </Text>
        )}
        {day && !day.cms_available && (
          <Text className="text-ui-fg-error">
            内容后台暂时无法访问：只列出当天有预约的采集点，容量未知。
          </Text>
        )}
      </Container>

      {day && sites.length === 0 && (
        <Container className="p-6">
          <Text className="text-ui-fg-subtle">{date} 没有采集点或预约。</Text>
        </Container>
      )}

      {day &&
        sites.map((site) => (
          <Container key={site.id} className="p-0">
            <div className="flex items-center justify-between px-6 py-4">
              <Heading level="h2">{site.name}</Heading>
              <Text className="text-ui-fg-subtle">
                {site.capacity_per_slot === null
                  ? "每时段容量未知"
                  : `每时段 ${site.capacity_per_slot} 个名额`}
              </Text>
            </div>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="w-32">时段</Table.HeaderCell>
                  <Table.HeaderCell className="w-24">已约</Table.HeaderCell>
                  <Table.HeaderCell>预约</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {day.slots.map((slot) => (
                  <Table.Row key={slot} className="align-top">
                    <Table.Cell>{slot}</Table.Cell>
                    <Table.Cell>
                      {taken(site.id, slot)}
                      {site.capacity_per_slot !== null && ` / ${site.capacity_per_slot}`}
                    </Table.Cell>
                    <Table.Cell className="py-2">
                      {inSlot(site.id, slot).length === 0 ? (
                        <Text className="text-ui-fg-muted">—</Text>
                      ) : (
                        <div className="flex flex-col gap-y-2">
                          {inSlot(site.id, slot).map((appointment) => (
                            <div
                              key={appointment.id}
                              className="flex flex-wrap items-center gap-2"
                              data-testid="appointment-row"
                            >
                              <Badge color={STATUS_COLORS[appointment.status]}>
                                {appointment.status_label}
                              </Badge>
                              {appointment.payment_offline &&
                                appointment.payment_status === "authorized" && (
                                  <Badge color="orange">待财务确认收款</Badge>
                                )}
                              <Text>
                                {appointment.person?.name ?? "本人"}
                                {appointment.person?.phone
                                  ? ` · ${appointment.person.phone.replace(/^\+86/, "")}`
                                  : ""}
                              </Text>
                              {appointment.cancel_reason && (
                                <Text className="text-ui-fg-subtle">
                                  （{appointment.cancelled_by === "staff" ? "客服" : "会员"}
                                  取消：{appointment.cancel_reason}）
                                </Text>
                              )}
                              {ACTIVE.includes(appointment.status) && (
                                <div className="flex gap-x-1">
                                  {appointment.status !== "confirmed" && (
                                    <Button
                                      size="small"
                                      disabled={busy}
                                      onClick={() =>
                                        void act(appointment, "confirm", {}, "已确认，已通知会员")
                                      }
                                    >
                                      确认
                                    </Button>
                                  )}
                                  <Button
                                    size="small"
                                    variant="secondary"
                                    disabled={busy}
                                    onClick={() =>
                                      void act(appointment, "complete", {}, "已标记为完成")
                                    }
                                  >
                                    完成
                                  </Button>
                                  <Button
                                    size="small"
                                    variant="secondary"
                                    disabled={busy}
                                    onClick={() =>
                                      setMoving({
                                        id: appointment.id,
                                        date: appointment.date,
                                        slot: appointment.slot,
                                      })
                                    }
                                  >
                                    改期
                                  </Button>
                                  <Button
                                    size="small"
                                    variant="danger"
                                    disabled={busy}
                                    onClick={() => cancel(appointment)}
                                  >
                                    取消
                                  </Button>
                                </div>
                              )}
                              {moving?.id === appointment.id && (
                                <div className="flex items-center gap-x-2">
                                  <Input
                                    type="date"
                                    size="small"
                                    aria-label="新日期"
                                    value={moving.date}
                                    onChange={(event) =>
                                      setMoving({ ...moving, date: event.target.value })
                                    }
                                  />
                                  <select
                                    aria-label="新时段"
                                    className={selectClass}
                                    value={moving.slot}
                                    onChange={(event) =>
                                      setMoving({ ...moving, slot: event.target.value })
                                    }
                                  >
                                    {day.slots.map((option) => (
                                      <option key={option} value={option}>
                                        {option}
                                      </option>
                                    ))}
                                  </select>
                                  <Button
                                    size="small"
                                    disabled={busy}
                                    onClick={() =>
                                      void act(
                                        appointment,
                                        "reschedule",
                                        { date: moving.date, slot: moving.slot },
                                        `已改到 ${moving.date} ${moving.slot}，已通知会员`
                                      )
                                    }
                                  >
                                    保存改期
                                  </Button>
                                  <Button
                                    size="small"
                                    variant="transparent"
                                    onClick={() => setMoving(undefined)}
                                  >
                                    放弃
                                  </Button>
                                </div>
                              )}
                            </div>
                          ))}
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </Container>
        ))}
    </div>
  )
}

export const config = defineRouteConfig({ label: "预约管理", icon: CalendarSolid })

export default AppointmentsPage
