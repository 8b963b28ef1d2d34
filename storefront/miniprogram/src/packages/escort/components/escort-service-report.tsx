import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  archiveEscortReportDocument,
  getEscortServiceReport,
  type EscortServiceReport,
} from "@health/core"
import { useEffect, useState } from "react"
import { explainError } from "../../../lib/explain-error"
import { EscortPicture } from "./escort-picture"
import { escortCommerce } from "./escort-pictures"

const AFTER_SERVICE = ["completed", "confirmed", "reviewed"]

/** How often a finished service's report is looked for until the escort has written it. */
export const SERVICE_REPORT_POLL_MS = 5000

/**
 * The escort's service report once the service is done: steps, the doctor's advice as told,
 * documents each saved into the health archive with one tap (again: the same item). Until
 * the escort has written it, it is read again every few seconds: writing it adds nothing to
 * the timeline the page follows.
 */
export function EscortServiceReportView(props: {
  token: string
  bookingId: string
  status: string
  pollMs?: number
}) {
  const [report, setReport] = useState<EscortServiceReport | null | undefined>(undefined)
  const [saving, setSaving] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const due = AFTER_SERVICE.includes(props.status)
  const pollMs = props.pollMs ?? SERVICE_REPORT_POLL_MS

  useEffect(() => {
    if (!due) return undefined
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () =>
      getEscortServiceReport(escortCommerce(), props.token, "member", props.bookingId)
        .then((found) => {
          if (!live) return
          setReport(found)
          setProblem(null)
          if (!found) timer = setTimeout(read, pollMs)
        })
        .catch((error) => live && setProblem(explainError(error)))
    void read()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [props.token, props.bookingId, due, pollMs])

  if (!due) return null

  const archive = async (documentId: string) => {
    setSaving(documentId)
    setProblem(null)
    try {
      const { upload_id } = await archiveEscortReportDocument(
        escortCommerce(),
        props.token,
        props.bookingId,
        documentId
      )
      setReport((current) =>
        current
          ? {
              ...current,
              documents: current.documents.map((d) =>
                d.id === documentId ? { ...d, archived_upload_id: upload_id } : d
              ),
            }
          : current
      )
      Taro.showToast({ title: "已保存到健康档案", icon: "success" })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setSaving(null)
    }
  }

  return (
    <View className="section" data-testid="escort-service-report">
      <Text className="section__title">服务报告</Text>
      {report === undefined && !problem ? <Text className="muted">正在读取服务报告…</Text> : null}
      {report === null ? (
        <Text className="muted" data-testid="escort-report-pending">
          陪诊员完成服务后会在这里填写服务报告，请稍后查看。
        </Text>
      ) : null}
      {report ? (
        <View>
          {report.steps.map((step, index) => (
            <View key={index}>
              <Text>{step.step}</Text>
              {step.note ? <Text className="muted"> {step.note}</Text> : null}
            </View>
          ))}
          <Text>医生嘱咐（陪诊员转述）：</Text>
          <Text data-testid="escort-doctor-advice">{report.doctor_advice}</Text>
          {report.documents.map((document) => (
            <View key={document.id}>
              <EscortPicture token={props.token} imageUrl={document.image_url} />
              {document.archived_upload_id ? (
                <Text className="muted" data-testid={`escort-archived-${document.id}`}>
                  已保存到健康档案
                </Text>
              ) : (
                <Button
                  data-testid={`escort-archive-${document.id}`}
                  disabled={saving !== null}
                  onClick={() => void archive(document.id)}
                >
                  {saving === document.id ? "正在保存…" : "保存到健康档案"}
                </Button>
              )}
            </View>
          ))}
        </View>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="escort-report-error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
