import { XMark } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { adminRequest, errorText, isForbidden } from "../../lib/admin-request"
import { uploadWithProgress } from "../../lib/upload-with-progress"
import { BatchProgress } from "./batch-progress"
import { FileDropZone } from "./file-drop-zone"
import { formatFileSize } from "./format-file-size"
import type { ReportBatch } from "./lab-types"
import { ProgressBar } from "./progress-bar"
import { RecentBatches } from "./recent-batches"
import { useBatchPolling } from "./use-batch-polling"

type Upload = { loaded: number; total: number; abort: () => void }

/**
 * 批量上传报告: pick PDFs and zips, send them with a progress bar, then follow the
 * batch as workers file each report under its kit.
 */
export const ReportUploadPanel = ({
  onForbidden,
  onReportsFiled,
}: {
  onForbidden: (message: string) => void
  /** A batch finished: kits have moved to 报告已出. */
  onReportsFiled: () => void
}) => {
  const [selected, setSelected] = useState<File[]>([])
  const [ignored, setIgnored] = useState(0)
  const [upload, setUpload] = useState<Upload>()
  const [error, setError] = useState<string>()
  const [retrying, setRetrying] = useState(false)
  const [batchesVersion, setBatchesVersion] = useState(0)
  const panel = useRef<HTMLDivElement>(null)
  const polling = useBatchPolling(() => {
    setBatchesVersion((v) => v + 1)
    onReportsFiled()
  })

  const add = (files: File[], skipped: number) => {
    setError(undefined)
    setIgnored(skipped)
    setSelected((current) => {
      const known = new Set(current.map((f) => `${f.name}:${f.size}:${f.lastModified}`))
      return [
        ...current,
        ...files.filter((f) => !known.has(`${f.name}:${f.size}:${f.lastModified}`)),
      ]
    })
  }

  const start = async () => {
    setError(undefined)
    const sending = uploadWithProgress<{ batch: ReportBatch }>(
      "/admin/health-archive/report-batches",
      selected,
      (loaded, total) => setUpload((current) => current && { ...current, loaded, total })
    )
    const total = selected.reduce((sum, file) => sum + file.size, 0)
    setUpload({ loaded: 0, total, abort: sending.abort })
    try {
      const { batch } = await sending.done
      setSelected([])
      setIgnored(0)
      polling.show(batch)
      setBatchesVersion((v) => v + 1)
    } catch (failure) {
      if (isForbidden(failure)) onForbidden(errorText(failure))
      setError(errorText(failure))
    } finally {
      setUpload(undefined)
    }
  }

  const retry = async () => {
    if (!polling.batch) return
    setRetrying(true)
    setError(undefined)
    try {
      const { batch } = await adminRequest<{ batch: ReportBatch }>(
        `/admin/health-archive/report-batches/${encodeURIComponent(polling.batch.id)}/retry`,
        { method: "POST" }
      )
      polling.show(batch)
      setBatchesVersion((v) => v + 1)
    } catch (failure) {
      if (isForbidden(failure)) onForbidden(errorText(failure))
      setError(errorText(failure))
    } finally {
      setRetrying(false)
    }
  }

  const selectedBytes = selected.reduce((sum, file) => sum + file.size, 0)
  const sent = upload && upload.total ? upload.loaded / upload.total : 0

  return (
    <Container className="flex flex-col gap-y-4" ref={panel}>
      <div>
        <Heading level="h2">批量上传报告</Heading>
        <Text className="text-ui-fg-subtle">
          上传后逐个识别条码并加密归档，检测盒变为“报告已出”，会员会收到通知。样本须先接收，否则该文件会失败，接收后可重试。
        </Text>
      </div>

      <FileDropZone disabled={Boolean(upload)} onFiles={add} />

      {ignored > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          已忽略 {ignored} 个不是 PDF 或 ZIP 的文件。
        </Text>
      )}

      {selected.length > 0 && (
        <div className="flex flex-col gap-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Text size="small" weight="plus">
              已选 {selected.length} 个文件，共 {formatFileSize(selectedBytes)}
            </Text>
            <div className="flex gap-x-2">
              <Button
                size="small"
                variant="secondary"
                disabled={Boolean(upload)}
                onClick={() => {
                  setSelected([])
                  setIgnored(0)
                }}
              >
                清空
              </Button>
              <Button size="small" isLoading={Boolean(upload)} onClick={() => void start()}>
                开始上传
              </Button>
            </div>
          </div>
          {!upload && (
            <ul className="border-ui-border-base max-h-40 overflow-auto rounded-lg border">
              {selected.map((file, index) => (
                <li
                  key={`${file.name}-${index}`}
                  className="border-ui-border-base flex items-center justify-between gap-x-2 border-b px-3 py-1 last:border-b-0"
                >
                  <Text size="small" className="truncate" title={file.name}>
                    {file.name}
                  </Text>
                  <div className="flex shrink-0 items-center gap-x-2">
                    <Text size="small" className="text-ui-fg-subtle">
                      {formatFileSize(file.size)}
                    </Text>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`移除 ${file.name}`}
                      onClick={() => setSelected((current) => current.filter((f) => f !== file))}
                    >
                      <XMark />
                    </IconButton>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {upload && (
        <div className="flex flex-col gap-y-2">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small">
              {sent < 1
                ? `正在上传 ${formatFileSize(upload.loaded)} / ${formatFileSize(upload.total)}（${Math.round(sent * 100)}%）`
                : "已上传，服务器正在加密保存报告，随后逐份读取…"}
            </Text>
            {sent < 1 && (
              <Button size="small" variant="transparent" onClick={upload.abort}>
                取消上传
              </Button>
            )}
          </div>
          <ProgressBar label="上传进度" value={sent} />
        </div>
      )}

      {error && (
        <Text className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}

      {polling.batch ? (
        <BatchProgress
          batch={polling.batch}
          pollError={polling.error}
          retrying={retrying}
          onRetry={() => void retry()}
        />
      ) : (
        polling.error && (
          <Text className="text-ui-fg-error" role="alert">
            {polling.error}
          </Text>
        )
      )}

      <RecentBatches
        openId={polling.batch?.id}
        reloadSignal={batchesVersion}
        onOpen={(id) => {
          polling.open(id)
          panel.current?.scrollIntoView({ behavior: "smooth", block: "start" })
        }}
      />
    </Container>
  )
}
