import { RecordTable } from "../shared/record-table"
import { formatFen } from "./finance-format"
import { FIGURE_TEXT, FINANCE_MESSAGES as M } from "./finance-messages"
import type { FinanceMetric, FinanceSummary } from "./finance-types"

type Group = FinanceSummary["groups"][number]

const MONEY: FinanceMetric[] = ["paid", "refunded", "net", "store_credit", "commissions", "payouts"]

/** A breakdown as a table: one row per group, amounts in ¥, and the period's totals below. */
export function FinanceBreakdown({ summary }: { summary: FinanceSummary }) {
  const totalsRow: Group = { key: "__totals", label: M.totalsRow, ...summary.totals }
  const rows = summary.groups.length ? [...summary.groups, totalsRow] : []
  return (
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
  )
}
