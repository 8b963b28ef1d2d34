import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  DEFAULT_ESCORT_SCHEDULE,
  ESCORT_WEEKDAYS,
  escortScheduleProblem,
  escortScheduleSummary,
  normalizeEscortSchedule,
  type EscortSchedule,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortApp } from "../escort-app-client"
import { useEscortLoad } from "../use-escort-load"

/** 我的排班: weekdays and Beijing hours for taking tasks, and days off. */
export default function EscortSchedulePage() {
  const { result, reload } = useEscortLoad(async (token) => ({
    token,
    schedule: await escortApp.getEscortSchedule(token),
  }))
  return (
    <View className="page" data-testid="escort-schedule">
      <StateView result={result} onRetry={reload}>
        {({ token, schedule }) => <Editor token={token} saved={schedule} />}
      </StateView>
    </View>
  )
}

function Editor({ token, saved: initial }: { token: string; saved: EscortSchedule | null }) {
  const [saved, setSaved] = useState(initial)
  const [draft, setDraft] = useState<EscortSchedule>(initial ?? DEFAULT_ESCORT_SCHEDULE)
  const [dayOff, setDayOff] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const toggle = (day: number) =>
    setDraft({
      ...draft,
      weekdays: draft.weekdays.includes(day)
        ? draft.weekdays.filter((d) => d !== day)
        : [...draft.weekdays, day],
    })

  const addDayOff = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dayOff.trim())) return setProblem("休息日格式应为 YYYY-MM-DD")
    setProblem(null)
    setDraft(normalizeEscortSchedule({ ...draft, days_off: [...draft.days_off, dayOff.trim()] }))
    setDayOff("")
  }

  const save = async () => {
    const schedule = normalizeEscortSchedule(draft)
    const refusal = escortScheduleProblem(schedule)
    if (refusal) return setProblem(refusal)
    setBusy(true)
    setProblem(null)
    try {
      const stored = await escortApp.putEscortSchedule(token, schedule)
      setSaved(stored)
      setDraft(stored)
      Taro.showToast({ title: "排班已保存", icon: "success" })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section">
      <Text className="muted" data-testid="escort-schedule-summary">
        当前：{escortScheduleSummary(saved)}
      </Text>
      <Field label="可接单的日子">
        <View className="chips">
          {ESCORT_WEEKDAYS.map((day) => (
            <Text
              key={day.value}
              className={`chip${draft.weekdays.includes(day.value) ? " chip--active" : ""}`}
              onClick={() => toggle(day.value)}
              data-testid={`escort-weekday-${day.value}`}
            >
              {day.label}
            </Text>
          ))}
        </View>
      </Field>
      <Field label="开始时间（北京时间）">
        <Input
          value={draft.start_time}
          onInput={(e) => setDraft({ ...draft, start_time: e.detail.value })}
          data-testid="escort-start"
        />
      </Field>
      <Field label="结束时间（北京时间）">
        <Input
          value={draft.end_time}
          onInput={(e) => setDraft({ ...draft, end_time: e.detail.value })}
          data-testid="escort-end"
        />
      </Field>
      <Field label="休息日">
        {draft.days_off.length === 0 ? <Text className="muted">没有安排休息日</Text> : null}
        {draft.days_off.map((day) => (
          <View key={day} className="row">
            <Text>{day}</Text>
            <Button
              size="mini"
              onClick={() =>
                setDraft({ ...draft, days_off: draft.days_off.filter((d) => d !== day) })
              }
            >
              移除
            </Button>
          </View>
        ))}
        <View className="row">
          <Input
            placeholder="如 2026-12-25"
            value={dayOff}
            onInput={(e) => setDayOff(e.detail.value)}
            data-testid="escort-day-off"
          />
          <Button size="mini" onClick={addDayOff} data-testid="escort-day-off-add">
            添加
          </Button>
        </View>
      </Field>
      {problem ? (
        <Text className="error-text" data-testid="escort-schedule-error">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        disabled={busy}
        onClick={save}
        data-testid="escort-schedule-save"
      >
        {busy ? "保存中…" : "保存排班"}
      </Button>
    </View>
  )
}
