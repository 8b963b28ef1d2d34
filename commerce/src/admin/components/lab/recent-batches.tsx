import { Button, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatShanghaiTime } from "./format-shanghai-time"
import { AdminPagination } from "../shared/admin-pagination"
import type { ReportBatch } from "./lab-types"

const PAGE_SIZE = 10

/** Earlier uploads, newest first, to reopen one and see (or retry) its files. */
export const RecentBatches = ({
  openId,
  reloadSignal,
  onOpen,
}: {
  openId?: string
  reloadSignal: number
  onOpen: (id: string) => void
}) => {
  const [page, setPage] = useState(0)
  const [data, setData] = useState<{ batches: ReportBatch[]; count: number }>()
  const [error, setError] = useState<string>()

  const load = useCallback(async () => {
    try {
      setData(
        await adminRequest<{ batches: ReportBatch[]; count: number }>(
          `/admin/health-archive/report-batches?limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`
        )
      )
      setError(undefined)
    } catch (failure) {
      setError(errorText(failure))
    }
  }, [page])
  useEffect(() => void load(), [load, reloadSignal])

  const pageCount = Math.ceil((data?.count ?? 0) / PAGE_SIZE)
  return (
    <div className="flex flex-col gap-y-2">
      <Heading level="h3">最近的上传</Heading>
      {error ? (
        <div className="flex items-center gap-x-3">
          <Text size="small" className="text-ui-fg-error" role="alert">
            {error}
          </Text>
          <Button size="small" variant="secondary" onClick={() => void load()}>
            重新加载
          </Button>
        </div>
      ) : !data ? (
        <Text size="small" className="text-ui-fg-subtle">
          正在加载…
        </Text>
      ) : data.batches.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          还没有上传过报告。
        </Text>
      ) : (
        <div className="border-ui-border-base overflow-hidden rounded-lg border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>上传时间</Table.HeaderCell>
                <Table.HeaderCell>文件</Table.HeaderCell>
                <Table.HeaderCell>已入档</Table.HeaderCell>
                <Table.HeaderCell>失败</Table.HeaderCell>
                <Table.HeaderCell>状态</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.batches.map((batch) => (
                <Table.Row key={batch.id}>
                  <Table.Cell className="whitespace-nowrap">
                    {formatShanghaiTime(batch.created_at)}
                  </Table.Cell>
                  <Table.Cell>{batch.counts.total}</Table.Cell>
                  <Table.Cell>{batch.counts.done}</Table.Cell>
                  <Table.Cell className={batch.counts.failed ? "text-ui-fg-error" : undefined}>
                    {batch.counts.failed}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={batch.status === "processing" ? "blue" : "green"}>
                      {batch.status === "processing" ? "处理中" : "已完成"}
                    </StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Button
                      size="small"
                      variant="transparent"
                      disabled={batch.id === openId}
                      onClick={() => onOpen(batch.id)}
                    >
                      {batch.id === openId ? "正在查看" : "查看"}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {pageCount > 1 && (
            <AdminPagination
              count={data.count}
              pageSize={PAGE_SIZE}
              page={page}
              onPageChange={setPage}
            />
          )}
        </div>
      )}
    </div>
  )
}
