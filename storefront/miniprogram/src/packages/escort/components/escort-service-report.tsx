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

const AFTER_SERVICE = ["completed", "confirmed"]

/**
 * The escort's service report once the service is done: steps, the doctor's advice as told,
 * documents each saved into the health archive with one tap (again: the same item).
 */
export function EscortServiceReportView(props: {
  token: string
  bookingId: string
  status: string
}) {
  const [report, setReport] = useState<EscortServiceReport | null | undefined>(undefined)
  const [saving, setSaving] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const due = AFTER_SERVICE.includes(props.status)

  useEffect(() => {
    if (!due) return undefined
    let live = true
    getEscortServiceReport(escortCommerce(), props.token, "member", props.bookingId)
      .then((read) => live && setReport(read))
      .catch((error) => live && setProblem(explainError(error)))
    return () => {
      live = false
    }
  }, [props.token, props.bookingId, due])

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
