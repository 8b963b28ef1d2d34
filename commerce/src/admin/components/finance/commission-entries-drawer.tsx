import { Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { AdminPagination } from "../shared/admin-pagination"
import { RecordTable } from "../shared/record-table"
import type { CommissionAccount, CommissionEntry, CommissionFigure } from "./commission-types"
import { formatBeijingTime, formatFen } from "./finance-format"
import { COMMISSION_FIGURE_TEXT, FINANCE_MESSAGES as M, LEDGER_KIND_TEXT } from "./finance-messages"
import type { Paged } from "./finance-types"

const PAGE_SIZE = 20

export type CommissionDrill = { account: CommissionAccount; figure: CommissionFigure }

/** The ledger lines and orders behind one figure of one affiliate. */
export function CommissionEntriesDrawer({
  drill,
  period,
  onClose,
}: {
  drill: CommissionDrill | null
  period: { from: string; to: string }
  onClose: () => void
}) {
  const [page, setPage] = useState(0)
  const [data, setData] = useState<Paged<"entries", CommissionEntry>>()
  const [error, setError] = useState<string>()
  useEffect(() => setPage(0), [drill])
  useEffect(() => {
    if (!drill) return
    setError(undefined)
    const query = new URLSearchParams({
      ...period,
      figure: drill.figure,
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    adminRequest<Paged<"entries", CommissionEntry>>(
      `/admin/finance/commissions/${drill.account.affiliate_id}/entries?${query}`
    )
      .then(setData)
      .catch((e) => setError(errorText(e)))
  }, [drill, period, page])
  return (
    <Drawer open={Boolean(drill)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-3xl">
        <Drawer.Header>
          <Drawer.Title>
            {drill ? `${drill.account.code} · ${COMMISSION_FIGURE_TEXT[drill.figure]}` : ""}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {error && <Text className="text-ui-fg-error">{error}</Text>}
          {data && (
            <Text size="small" className="text-ui-fg-subtle">
              {M.entriesTotal(data.count, formatFen(data.amount))}
            </Text>
          )}
          <RecordTable
            rows={data?.entries ?? []}
            rowKey={(row) => row.id}
            empty={data ? M.noRows : M.loading}
            columns={[
              { header: M.time, cell: (row) => formatBeijingTime(row.created_at) },
              { header: M.kind, cell: (row) => LEDGER_KIND_TEXT[row.kind] ?? row.kind },
              {
                header: M.order,
                cell: (row) => (row.order_display_id === null ? "—" : `#${row.order_display_id}`),
              },
              { header: M.product, cell: (row) => row.product_title ?? "—" },
              { header: M.buyer, cell: (row) => row.buyer ?? "—" },
              { header: M.level, cell: (row) => row.level ?? "—" },
              {
                header: M.amount,
                cell: (row) => formatFen(row.amount),
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
