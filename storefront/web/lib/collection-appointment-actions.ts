"use server"

import {
  loadCollectionAvailability as loadAvailability,
  type CollectionAvailabilityState,
} from "@health/core/appointments/collection-availability"
import { appointments } from "./backends"
import { readToken } from "./session"

export type { CollectionAvailabilityState }

/** The checkout picker's days and slots with the places left at one collection site. */
export async function loadCollectionAvailability(
  siteId: string,
  from?: string
): Promise<CollectionAvailabilityState> {
  const token = await readToken()
  if (!token) return { error: "请先登录后再选择现场采集时段" }
  return loadAvailability(appointments, token, siteId, from, (error) =>
    console.error("[checkout] collection availability:", (error as Error).message)
  )
}
