import type { AppointmentsClient } from "../commerce/appointments-client"
import { ApiError } from "../http"
import type { SiteAvailability } from "./types"

/** How many days the checkout's slot picker shows at a time. */
export const COLLECTION_DAYS_SHOWN = 7

export type CollectionAvailabilityState = { availability?: SiteAvailability; error?: string }

/**
 * The checkout picker's days and slots with the places left at one collection site, or a
 * message the member can act on. `onUnexpected` hears about errors that are not the
 * member's to fix (logging), which are answered with a calm message.
 */
export async function loadCollectionAvailability(
  appointments: Pick<AppointmentsClient, "availability">,
  token: string,
  siteId: string,
  from?: string,
  onUnexpected?: (error: unknown) => void
): Promise<CollectionAvailabilityState> {
  try {
    return {
      availability: await appointments.availability(token, siteId, {
        from,
        days: COLLECTION_DAYS_SHOWN,
      }),
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return { error: "没有找到这个采集点，请重新选择" }
    }
    if (error instanceof ApiError && error.status === 401) {
      return { error: "请先登录后再选择现场采集时段" }
    }
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    onUnexpected?.(error)
    return { error: "采集点时段暂时无法读取，请稍后再试，或选择寄送采样盒" }
  }
}
