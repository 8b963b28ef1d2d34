import {
  constitutionTrend,
  formatDate,
  sparklinePoints,
  TREND_ARROWS,
  VERDICT_WORDS,
  type SavedAssessment,
} from "@health/core"

/** Each type's score over the member's results: a small line, the latest score and its change. */
export function TrendTable({ history }: { history: SavedAssessment[] }) {
  const trend = constitutionTrend(history)
  if (history.length < 2) {
    return (
      <p className="muted" data-testid="trend-single">
        完成两次以上测试后，这里会显示各体质得分的变化趋势。建议每 3–6 个月复测一次。
      </p>
    )
  }
  return (
    <div className="table-scroll">
      <table className="trend-table" data-testid="trend-table">
        <caption className="muted">
          {formatDate(trend.dates[0])} 至 {formatDate(trend.dates[trend.dates.length - 1])}，共{" "}
          {trend.dates.length} 次测试
        </caption>
        <thead>
          <tr>
            <th scope="col">体质</th>
            <th scope="col">变化</th>
            <th scope="col">最近得分</th>
            <th scope="col">较上次</th>
            <th scope="col">最近判定</th>
          </tr>
        </thead>
        <tbody>
          {trend.types.map((type) => (
            <tr key={type.code}>
              <th scope="row">{type.name}</th>
              <td>
                <svg viewBox="0 0 96 28" className="sparkline" aria-hidden>
                  <polyline
                    points={sparklinePoints(type.series, 96, 24)}
                    transform="translate(0 2)"
                  />
                </svg>
              </td>
              <td className="num">{type.latest.toFixed(1)}</td>
              <td
                className={`num trend-${type.better === null ? "steady" : type.better ? "better" : "worse"}`}
                aria-label={
                  type.change === null
                    ? "无"
                    : type.direction === "same"
                      ? "基本不变"
                      : `${type.direction === "up" ? "上升" : "下降"} ${Math.abs(type.change)} 分`
                }
              >
                {type.direction ? TREND_ARROWS[type.direction] : ""}{" "}
                {type.change !== null && type.direction !== "same" ? Math.abs(type.change) : ""}
              </td>
              <td>{VERDICT_WORDS[type.latestVerdict]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">平和质得分上升、偏颇体质得分下降为向好（绿色）。</p>
    </div>
  )
}
