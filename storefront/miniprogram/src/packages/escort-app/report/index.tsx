import { Button, Input, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import {
  formatDateTime,
  getEscortServiceReport,
  writeEscortServiceReport,
  type EscortServiceReport,
  type EscortTaskDetail,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortApp, escortAppOptions } from "../escort-app-client"
import { chooseTaskPhotos, uploadTaskPhoto } from "../task-attachments"
import { TaskPicture } from "../task-picture"
import { useEscortLoad } from "../use-escort-load"

const REPORTABLE = ["completed", "confirmed", "reviewed"]
const MAX_DOCUMENTS = 9

/** The steps to write a note for: the department's SOP, or one 陪诊经过 without one. */
const stepNames = (task: EscortTaskDetail) => {
  const names = (task.sop ?? []).map((s) => (s.title ? `${s.step}：${s.title}` : s.step))
  return names.length > 0 ? [...new Set(names)] : ["陪诊经过"]
}

/** 服务报告: written once after 服务完成 (notes per SOP step, 医生嘱咐, documents), then read-only. */
export default function EscortServiceReportPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useEscortLoad(
    async (token) => ({
      token,
      task: await escortApp.getEscortTask(token, id),
      report: await getEscortServiceReport(escortAppOptions, token, "escort", id),
    }),
    [id]
  )
  return (
    <View className="page" data-testid="escort-service-report-page">
      <StateView result={result} onRetry={reload}>
        {({ token, task, report }) => <Report token={token} task={task} initial={report} />}
      </StateView>
    </View>
  )
}

function Report(props: {
  token: string
  task: EscortTaskDetail
  initial: EscortServiceReport | null
}) {
  const { token, task } = props
  const [report, setReport] = useState(props.initial)
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [advice, setAdvice] = useState("")
  const [documents, setDocuments] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (report) return <ReportView token={token} report={report} />
  if (!REPORTABLE.includes(task.status)) {
    return (
      <View className="section">
        <Text className="muted" data-testid="escort-service-report-not-yet">
          服务完成后才能填写服务报告（当前状态：{task.status_label}）。
        </Text>
      </View>
    )
  }

  const addDocuments = async () => {
    const room = MAX_DOCUMENTS - documents.length
    if (room <= 0) return setProblem(`最多上传 ${MAX_DOCUMENTS} 张单据照片`)
    setDocuments([...documents, ...(await chooseTaskPhotos(room))])
  }

  const submit = async () => {
    const steps = stepNames(task)
      .map((step) => ({ step, note: (notes[step] ?? "").trim() }))
      .filter((s) => s.note)
    if (steps.length === 0) return setProblem("请至少填写一个已完成步骤的记录")
    if (!advice.trim()) return setProblem("请填写医生的嘱咐")
    setBusy(true)
    setProblem(null)
    try {
      const document_upload_ids: string[] = []
      for (const path of documents) {
        document_upload_ids.push(await uploadTaskPhoto(token, task.id, path))
      }
      setReport(
        await writeEscortServiceReport(escortAppOptions, token, task.id, {
          steps,
          doctor_advice: advice.trim(),
          document_upload_ids,
        })
      )
    } catch (error) {
      setProblem(
        error instanceof Error && !("status" in error) ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="escort-service-report-form">
      <Text className="muted">
        报告提交后家属即可查看，提交后不能修改。已完成的步骤请记录要点，未做的留空。
      </Text>
      {stepNames(task).map((step) => (
        <Field key={step} label={step}>
          <Input
            value={notes[step] ?? ""}
            maxlength={500}
            onInput={(e) => setNotes({ ...notes, [step]: e.detail.value })}
            data-testid="escort-service-report-step"
          />
        </Field>
      ))}
      <Field label="医生嘱咐">
        <Input
          value={advice}
          maxlength={2000}
          placeholder="按医生原话记录"
          onInput={(e) => setAdvice(e.detail.value)}
          data-testid="escort-service-report-advice"
        />
      </Field>
      <Button
        size="mini"
        disabled={busy}
        onClick={addDocuments}
        data-testid="escort-service-report-documents"
      >
        拍照上传单据（{documents.length}/{MAX_DOCUMENTS}）
      </Button>
      {problem ? (
        <Text className="error-text" data-testid="escort-service-report-problem">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        disabled={busy}
        onClick={submit}
        data-testid="escort-service-report-submit"
      >
        {busy ? "正在提交…" : "提交服务报告"}
      </Button>
    </View>
  )
}

function ReportView({ token, report }: { token: string; report: EscortServiceReport }) {
  return (
    <View className="section" data-testid="escort-service-report-view">
      <Text className="muted">提交于 {formatDateTime(report.created_at)}</Text>
      {report.steps.map((s) => (
        <View key={s.step}>
          <Text className="section__title">{s.step}</Text>
          <Text>{s.note}</Text>
        </View>
      ))}
      <Text className="section__title">医生嘱咐</Text>
      <Text data-testid="escort-service-report-advice-shown">{report.doctor_advice}</Text>
      {report.documents.map((d) => (
        <TaskPicture
          key={d.id}
          token={token}
          imageUrl={d.image_url}
          testId="escort-service-report-document"
        />
      ))}
    </View>
  )
}
