import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { ARCHIVE_DELETE_WORD } from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { downloadArchiveFile } from "../../../lib/archive-files"
import { healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { saveArchiveExport } from "../../../lib/save-archive-export"
import { session } from "../../../lib/session"

type Outcome = { notice?: string; problem?: string }

/** 数据导出与删除: a zip of everything, and deleting it all once the member types 删除. */
export default function ArchiveData() {
  const token = session.token()
  const [typed, setTyped] = useState("")
  const [busy, setBusy] = useState<"export" | "delete" | null>(null)
  const [outcome, setOutcome] = useState<Outcome>({})

  if (!token) {
    return (
      <View className="page" data-testid="archive-data">
        <Text className="muted">请先登录</Text>
        <Button onClick={() => go(routes.login(routes.archiveData))}>登录</Button>
      </View>
    )
  }

  async function exportArchive() {
    setBusy("export")
    setOutcome({})
    try {
      await saveArchiveExport(await downloadArchiveFile(token!, "/export"))
      setOutcome({ notice: "导出文件已生成，请妥善保管" })
    } catch (error) {
      setOutcome({ problem: explainError(error) })
    } finally {
      setBusy(null)
    }
  }

  async function deleteArchive() {
    const { confirm } = await Taro.showModal({
      title: "永久删除健康档案",
      content: "删除后无法恢复，确定继续吗？",
      confirmText: "删除",
      confirmColor: "#dc2626",
    })
    if (!confirm) return
    setBusy("delete")
    setOutcome({})
    try {
      await healthArchive.deleteArchive(token!, typed.trim())
      setTyped("")
      setOutcome({ notice: "健康档案已删除，全部知情同意已撤回" })
    } catch (error) {
      setOutcome({ problem: explainError(error) })
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="page" data-testid="archive-data">
      <View className="section">
        <Text className="section__title">导出健康档案</Text>
        <Text className="muted">
          生成一个 ZIP
          压缩包，包含全部检测报告、上传的资料，以及检测记录、知情同意和体质辨识结果（JSON）。
          在微信中可发送到“文件传输助手”保存。
        </Text>
        <Button
          className="btn-primary"
          data-testid="archive-export"
          disabled={busy !== null}
          onClick={exportArchive}
        >
          {busy === "export" ? "正在导出…" : "导出全部数据"}
        </Button>
      </View>
      <View className="section">
        <Text className="section__title">删除健康档案</Text>
        <Text className="muted">
          将永久删除您的检测报告、上传的资料、体质辨识结果和受检者信息，并撤回全部知情同意。订单记录不受影响。此操作无法撤销，建议先导出备份。
        </Text>
        <Field label={`请输入“${ARCHIVE_DELETE_WORD}”以确认`}>
          <Input
            className="field__input"
            data-testid="archive-delete-word"
            value={typed}
            onInput={(event) => setTyped(event.detail.value)}
          />
        </Field>
        <Button
          data-testid="archive-delete"
          disabled={busy !== null || typed.trim() !== ARCHIVE_DELETE_WORD}
          onClick={deleteArchive}
        >
          {busy === "delete" ? "删除中…" : "永久删除健康档案"}
        </Button>
      </View>
      {outcome.notice ? (
        <Text className="notice-text" data-testid="archive-notice">
          {outcome.notice}
        </Text>
      ) : null}
      {outcome.problem ? (
        <Text className="error-text" data-testid="archive-problem">
          {outcome.problem}
        </Text>
      ) : null}
    </View>
  )
}
