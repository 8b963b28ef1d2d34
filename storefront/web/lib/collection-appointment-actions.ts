"use server"

import { ApiError, type SiteAvailability } from "@health/core"
import { appointments } from "./backends"
import { readToken } from "./session"

export type CollectionAvailabilityState = { availability?: SiteAvailability; error?: string }

/** The checkout picker's days and slots with the places left at one collection site. */
export async function loadCollectionAvailability(
  siteId: string,
  from?: string
): Promise<CollectionAvailabilityState> {
  const token = await readToken()
  if (!token) return { error: "请先登录后再选择现场采集时段" }
  try {
    return { availability: await appointments.availability(token, siteId, { from, days: 7 }) }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return { error: "没有找到这个采集点，请重新选择" }
    }
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    console.error("[checkout] collection availability:", (error as Error).message)
    return { error: "采集点时段暂时无法读取，请稍后再试，或选择寄送采样盒" }
  }
}
