import { Badge, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { AdminPagination } from "../shared/admin-pagination"
import { RecordTable } from "../shared/record-table"
import {
  EARNING_STATUS_TEXT,
  ESCORT_INCOME_MESSAGES as M,
  LEVEL_TEXT,
} from "./escort-income-messages"

type Earning = {
  id: string
  booking_id: string
  escort_name: string | null
  service_name: string
  service_date: string
  price_fen: number
  level: string
  share_percent: number
  amount_fen: number
  reversed_fen: number
  status: string
  release_at: string | null
  available_at: string | null
}

const PAGE_SIZE = 20

/** Every escort earning, filtered by status. */
export function EscortEarningsPanel() {
  const [status, setStatus] = useState("all")
  const [page, setPage] = useState(0)
  const [data, setData] = useState<{ earnings: Earning[]; count: number }>()
  const [error, setError] = useState<string>()

  useEffect(() => setPage(0), [status])
  useEffect(() => {
    let current = true
    const query = new URLSearchParams({
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    if (status !== "all") query.set("status", status)
    adminRequest<{ earnings: Earning[]; count: number }>(`/admin/escort-income/earnings?${query}`)
      .then((answer) => current && setData(answer))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [status, page])

  return (
    <div className="flex flex-col gap-3">
      <div className="w-48">
        <Select value={status} onValueChange={setStatus} size="small">
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{M.allStatuses}</Select.Item>
            {Object.entries(EARNING_STATUS_TEXT).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={data?.earnings ?? []}
        rowKey={(row) => row.id}
        empty={data ? M.noEarnings : undefined}
        columns={[
          { header: "陪诊员", cell: (row) => row.escort_name ?? "—" },
          { header: "服务", cell: (row) => `${row.service_name} · ${row.service_date}` },
          {
            header: "订单金额",
            cell: (row) => formatFen(row.price_fen),
            className: "tabular-nums",
          },
          {
            header: "等级分成",
            cell: (row) => `${LEVEL_TEXT[row.level] ?? row.level} ${row.share_percent}%`,
          },
          {
            header: "收入",
            className: "tabular-nums",
            cell: (row) =>
              row.reversed_fen > 0
                ? `${formatFen(row.amount_fen - row.reversed_fen)}（已退回 ${formatFen(row.reversed_fen)}）`
                : formatFen(row.amount_fen),
          },
          {
            header: "状态",
            cell: (row) => (
              <Badge
                size="2xsmall"
                color={
                  row.status === "frozen" ? "red" : row.status === "available" ? "green" : "grey"
                }
              >
                {EARNING_STATUS_TEXT[row.status] ?? row.status}
              </Badge>
            ),
          },
          {
            header: "结算时间",
            cell: (row) => {
              const at = row.available_at ?? (row.status === "pending" ? row.release_at : null)
              return at ? `${formatBeijingTime(at)}${row.status === "pending" ? " 前" : ""}` : "—"
            },
          },
        ]}
      />
      {data && data.count > PAGE_SIZE && (
        <AdminPagination
          count={data.count}
          pageSize={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
        />
      )}
    </div>
  )
}
