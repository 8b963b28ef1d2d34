import { formatCNY, type MonthlyEarning } from "@health/core"

/** Monthly net commissions as a bar chart; plain SVG, so it prints and needs no script. */
export function EarningsChart({ months }: { months: MonthlyEarning[] }) {
  const width = 560
  const height = 200
  const top = 24
  const bottom = 28
  const max = Math.max(...months.map((m) => m.amount), 0)
  const slot = width / months.length
  const barWidth = Math.min(48, slot * 0.6)
  const scale = (amount: number) =>
    max > 0 ? ((height - top - bottom) * Math.max(amount, 0)) / max : 0

  return (
    <figure className="chart" data-testid="earnings-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="近 6 个月佣金收入">
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} stroke="#e5e7eb" />
        {months.map((month, index) => {
          const h = scale(month.amount)
          const x = index * slot + (slot - barWidth) / 2
          const y = height - bottom - h
          return (
            <g key={month.month}>
              <rect x={x} y={y} width={barWidth} height={h} rx="6" fill="#0f766e" />
              <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize="12" fill="#1f2937">
                {month.amount ? formatCNY(month.amount) : ""}
              </text>
              <text
                x={x + barWidth / 2}
                y={height - 8}
                textAnchor="middle"
                fontSize="12"
                fill="#6b7280"
              >
                {month.label}
              </text>
            </g>
          )
        })}
      </svg>
      {max === 0 && (
        <figcaption className="muted">近 6 个月还没有佣金，分享链接给好友试试吧。</figcaption>
      )}
    </figure>
  )
}
