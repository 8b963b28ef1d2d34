import { formatAppointmentDay } from "./appointment-rules"

/** The shipping option type code of 采集点现场采集 (commerce's seed). */
export const ON_SITE_COLLECTION_CODE = "on-site-collection"

/** The cart (and order) metadata key under which checkout keeps the chosen collection slot. */
export const COLLECTION_APPOINTMENT_KEY = "collection_appointment"

/** A collection site, day and slot chosen at checkout; commerce books it when the order is placed. */
export type CollectionAppointmentChoice = {
  site_id: string
  /** Beijing calendar day, YYYY-MM-DD. */
  date: string
  /** "09:00-10:00" */
  slot: string
  site_name?: string | null
}

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
