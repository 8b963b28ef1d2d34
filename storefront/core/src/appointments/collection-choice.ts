import {
  COLLECTION_APPOINTMENT_KEY,
  ON_SITE_COLLECTION_CODE,
  type CollectionAppointmentChoice,
} from "@health/contracts"
import { formatAppointmentDay } from "./appointment-rules"

/** Whether a shipping option means the sample is taken at a collection site. */
export function isOnSiteCollection(option: { type?: { code?: string | null } | null }): boolean {
  return option.type?.code === ON_SITE_COLLECTION_CODE
}

/** The chosen slot kept in cart or order metadata, or null when there is none (or it is unreadable). */
export function readCollectionChoice(
  metadata: Record<string, unknown> | null | undefined
): CollectionAppointmentChoice | null {
  const value = metadata?.[COLLECTION_APPOINTMENT_KEY] as Record<string, unknown> | undefined
  if (!value || typeof value !== "object") return null
  const { site_id, date, slot, site_name } = value
  if (typeof site_id !== "string" || typeof date !== "string" || typeof slot !== "string") {
    return null
  }
  return { site_id, date, slot, site_name: typeof site_name === "string" ? site_name : null }
}

/** "岳阳楼区采集点 · 12月3日 周四 09:00-10:00" */
export function describeCollectionChoice(choice: CollectionAppointmentChoice): string {
  const when = `${formatAppointmentDay(choice.date)} ${choice.slot}`
  return choice.site_name ? `${choice.site_name} · ${when}` : when
}
