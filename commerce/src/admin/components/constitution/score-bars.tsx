import { Badge, Text } from "@medusajs/ui"
import { applies, TYPE_CODES, TYPE_NAMES } from "./constitution-labels"

/** The nine transformed scores as bars, with the 30 and 40 thresholds marked. */
export const ScoreBars = ({
  scores,
  verdicts,
}: {
  scores: Record<string, number>
  verdicts: Record<string, string>
}) => (
  <ul className="flex flex-col gap-y-2" aria-label="各体质转化分">
    {TYPE_CODES.map((code) => {
      const score = scores[code] ?? 0
      return (
        <li key={code} className="grid grid-cols-[4.5rem_1fr_3.5rem_4rem] items-center gap-x-2">
          <Text size="small">{TYPE_NAMES[code]}</Text>
          <div className="bg-ui-bg-subtle relative h-2 rounded">
            <div
              className={`absolute inset-y-0 left-0 rounded ${applies(verdicts[code]) ? "bg-ui-tag-orange-icon" : "bg-ui-fg-muted"}`}
              style={{ width: `${Math.min(Math.max(score, 0), 100)}%` }}
            />
            <div className="bg-ui-border-strong absolute inset-y-0 w-px" style={{ left: "30%" }} />
            <div className="bg-ui-border-strong absolute inset-y-0 w-px" style={{ left: "40%" }} />
          </div>
          <Text size="small" className="text-right tabular-nums">
            {score.toFixed(1)}
          </Text>
          <Badge size="2xsmall" color={applies(verdicts[code]) ? "orange" : "grey"}>
            {verdicts[code] ?? "—"}
          </Badge>
        </li>
      )
    })}
  </ul>
)
