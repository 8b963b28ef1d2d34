import { Button, Heading, StatusBadge, Switch, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatFileSize } from "./format-file-size"
import { formatShanghaiTime } from "./format-shanghai-time"
import { BATCH_FILE_STATUS } from "./lab-messages"
import type { ReportBatch } from "./lab-types"
import { ProgressBar } from "./progress-bar"

const SUMMARY = [
  { key: "total", label: "文件" },
  { key: "queued", label: "排队中" },
  { key: "processing", label: "处理中" },
  { key: "done", label: "已入档" },
  { key: "failed", label: "失败" },
] as const

/** One upload batch: counts, overall progress, each file's outcome, and retry of failures. */
export const BatchProgress = ({
  batch,
  pollError,
  retrying,
  onRetry,
}: {
  batch: ReportBatch
  pollError?: string
  retrying: boolean
  onRetry: () => void
}) => {
  const [failedOnly, setFailedOnly] = useState(false)
  const { counts } = batch
  const files = (batch.files ?? []).filter((file) => !failedOnly || file.status === "failed")

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Heading level="h3">
            {batch.status === "processing" ? "正在处理" : "处理完成"}
            <span className="text-ui-fg-subtle txt-compact-small ml-2 font-normal">
              上传于 {formatShanghaiTime(batch.created_at)}
            </span>
          </Heading>
        </div>
        {counts.failed > 0 && (
          <Button
            size="small"
            variant="secondary"
            isLoading={retrying}
            disabled={batch.status === "processing"}
            onClick={onRetry}
          >
            重试失败文件（{counts.failed}）
          </Button>
        )}
      </div>
      <ProgressBar
        label="报告处理进度"
        segments={[
          { value: counts.total ? counts.done / counts.total : 0, tone: "success" },
          { value: counts.total ? counts.failed / counts.total : 0, tone: "error" },
        ]}
      />
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        {SUMMARY.map(({ key, label }) => (
          <div key={key} className="flex items-baseline gap-x-1">
            <dt className="text-ui-fg-subtle txt-compact-small">{label}</dt>
            <dd
              className={
                key === "failed" && counts.failed
                  ? "text-ui-fg-error txt-compact-small-plus"
                  : "txt-compact-small-plus"
              }
            >
              {counts[key]}
            </dd>
          </div>
        ))}
      </dl>
      {batch.status === "done" && counts.failed > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          处理完失败原因（如先在检测盒列表中接收样本）后，点击“重试失败文件”即可，已入档的文件不会重复处理。
        </Text>
      )}
      {pollError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {pollError}（稍后自动重试）
        </Text>
      )}
      {counts.failed > 0 && (
        <label className="flex items-center gap-x-2 self-start">
          <Switch checked={failedOnly} onCheckedChange={setFailedOnly} />
          <Text size="small">只看失败文件</Text>
        </label>
      )}
      <div className="border-ui-border-base max-h-[28rem] overflow-auto rounded-lg border">
        <Table>
          <Table.Header className="sticky top-0 z-[1]">
            <Table.Row>
              <Table.HeaderCell>文件名</Table.HeaderCell>
              <Table.HeaderCell>大小</Table.HeaderCell>
              <Table.HeaderCell>状态</Table.HeaderCell>
              <Table.HeaderCell>条码</Table.HeaderCell>
              <Table.HeaderCell>说明</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {files.map((file) => {
              const status = BATCH_FILE_STATUS[file.status]
              return (
                <Table.Row key={file.id}>
                  <Table.Cell className="max-w-[18rem] truncate" title={file.filename}>
                    {file.filename}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatFileSize(file.size)}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={status.color} className="whitespace-nowrap">
                      {status.label}
                    </StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="font-mono">{file.barcode ?? "—"}</Table.Cell>
                  <Table.Cell className="py-2">
                    {file.status === "failed" ? (
                      <span className="text-ui-fg-error">{file.error_message ?? "处理失败"}</span>
                    ) : file.status === "done" ? (
                      "已归档到检测盒，会员将收到通知"
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
        {files.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            这批上传没有文件。
          </Text>
        )}
      </div>
    </div>
  )
}
