import { isCalendarDate, isSlotFormat } from "./appointment-calendar"
import { COLLECTION_APPOINTMENT_KEY, type CollectionAppointmentChoice } from "@health/contracts"

// The key and the choice's shape are shared with the storefronts' checkout (@health/contracts).
export { COLLECTION_APPOINTMENT_KEY, type CollectionAppointmentChoice }

export type CollectionAppointmentReading =
  | { choice: CollectionAppointmentChoice }
  | { problem: string }
  | null

/**
 * Reads the chosen slot from cart or order metadata: null when there is none, a problem
 * when the value is not a site, a real day and a slot (only a client writing the cart
 * itself can send that).
 */
export function readCollectionAppointment(
  metadata: Record<string, unknown> | null | undefined
): CollectionAppointmentReading {
  const value = metadata?.[COLLECTION_APPOINTMENT_KEY]
  if (value === undefined || value === null || value === "") return null
  const choice = value as Partial<Record<keyof CollectionAppointmentChoice, unknown>>
  if (
    typeof value !== "object" ||
    typeof choice.site_id !== "string" ||
    !choice.site_id.trim() ||
    choice.site_id.length > 64 ||
    typeof choice.date !== "string" ||
    !isCalendarDate(choice.date) ||
    typeof choice.slot !== "string" ||
    !isSlotFormat(choice.slot)
  ) {
    return { problem: "现场采集的预约信息不完整，请重新选择采集点、日期和时段" }
  }
  return {
    choice: {
      site_id: choice.site_id.trim(),
      date: choice.date,
      slot: choice.slot,
      site_name: typeof choice.site_name === "string" ? choice.site_name : null,
    },
  }
}
