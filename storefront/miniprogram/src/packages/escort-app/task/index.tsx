import { Button, Input, Picker, Switch, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  ESCORT_REPORT_TYPES,
  escortReportTypeLabel,
  escortSopStepButtons,
  escortStepButtons,
  escortStepPrompts,
  formatCNY,
  formatDateTime,
  hasDepartmentSop,
  hospitalCoordinates,
  tencentMapLink,
  type EscortTaskDetail,
} from "@health/core"
import { useState } from "react"
import { EscortReviewSection } from "../../../components/escort-review-section"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortApp } from "../escort-app-client"
import { escortRoutes } from "../escort-app-routes"
import { chooseTaskPhotos, taskLocation, uploadTaskPhoto } from "../task-attachments"
import { useEscortLoad } from "../use-escort-load"
import { HospitalGuide } from "../hospital-guide"

const IN_SERVICE = ["accepted", "departed", "arrived", "accompanying"]
/** Once accepted the escort may talk with the family; the report is written after 服务完成. */
const CAN_MESSAGE = [...IN_SERVICE, "completed", "confirmed", "reviewed"]
const CAN_REPORT = ["completed", "confirmed", "reviewed"]

/**
 * 任务详情: where and whom, navigation, the step buttons with the SOP prompts, during 陪同就医
 * a button per SOP step (挂号, 候诊 …) for the member's timeline, 报备.
 */
export default function EscortTaskPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useEscortLoad(
    async (token) => ({ token, task: await escortApp.getEscortTask(token, id) }),
    [id]
  )
  return (
    <View className="page" data-testid="escort-task-page">
      <StateView result={result} onRetry={reload}>
        {({ token, task }) => <Task token={token} initial={task} />}
      </StateView>
    </View>
  )
}

function Task({ token, initial }: { token: string; initial: EscortTaskDetail }) {
  const [task, setTask] = useState(initial)
  const [note, setNote] = useState("")
  const [photo, setPhoto] = useState<string | null>(null)
  const [withLocation, setWithLocation] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [reportType, setReportType] = useState(0)
  const [reportText, setReportText] = useState("")
  const [reportPhotos, setReportPhotos] = useState<string[]>([])

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    setNotice(null)
    try {
      await work()
    } catch (error) {
      setProblem(
        error instanceof Error && !("status" in error) ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  const place = async (wanted: boolean) => {
    if (!wanted) return { location: null, missing: "" }
    const found = await taskLocation()
    return "location" in found
      ? { location: found.location, missing: "" }
      : { location: null, missing: `（${found.problem}，未附带位置）` }
  }

  const press = (status: "departed" | "arrived" | "accompanying" | "completed", label: string) =>
    run(async () => {
      const photoId = photo ? await uploadTaskPhoto(token, task.id, photo) : undefined
      const { location, missing } = await place(withLocation)
      const moved = await escortApp.progressEscortTask(token, task.id, {
        status,
        note: note.trim() || undefined,
        location,
        photo_upload_id: photoId,
      })
      setTask({ ...task, ...moved, hospital: task.hospital, sop: task.sop })
      setNote("")
      setPhoto(null)
      setNotice(`已更新：${label}${missing}`)
    })

  /** An SOP step done, once each, with the same optional note, photo and place as a step. */
  const recordSop = (step: string) =>
    run(async () => {
      const photoId = photo ? await uploadTaskPhoto(token, task.id, photo) : undefined
      const { location, missing } = await place(withLocation)
      const event = await escortApp.recordEscortSopStep(token, task.id, {
        step,
        note: note.trim() || undefined,
        location,
        photo_upload_ids: photoId ? [photoId] : [],
      })
      setTask({ ...task, events: [...(task.events ?? []), event] })
      setNote("")
      setPhoto(null)
      setNotice(`已记录：${step}${missing}`)
    })

  const report = () =>
    run(async () => {
      if (!reportText.trim()) throw new Error("请填写报备内容")
      const type = ESCORT_REPORT_TYPES[reportType]
      const { confirm } = await Taro.showModal({
        title: "确认报备",
        content: `向平台报备「${escortReportTypeLabel(type.code)}」，运营将立即收到提醒。`,
      })
      if (!confirm) return
      const ids: string[] = []
      for (const path of reportPhotos) ids.push(await uploadTaskPhoto(token, task.id, path))
      const { location, missing } = await place(true)
      await escortApp.reportToPlatform(token, task.id, {
        type: type.code,
        text: reportText.trim(),
        location,
        photo_upload_ids: ids,
      })
      setReportText("")
      setReportPhotos([])
      setNotice(`已报备，运营已收到提醒${missing}`)
    })

  const navigate = () => {
    const coordinates = hospitalCoordinates(task.hospital)
    if (coordinates) {
      return Taro.openLocation({
        ...coordinates,
        name: task.hospital.name,
        address: task.hospital.address ?? "",
      })
    }
    // No coordinates: the search link, to open in the browser or Tencent Maps.
    Taro.setClipboardData({ data: tencentMapLink({ ...task.hospital, city: task.city }) })
  }

  const buttons = escortStepButtons(task.status)
  const prompts = escortStepPrompts(task)
  const serving = IN_SERVICE.includes(task.status)
  return (
    <View>
      <View className="section">
        <Text className="section__title" data-testid="escort-task-status">
          {task.service.name} · {task.status_label}
        </Text>
        <Text>
          {task.date} {task.time_window.start}-{task.time_window.end}
        </Text>
        <View>
          <Text>
            {task.hospital.name} · {task.department}
          </Text>
        </View>
        {task.hospital.address ? (
          <Text className="muted">地址：{task.hospital.address}</Text>
        ) : null}
        <Button size="mini" onClick={navigate} data-testid="escort-navigate">
          {hospitalCoordinates(task.hospital) ? "导航到医院" : "复制地图搜索链接"}
        </Button>
        {task.hospital.guide ? (
          <HospitalGuide guide={task.hospital.guide} testId="escort-hospital-guide" />
        ) : null}
        <View>
          <Text data-testid="escort-task-person">
            {task.person
              ? `就诊人：${task.person.name}${task.person.id_number ? ` ${task.person.id_number}` : ""}`
              : (task.patient_details_hidden_reason ?? "就诊人信息不再显示")}
          </Text>
        </View>
        {task.meeting_point ? <Text className="muted">见面地点：{task.meeting_point}</Text> : null}
        {task.needs.length ? (
          <View>
            <Text className="muted">特殊需求：{task.needs.join("、")}</Text>
          </View>
        ) : null}
        <Text className="muted"> 订单金额 {formatCNY(task.price_fen / 100)}</Text>
      </View>
      {CAN_MESSAGE.includes(task.status) ? (
        <View className="row" data-testid="escort-task-links">
          <Button
            size="mini"
            onClick={() => Taro.navigateTo({ url: escortRoutes.messages(task.id) })}
            data-testid="escort-task-messages-link"
          >
            和家属的消息
          </Button>
          {CAN_REPORT.includes(task.status) ? (
            <Button
              size="mini"
              className="btn-primary"
              onClick={() => Taro.navigateTo({ url: escortRoutes.report(task.id) })}
              data-testid="escort-task-report-link"
            >
              服务报告
            </Button>
          ) : null}
        </View>
      ) : null}
      {serving ? (
        <View className="section" data-testid="escort-step-panel">
          <Text className="section__title">服务进度</Text>
          {buttons.map((button) => (
            <Button
              key={button.status}
              className={button.state === "next" ? "btn-primary" : ""}
              disabled={busy || button.state !== "next"}
              onClick={() => press(button.status, button.label)}
              data-testid={`escort-step-${button.status}`}
            >
              {button.state === "done" ? `✓ ${button.label}` : button.label}
            </Button>
          ))}
          {task.status === "accompanying" ? (
            <View data-testid="escort-sop-step-panel">
              <Text className="section__title">就医步骤（每完成一步点一下）</Text>
              {escortSopStepButtons(task).map((step) => (
                <View key={step.name}>
                  <Button
                    size="mini"
                    className={step.pressable ? "btn-primary" : ""}
                    disabled={busy || !step.pressable}
                    onClick={() => recordSop(step.name)}
                    data-testid="escort-sop-step"
                    data-step={step.name}
                  >
                    {step.done_at ? `✓ ${step.name}` : step.name}
                  </Button>
                  {step.done_at ? (
                    <Text className="muted"> {formatDateTime(step.done_at)}</Text>
                  ) : null}
                </View>
              ))}
            </View>
          ) : null}
          {prompts.length ? (
            <View data-testid="escort-prompts">
              <Text className="section__title">
                {task.status === "arrived" || task.status === "accompanying"
                  ? hasDepartmentSop(task)
                    ? `${task.department} 陪诊流程`
                    : "陪诊通用流程"
                  : "本步提示"}
              </Text>
              {prompts.map((prompt) => (
                <View key={prompt.title}>
                  <Text>{prompt.title}</Text>
                  {prompt.tips && !prompt.tips.includes("\n") ? (
                    <Text className="muted">：{prompt.tips}</Text>
                  ) : null}
                  {/* The hospital's guide is Markdown from the CMS, over several lines. */}
                  {prompt.tips?.includes("\n") ? <HospitalGuide guide={prompt.tips} /> : null}
                </View>
              ))}
            </View>
          ) : null}
          <Input
            placeholder="备注（可选）"
            value={note}
            onInput={(e) => setNote(e.detail.value)}
            data-testid="escort-step-note"
          />
          <View className="row">
            <Button
              size="mini"
              onClick={async () => setPhoto((await chooseTaskPhotos(1))[0] ?? null)}
              data-testid="escort-step-photo"
            >
              {photo ? "已选照片" : "拍照（可选）"}
            </Button>
            <Text>附带当前位置</Text>
            <Switch
              checked={withLocation}
              onChange={(e) => setWithLocation(e.detail.value)}
              data-testid="escort-step-location"
            />
          </View>
        </View>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="escort-task-error">
          {problem}
        </Text>
      ) : null}
      {notice ? (
        <Text className="muted" data-testid="escort-task-notice">
          {notice}
        </Text>
      ) : null}
      {serving ? (
        <View className="section" data-testid="escort-report">
          <Text className="section__title">一键报备</Text>
          <Picker
            mode="selector"
            range={ESCORT_REPORT_TYPES.map((type) => type.label)}
            value={reportType}
            onChange={(e) => setReportType(Number(e.detail.value))}
            data-testid="escort-report-type"
          >
            <Text>报备类型：{ESCORT_REPORT_TYPES[reportType].label}</Text>
          </Picker>
          <Input
            placeholder="情况说明"
            value={reportText}
            onInput={(e) => setReportText(e.detail.value)}
            data-testid="escort-report-text"
          />
          <Button
            size="mini"
            onClick={async () => setReportPhotos(await chooseTaskPhotos(3))}
            data-testid="escort-report-photo"
          >
            {reportPhotos.length ? `已选 ${reportPhotos.length} 张照片` : "添加照片（可选）"}
          </Button>
          <Button disabled={busy} onClick={report} data-testid="escort-report-send">
            报备给平台
          </Button>
        </View>
      ) : null}
      <EscortReviewSection token={token} bookingId={task.id} status={task.status} side="escort" />
    </View>
  )
}
