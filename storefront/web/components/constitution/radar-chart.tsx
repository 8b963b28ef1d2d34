import {
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  radarGeometry,
  verdictApplies,
  type ConstitutionScores,
  type ConstitutionVerdicts,
} from "@health/core"

/**
 * The nine transformed scores as an SVG radar chart (no chart library): rings every 20
 * points, the 30 (倾向) and 40 (判定) lines dashed, types that apply marked in the accent.
 */
export function RadarChart({
  scores,
  verdicts,
  size = 340,
}: {
  scores: ConstitutionScores
  verdicts: ConstitutionVerdicts
  size?: number
}) {
  const values = CONSTITUTION_CODES.map((code) => scores[code])
  const geometry = radarGeometry({ values, size, padding: 62 })
  const thresholds = radarGeometry({ values, size, padding: 62, rings: [30, 40] }).rings
  const label = CONSTITUTION_CODES.map(
    (code) => `${CONSTITUTION_NAMES[code]} ${scores[code].toFixed(1)} 分`
  ).join("，")
  return (
    <svg
      className="radar-chart"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={`九种体质得分雷达图：${label}`}
      data-testid="constitution-radar"
    >
      {geometry.rings.map((ring) => (
        <polygon key={ring.value} points={ring.points} className="radar-ring" />
      ))}
      {thresholds.map((ring) => (
        <polygon key={ring.value} points={ring.points} className="radar-threshold" />
      ))}
      {geometry.spokes.map((spoke, i) => (
        <line
          key={CONSTITUTION_CODES[i]}
          x1={spoke.from.x}
          y1={spoke.from.y}
          x2={spoke.to.x}
          y2={spoke.to.y}
          className="radar-spoke"
        />
      ))}
      <polygon points={geometry.shape} className="radar-shape" data-testid="radar-shape" />
      {geometry.vertices.map((point, i) => (
        <circle
          key={CONSTITUTION_CODES[i]}
          cx={point.x}
          cy={point.y}
          r={3.5}
          className={
            verdictApplies(verdicts[CONSTITUTION_CODES[i]]) ? "radar-dot applies" : "radar-dot"
          }
        />
      ))}
      {geometry.labels.map((point, i) => {
        const code = CONSTITUTION_CODES[i]
        return (
          <text
            key={code}
            x={point.x}
            y={point.y}
            textAnchor={point.anchor}
            className={verdictApplies(verdicts[code]) ? "radar-label applies" : "radar-label"}
          >
            <tspan x={point.x} dy="-0.2em">
              {CONSTITUTION_NAMES[code]}
            </tspan>
            <tspan x={point.x} dy="1.2em" className="radar-score">
              {scores[code].toFixed(1)}
            </tspan>
          </text>
        )
      })}
    </svg>
  )
}
