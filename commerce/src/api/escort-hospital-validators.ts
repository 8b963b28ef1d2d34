import { z } from "@medusajs/framework/zod"
import { ESCORT_BOOKING_STATUSES } from "../modules/escort/rules/escort-booking-status"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const city = z
  .unknown()
  .refine(
    (v) => v == null || v === "" || (typeof v === "string" && v.trim().length <= 32),
    "城市名称不超过 32 字"
  )
  .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

export const EscortHospitalsQuery = z.object({ city })

/** `status`: one status, `active` (every one under way, the default) or `all`. */
export const DispatchBoardQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        v === "active" ||
        v === "all" ||
        (ESCORT_BOOKING_STATUSES as readonly unknown[]).includes(v),
      `status 只能是 active、all 或 ${ESCORT_BOOKING_STATUSES.join("、")} 之一`
    )
    .transform((v) => (v ?? "active") as string),
  city,
  late: z
    .unknown()
    .refine((v) => v == null || v === "0" || v === "1", "late 只能是 0 或 1")
    .transform((v) => v === "1"),
})
