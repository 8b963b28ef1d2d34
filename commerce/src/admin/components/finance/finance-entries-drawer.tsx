import { Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { AdminPagination } from "../shared/admin-pagination"
import { RecordTable } from "../shared/record-table"
import { formatBeijingTime, formatFen } from "./finance-format"
import { CHANNEL_TEXT, FIGURE_TEXT, FINANCE_MESSAGES as M } from "./finance-messages"
import type { FinanceEntry, FinanceFigure, Paged } from "./finance-types"

const PAGE_SIZE = 20

/** The rows behind one figure, paged, each with its order and (masked) member. */
export function FinanceEntriesDrawer({
  figure,
  search,
  onClose,
}: {
  figure: FinanceFigure | null
  /** The page's period and filters as a query string. */
  search: string
  onClose: () => void
}) {
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Paged<"entries", FinanceEntry>>()
  const [error, setError] = useState<string>()
  useEffect(() => setPage(0), [figure, search])
  useEffect(() => {
    if (!figure) return
    setError(undefined)
    adminRequest<Paged<"entries", FinanceEntry>>(
      `/admin/finance/entries?${search}&figure=${figure}&limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`
    )
      .then(setData)
      .catch((e) => setError(errorText(e)))
  }, [figure, search, page])
  const money = figure !== "orders"
  return (
    <Drawer open={Boolean(figure)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-3xl">
        <Drawer.Header>
          <Drawer.Title>{figure ? M.entriesTitle(FIGURE_TEXT[figure]) : ""}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {error && <Text className="text-ui-fg-error">{error}</Text>}
          {data && (
            <Text size="small" className="text-ui-fg-subtle">
              {M.entriesTotal(data.count, money ? formatFen(data.amount) : String(data.amount))}
            </Text>
          )}
          <RecordTable
            rows={data?.entries ?? []}
            rowKey={(row) => `${row.id}:${row.order_display_id}:${row.happened_at}`}
            empty={data ? M.noRows : M.loading}
            columns={[
              { header: M.time, cell: (row) => formatBeijingTime(row.happened_at) },
              {
                header: M.order,
                cell: (row) => (row.order_display_id === null ? "—" : `#${row.order_display_id}`),
              },
              { header: M.member, cell: (row) => row.member ?? "—" },
              { header: M.method, cell: (row) => row.provider_label ?? "—" },
              {
                header: M.channel,
                cell: (row) =>
                  row.channel
                    ? (CHANNEL_TEXT[row.channel as keyof typeof CHANNEL_TEXT] ?? row.channel)
                    : "—",
              },
              {
                header: M.amount,
                cell: (row) => (money ? formatFen(row.amount) : row.amount),
                className: "text-right tabular-nums",
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
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
