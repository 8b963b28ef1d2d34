import { Button, Checkbox, Input, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  escortConsentAcceptances,
  escortHospitalCities,
  escortPriceFen,
  formatCNY,
  loadEscortConsentTexts,
  NEW_PERSON_SERVED,
  peopleServable,
  type EscortConsentKind,
  type EscortConsentText,
  type EscortHospital,
  type EscortService,
  type TestedPerson,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { cms, escort, healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { firstPick, HospitalChoice, type HospitalPick } from "./hospital-choice"
import {
  firstPersonServed,
  PersonServedChoice,
  type PersonServedDraft,
} from "./person-served-choice"

type Form = {
  city: string
  hospital: string
  department: string
  date: string
  start: string
  end: string
  meetingPoint: string
  needs: string
}

const EMPTY: Form = {
  city: "",
  hospital: "",
  department: "",
  date: "",
  start: "08:00",
  end: "12:00",
  meetingPoint: "",
  needs: "",
}

/**
 * 预约陪诊: service, extras (price updates), hospital, time, the person served (a saved 就诊人
 * or a new one), where to meet.
 */
export default function EscortBook() {
  const { params } = useRouter()
  const { result, reload } = useMemberLoad(async (token) => ({
    token,
    services: await escort.services(),
    // Without the catalogue the member types the hospital in, as before it existed.
    hospitals: await escort.hospitals().catch((): EscortHospital[] => []),
    // The privacy policy and the three consents, at the versions the member accepts.
    consents: await loadEscortConsentTexts((slug) => cms.getPage(slug)),
    // The member's saved 就诊人; without them the form asks for a name and ID number.
    persons: peopleServable(await healthArchive.persons(token).catch((): TestedPerson[] => [])),
  }))
  return (
    <View className="page" data-testid="escort-book">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => data.services.length === 0}
        empty={<Text>暂未开放陪诊服务，敬请期待</Text>}
      >
        {({ token, services, hospitals, consents, persons }) => (
          <BookingForm
            token={token}
            services={services}
            hospitals={hospitals}
            consents={consents}
            persons={persons}
            chosen={params?.service}
          />
        )}
      </StateView>
    </View>
  )
}

function BookingForm(props: {
  token: string
  services: EscortService[]
  hospitals: EscortHospital[]
  consents: EscortConsentText[]
  persons: TestedPerson[]
  chosen?: string
}) {
  const [ticked, setTicked] = useState<Partial<Record<EscortConsentKind, boolean>>>({})
  const [reading, setReading] = useState<EscortConsentKind | null>(null)
  const [variantId, setVariantId] = useState(
    (props.services.find((s) => s.id === props.chosen) ?? props.services[0]).variant_id
  )
  const [extras, setExtras] = useState<string[]>([])
  const [form, setForm] = useState<Form>(EMPTY)
  const [persons, setPersons] = useState(props.persons)
  const [served, setServed] = useState<PersonServedDraft>(() => firstPersonServed(props.persons))
  const [pick, setPick] = useState<HospitalPick | null>(() =>
    firstPick(props.hospitals, escortHospitalCities(props.hospitals)[0] ?? "")
  )
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const service = props.services.find((s) => s.variant_id === variantId)!
  const price = escortPriceFen(service, { start: form.start, end: form.end, extras })
  const input = (key: keyof Form, label: string, placeholder = "") => (
    <Field label={label}>
      <Input
        className="field__input"
        data-testid={`escort-${key}`}
        placeholder={placeholder}
        value={form[key]}
        onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
      />
    </Field>
  )

  /** A saved 就诊人's id; a new one saved first (实名认证 once) unless unticked, else as typed. */
  async function personServed() {
    if (served.chosen !== NEW_PERSON_SERVED) return { person_id: served.chosen }
    const person = { name: served.name.trim(), id_number: served.idNumber.trim() }
    if (!served.save) return { person }
    const saved = await healthArchive.addPerson(props.token, {
      ...person,
      relation: served.relation,
    })
    // Saved now: a refused booking is retried with them chosen, never saved twice.
    setPersons((list) => [...list, saved])
    setServed((draft) => ({ ...draft, chosen: saved.id }))
    return { person_id: saved.id }
  }

  async function submit() {
    const accepted = escortConsentAcceptances(props.consents, ticked)
    if ("refusal" in accepted) {
      setProblem(accepted.refusal)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const booking = await escort.create(props.token, {
        ...(await personServed()),
        variant_id: variantId,
        extras,
        ...(pick
          ? pick
          : { city: form.city, hospital_name: form.hospital, department: form.department }),
        date: form.date,
        time_window: { start: form.start, end: form.end },
        meeting_point: form.meetingPoint,
        needs: form.needs
          .split(/[,，、]/)
          .map((need) => need.trim())
          .filter(Boolean),
        consents: accepted.consents,
      })
      Taro.showToast({ title: "预约已提交", icon: "success" })
      await Taro.redirectTo({ url: routes.escortBooking(booking.id) })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title">陪诊服务</Text>
        {props.services.map((s) => (
          <View
            key={s.variant_id}
            className={s.variant_id === variantId ? "list-item list-item--active" : "list-item"}
            data-testid="escort-service"
            onClick={() => {
              setVariantId(s.variant_id)
              setExtras([])
            }}
          >
            <Text>{s.title}</Text>
            <Text className="price">
              {formatCNY(s.price_fen / 100)} / {s.duration_hours} 小时内
            </Text>
          </View>
        ))}
        {service.extras.map((extra) => {
          const on = extras.includes(extra.code)
          return (
            <View
              key={extra.code}
              className="list-item"
              data-testid={`escort-extra-${extra.code}`}
              onClick={() =>
                setExtras((list) =>
                  on ? list.filter((code) => code !== extra.code) : [...list, extra.code]
                )
              }
            >
              <Checkbox value={extra.code} checked={on} />
              <Text>
                {extra.label} +{formatCNY(extra.price_fen / 100)}
              </Text>
            </View>
          )
        })}
      </View>
      {props.hospitals.length > 0 && (
        <HospitalChoice hospitals={props.hospitals} pick={pick} onPick={setPick} />
      )}
      <View className="section">
        {pick ? null : input("city", "城市", "如：长沙市")}
        {pick ? null : input("hospital", "医院")}
        {pick ? null : input("department", "科室")}
        {input("date", "就诊日期", "如：2026-12-20")}
        {input("start", "开始时间", "08:00")}
        {input("end", "结束时间", "12:00")}
      </View>
      <View className="section">
        <PersonServedChoice persons={persons} draft={served} onChange={setServed} />
        <Text className="muted">身份证号仅用于医院挂号，加密保存，提交后只显示打码后的号码。</Text>
        {input("meetingPoint", "见面地点", "如：门诊楼一楼大厅")}
        {input("needs", "特殊需求（选填）", "如：轮椅、说长沙话")}
      </View>
      <View className="section" data-testid="escort-consents">
        <Text className="section__title">隐私与授权</Text>
        {props.consents.map((consent) => (
          <View key={consent.kind}>
            <View
              className="list-item"
              data-testid={`escort-consent-${consent.kind}`}
              onClick={() => setTicked((t) => ({ ...t, [consent.kind]: !t[consent.kind] }))}
            >
              <Checkbox value={consent.kind} checked={!!ticked[consent.kind]} />
              <Text>
                我已阅读并同意《{consent.title}》
                {consent.version ? `（版本 ${consent.version}）` : "（暂未发布）"}
              </Text>
            </View>
            {consent.body ? (
              <Text
                className="muted"
                onClick={() => setReading((k) => (k === consent.kind ? null : consent.kind))}
              >
                {reading === consent.kind ? consent.body : "阅读全文"}
              </Text>
            ) : null}
          </View>
        ))}
        <Text className="muted">
          向陪诊员提供就诊人信息仅在服务期间有效，可随时在「我的同意」中撤回。
        </Text>
      </View>
      <View className="row">
        <Text>应付</Text>
        <Text className="price" data-testid="escort-price">
          {formatCNY(price / 100)}
        </Text>
      </View>
      <Text className="muted">以提交后系统计算的金额为准；超出服务时长按小时加收。</Text>
      {problem ? (
        <Text className="error-text" data-testid="escort-error">
          {problem}
        </Text>
      ) : null}
      <Button className="btn-primary" data-testid="escort-submit" disabled={busy} onClick={submit}>
        提交预约
      </Button>
    </View>
  )
}
