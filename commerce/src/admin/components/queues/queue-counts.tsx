import { Badge } from "@medusajs/ui"
import { COUNT_LABELS } from "./queue-messages"
import type { QueueCounts } from "./queue-types"

const COLORS: Record<keyof QueueCounts, "grey" | "blue" | "orange" | "green" | "red"> = {
  waiting: "grey",
  active: "blue",
  delayed: "orange",
  completed: "green",
  failed: "red",
}

/** Counts per job state, failures in red so they stand out. */
export function QueueCountBadges({ counts }: { counts: QueueCounts }) {
  return (
    <div className="flex flex-wrap gap-2">
      {(Object.keys(COUNT_LABELS) as (keyof QueueCounts)[]).map((state) => (
        <Badge
          key={state}
          size="2xsmall"
          color={state === "failed" && !counts.failed ? "grey" : COLORS[state]}
        >
          {COUNT_LABELS[state]} {counts[state] ?? 0}
        </Badge>
      ))}
    </div>
  )
}
