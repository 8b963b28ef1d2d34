import { AdminPagination } from "../shared/admin-pagination"
import { RecordTable } from "../shared/record-table"
import { formatFen } from "./finance-format"
import { FIGURE_TEXT, FINANCE_MESSAGES as M } from "./finance-messages"
import type { FinanceMetric, FinanceSummary } from "./finance-types"

type Group = FinanceSummary["groups"][number]

const MONEY: FinanceMetric[] = ["paid", "refunded", "net", "store_credit", "commissions", "payouts"]

/**
 * A breakdown as a table: one row per group, amounts in ¥, and the period's totals below
 * (over every group, also when the breakdown is paged, with the pager under it).
 */
export function FinanceBreakdown({
  summary,
  onPageChange,
}: {
  summary: FinanceSummary
  onPageChange: (page: number) => void
}) {
  const totalsRow: Group = { key: "__totals", label: M.totalsRow, ...summary.totals }
  const rows = summary.groups.length ? [...summary.groups, totalsRow] : []
  const { page } = summary
  return (
    <div>
      <RecordTable
        rows={rows}
        rowKey={(row) => row.key ?? "__none"}
        empty={M.noRows}
        rowClassName={(row) => (row === totalsRow ? "font-medium" : undefined)}
        columns={[
          { header: "", cell: (row) => row.label },
          { header: FIGURE_TEXT.orders, cell: (row) => row.orders, className: "text-right" },
          ...MONEY.map((metric) => ({
            header: FIGURE_TEXT[metric],
            cell: (row: Group) => formatFen(row[metric]),
            className: "text-right tabular-nums",
          })),
        ]}
      />
      {page && (
        <AdminPagination
          count={page.count}
          pageSize={page.limit}
          page={Math.floor(page.offset / page.limit)}
          onPageChange={onPageChange}
        />
      )}
    </div>
  )
}
