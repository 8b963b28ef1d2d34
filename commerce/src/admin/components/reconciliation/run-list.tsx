import { Badge, Button, Text } from "@medusajs/ui"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { PROVIDER_NAME, RECONCILIATION_MESSAGES as M } from "./reconciliation-messages"
import type { ReconciliationRun } from "./reconciliation-types"

const money = (fen: number | undefined) => (fen === undefined ? "—" : formatFen(fen))

/** The runs, newest first: each day's counts and both sides' totals, its differences a click away. */
export function RunList({
  runs,
  loading,
  onOpen,
}: {
  runs: ReconciliationRun[]
  loading: boolean
  onOpen: (run: ReconciliationRun) => void
}) {
  return (
    <RecordTable
      rows={runs}
      rowKey={(run) => run.id}
      empty={loading ? M.loading : M.noRuns}
      columns={[
        { header: M.billDate, cell: (run) => run.bill_date },
        { header: M.provider, cell: (run) => PROVIDER_NAME[run.provider_id] ?? run.provider_id },
        {
          header: M.status,
          cell: (run) =>
            run.status === "failed" ? (
              <div className="flex flex-col">
                <Badge color="red" size="2xsmall">
                  {M.failed}
                </Badge>
                <Text size="xsmall" className="text-ui-fg-error">
                  {run.error}
                </Text>
              </div>
            ) : (
              <Badge color={run.difference_count ? "orange" : "green"} size="2xsmall">
                {run.bill_exists ? M.completed : M.noBill}
              </Badge>
            ),
        },
        { header: M.lines, cell: (run) => run.bill_lines, className: "text-right tabular-nums" },
        { header: M.matched, cell: (run) => run.matched, className: "text-right tabular-nums" },
        {
          header: M.differences,
          cell: (run) => run.difference_count,
          className: "text-right tabular-nums",
        },
        {
          header: `${M.billPaid} / ${M.ourPaid}`,
          cell: (run) => `${money(run.totals?.bill_paid)} / ${money(run.totals?.our_paid)}`,
          className: "text-right tabular-nums",
        },
        {
          header: `${M.billRefunded} / ${M.ourRefunded}`,
          cell: (run) => `${money(run.totals?.bill_refunded)} / ${money(run.totals?.our_refunded)}`,
          className: "text-right tabular-nums",
        },
        {
          header: M.startedBy,
          cell: (run) =>
            `${run.started_by.startsWith("system:") ? M.system : run.started_by} · ${formatBeijingTime(run.created_at)}`,
        },
        {
          header: "",
          cell: (run) =>
            run.status === "completed" && run.difference_count > 0 ? (
              <Button size="small" variant="secondary" onClick={() => onOpen(run)}>
                {M.showDifferences}
              </Button>
            ) : null,
        },
      ]}
    />
  )
}
