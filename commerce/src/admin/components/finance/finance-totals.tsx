import { Button, Text } from "@medusajs/ui"
import { formatFen, formatPercent } from "./finance-format"
import { FIGURE_TEXT, FINANCE_MESSAGES as M } from "./finance-messages"
import type { FinanceFigure, FinanceMetric, FinanceSummary } from "./finance-types"

const METRICS: FinanceMetric[] = [
  "orders",
  "paid",
  "refunded",
  "net",
  "store_credit",
  "commissions",
  "payouts",
]

/** One card per figure: this period, the change against the period before, and a drill-down. */
export function FinanceTotals({
  summary,
  onDrill,
}: {
  summary: FinanceSummary
  onDrill: (figure: FinanceFigure) => void
}) {
  const show = (metric: FinanceMetric, value: number) =>
    metric === "orders" ? String(value) : formatFen(value)
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
      {METRICS.map((metric) => {
        const change = summary.change[metric]
        const tone =
          change.amount > 0 ? "text-ui-fg-interactive" : change.amount < 0 ? "text-ui-fg-error" : ""
        return (
          <div key={metric} className="shadow-elevation-card-rest rounded-lg p-3">
            <Text size="small" className="text-ui-fg-subtle">
              {FIGURE_TEXT[metric]}
            </Text>
            <Text size="large" weight="plus" className="tabular-nums">
              {show(metric, summary.totals[metric])}
            </Text>
            <Text size="xsmall" className={`tabular-nums ${tone}`}>
              {formatPercent(change.percent)}（{show(metric, summary.previous.totals[metric])}）
            </Text>
            {metric !== "net" && (
              <Button
                size="small"
                variant="transparent"
                className="px-0"
                onClick={() => onDrill(metric)}
              >
                {M.viewEntries}
              </Button>
            )}
          </div>
        )
      })}
    </div>
  )
}
