import { Button, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  formatAppointmentDay,
  isActiveAppointment,
  messages,
  plainRefusal,
  slotLabel,
  type Appointment,
  type CollectionSite,
  type SiteAvailability,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { appointments, cms } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { useLoad } from "../../../lib/use-load"
import { useMemberLoad } from "../../../lib/use-member-load"

/** 我的预约 (cancel) and booking a slot at a collection site, with the places left. */
export default function Appointments() {
  const { params } = useRouter()
  const { result, reload } = useMemberLoad(async (token) => ({
    token,
    list: await appointments.list(token),
    sites: await cms.listCollectionSites(),
  }))
  return (
    <View className="page" data-testid="appointments">
      <StateView result={result} onRetry={reload}>
        {({ token, list, sites }) => (
          <View>
            <AppointmentList token={token} list={list} onChange={reload} />
            <Booking token={token} sites={sites} initialSite={params?.site} onBooked={reload} />
          </View>
        )}
      </StateView>
    </View>
  )
}

function AppointmentList(props: { token: string; list: Appointment[]; onChange: () => void }) {
  async function cancel(a: Appointment) {
    const { confirm } = await Taro.showModal({
      title: "取消预约",
      content: `${a.site.name} ${a.date} ${a.slot}`,
    })
    if (!confirm) return
    try {
      await appointments.cancel(props.token, a.id)
      props.onChange()
    } catch (error) {
      Taro.showToast({ title: plainRefusal(explainError(error)), icon: "none" })
    }
  }
  return (
    <View className="section">
      <Text className="section__title">{messages.account.appointments}</Text>
      {props.list.length === 0 ? (
        <Text className="muted" data-testid="appointments-empty">
          {messages.account.appointmentsEmpty}
        </Text>
      ) : (
        props.list.map((a) => (
          <View key={a.id} className="list-item">
            <View>
              <Text>{a.site.name}</Text>
              <Text className="muted">
                {" "}
                {formatAppointmentDay(a.date)} {a.slot} · {a.status_label}
              </Text>
            </View>
            {isActiveAppointment(a) ? (
              <Button size="mini" onClick={() => cancel(a)}>
                取消
              </Button>
            ) : null}
          </View>
        ))
      )}
    </View>
  )
}

function Booking(props: {
  token: string
  sites: CollectionSite[]
  initialSite?: string
  onBooked: () => void
}) {
  const [siteId, setSiteId] = useState(props.initialSite ?? props.sites[0]?.documentId)
  const [choice, setChoice] = useState<{ date: string; slot: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const availability = useLoad(
    (): Promise<SiteAvailability | null> =>
      siteId ? appointments.availability(props.token, siteId) : Promise.resolve(null),
    [siteId]
  )

  async function book() {
    if (!siteId || !choice) return setProblem("请选择日期和时段")
    setProblem(null)
    try {
      await appointments.book(props.token, { site_id: siteId, ...choice })
      Taro.showToast({ title: "预约成功", icon: "success" })
      setChoice(null)
      props.onBooked()
    } catch (error) {
      setProblem(plainRefusal(explainError(error)))
    }
  }

  if (props.sites.length === 0)
    return (
      <View className="section">
        <Text className="muted">{messages.sites.empty}</Text>
      </View>
    )
  return (
    <View className="section">
      <Text className="section__title">预约采样</Text>
      <View className="chips">
        {props.sites.map((s) => (
          <View
            key={s.documentId}
            className={`chip ${siteId === s.documentId ? "chip--active" : ""}`}
            onClick={() => {
              setSiteId(s.documentId)
              setChoice(null)
            }}
          >
            {s.name}
          </View>
        ))}
      </View>
      <StateView result={availability.result} onRetry={availability.reload}>
        {(data) =>
          data ? (
            <View>
              {data.days.map((day) => (
                <View key={day.date}>
                  <Text className="muted">{formatAppointmentDay(day.date)}</Text>
                  <View className="chips">
                    {day.slots.map((slot) => (
                      <View
                        key={slot.slot}
                        className={`chip ${choice?.date === day.date && choice.slot === slot.slot ? "chip--active" : ""}`}
                        onClick={() =>
                          slot.bookable && setChoice({ date: day.date, slot: slot.slot })
                        }
                      >
                        {`${slot.slot} · ${slotLabel(slot)}`}
                      </View>
                    ))}
                  </View>
                </View>
              ))}
            </View>
          ) : null
        }
      </StateView>
      {problem ? <Text className="error-text">{problem}</Text> : null}
      <Button className="btn-primary" onClick={book}>
        确认预约
      </Button>
    </View>
  )
}
