import { KIT_STATUS_TONE, type Kit } from "@health/core"

/** The kit's status in the server's words, coloured by what it means for the member. */
export function KitStatusBadge({ kit }: { kit: Pick<Kit, "status" | "status_label"> }) {
  return (
    <span className={`kit-badge ${KIT_STATUS_TONE[kit.status]}`} data-testid="kit-status">
      {kit.status_label}
    </span>
  )
}
