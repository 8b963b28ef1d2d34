import { Image, Text } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { useEffect, useState } from "react"
import { explainError } from "../../../lib/explain-error"
import { downloadConsultationFile } from "./consultation-files"

type Attachment = { id: string; mime_type: string; url: string }

/** A message's picture (loaded with the member's token, tap to enlarge) or PDF (tap to open). */
export function ConsultationAttachment(props: { token: string; attachment: Attachment }) {
  if (props.attachment.mime_type === "application/pdf") return <PdfLink {...props} />
  return <Picture {...props} />
}

function Picture(props: { token: string; attachment: Attachment }) {
  const [path, setPath] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    downloadConsultationFile(props.token, props.attachment.url)
      .then((file) => live && setPath(file))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [props.token, props.attachment.url])
  if (failed) return <Text className="muted">图片加载失败</Text>
  if (!path) return <Text className="muted">图片加载中…</Text>
  return (
    <Image
      src={path}
      mode="widthFix"
      style={{ width: "200px" }}
      data-testid="consultation-picture"
      onClick={() => Taro.previewImage({ urls: [path], current: path })}
    />
  )
}

function PdfLink(props: { token: string; attachment: Attachment }) {
  const [problem, setProblem] = useState<string | null>(null)
  const open = async () => {
    try {
      const filePath = await downloadConsultationFile(props.token, props.attachment.url)
      await Taro.openDocument({ filePath, fileType: "pdf" })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : explainError(error))
    }
  }
  return (
    <Text className="muted" data-testid="consultation-pdf" onClick={open}>
      {problem ?? "查看 PDF"}
    </Text>
  )
}
