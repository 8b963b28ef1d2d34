import { StatusBadge } from "@medusajs/ui"
import { KIT_STATUS_COLORS } from "./lab-messages"
import type { AdminKit } from "./lab-types"

export const KitStatusBadge = ({ kit }: { kit: Pick<AdminKit, "status" | "status_label"> }) => (
  <StatusBadge color={KIT_STATUS_COLORS[kit.status] ?? "grey"} className="whitespace-nowrap">
    {kit.status_label}
  </StatusBadge>
)
