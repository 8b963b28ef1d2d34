import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatDateTime, type ArchiveUpload } from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import {
  chooseRecordPhotos,
  downloadArchiveFile,
  uploadRecordPhoto,
} from "../../../lib/archive-files"
import { healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"

/** What one pick may add; commerce keeps at most 10 files per upload, one file per request here. */
const PHOTOS_PER_PICK = 9

/** 我的资料: photos of hospital records taken or picked here, kept in the health archive. */
export default function Uploads() {
  const { result, reload } = useMemberLoad((token) => healthArchive.uploads(token))
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function addPhotos() {
    const token = session.token()
    if (!token) return
    const paths = await chooseRecordPhotos(PHOTOS_PER_PICK)
    if (paths.length === 0) return
    setBusy(true)
    setProblem(null)
    let saved = 0
    try {
      for (const path of paths) {
        await uploadRecordPhoto(token, path, note.trim())
        saved += 1
      }
      setNote("")
      Taro.showToast({ title: `已上传 ${saved} 张`, icon: "none" })
    } catch (error) {
      setProblem(saved ? `已上传 ${saved} 张；${explainError(error)}` : explainError(error))
    } finally {
      setBusy(false)
      if (saved) reload()
    }
  }

  return (
    <View className="page" data-testid="uploads">
      <View className="section">
        <Text className="section__title">上传病历、化验单等资料</Text>
        <Text className="muted">支持拍照或从相册选择，每张不超过 10 MB，仅您本人可见。</Text>
        <Field label="备注（可选）">
          <Input
            className="field__input"
            data-testid="upload-note"
            value={note}
            maxlength={500}
            placeholder="例如：2026 年体检报告"
            onInput={(event) => setNote(event.detail.value)}
          />
        </Field>
        <Button
          className="btn-primary"
          data-testid="upload-photos"
          disabled={busy}
          onClick={addPhotos}
        >
          {busy ? "上传中…" : "拍照或从相册选择"}
        </Button>
        {problem ? (
          <Text className="error-text" data-testid="upload-problem">
            {problem}
          </Text>
        ) : null}
      </View>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(uploads) => uploads.length === 0}
        empty={<Text>还没有上传资料</Text>}
      >
        {(uploads) =>
          uploads.map((upload) => (
            <UploadRow key={upload.id} upload={upload} onRemoved={reload} onProblem={setProblem} />
          ))
        }
      </StateView>
    </View>
  )
}

function UploadRow({
  upload,
  onRemoved,
  onProblem,
}: {
  upload: ArchiveUpload
  onRemoved: () => void
  onProblem: (problem: string) => void
}) {
  const token = session.token()

  async function open() {
    if (!token) return
    try {
      const path = await downloadArchiveFile(
        token,
        `/uploads/${encodeURIComponent(upload.id)}/file`
      )
      if (upload.kind === "pdf") await Taro.openDocument({ filePath: path, fileType: "pdf" })
      else await Taro.previewImage({ urls: [path], current: path })
    } catch (error) {
      onProblem(explainError(error))
    }
  }

  async function remove() {
    if (!token) return
    const { confirm } = await Taro.showModal({
      title: "删除资料",
      content: `确定删除“${upload.filename}”吗？删除后无法恢复。`,
    })
    if (!confirm) return
    try {
      await healthArchive.deleteUpload(token, upload.id)
      Taro.showToast({ title: "已删除", icon: "none" })
      onRemoved()
    } catch (error) {
      onProblem(explainError(error))
    }
  }

  return (
    <View className="section" data-testid="upload">
      <Text className="section__title">{upload.filename}</Text>
      <Text className="muted">
        {upload.kind === "pdf" ? "PDF" : "照片"} · {formatDateTime(upload.created_at)}
        {upload.note ? ` · ${upload.note}` : ""}
      </Text>
      <View className="row">
        <Button size="mini" onClick={open}>
          查看
        </Button>
        <Button size="mini" data-testid="upload-delete" onClick={remove}>
          删除
        </Button>
      </View>
    </View>
  )
}
