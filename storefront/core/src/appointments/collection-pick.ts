// Picking a collection site and slot at checkout, shared by the web and the mini-program.
// Imported from this path (not the package index), so pages that never pick stay small.
import type { CollectionAppointmentChoice } from "@health/contracts"
import type { SiteAvailability } from "./types"

export const COLLECTION_SIGN_IN_PROBLEM =
  "现场采集需先登录会员，以便为您预约采集时段；也可以选择顺丰包邮寄送采样盒"

/** What both checkouts say around the collection site and slot picker. */
export const COLLECTION_PICKER_TEXT = {
  intro: "选择采集点和到店时段，下单后即为您预约，可在「我的预约」查看、改期或取消。",
  sitesUnreadable: "采集点信息暂时无法读取，请稍后再试，或选择寄送采样盒。",
  noSites: "暂时没有可预约的采集点，请选择寄送采样盒。",
  loadingSlots: "正在读取可预约时段…",
  allFull: "这几天的时段都已约满或已过，请翻到后面的日期，或换一个采集点。",
} as const

const DATE = /^\d{4}-\d{2}-\d{2}$/
const SLOT = /^\d{2}:\d{2}-\d{2}:\d{2}$/

/**
 * The site, day and slot picked for on-site collection ("YYYY-MM-DD HH:MM-HH:MM"), or what
 * is still missing.
 */
export function readCollectionPick(pick: {
  siteId: string
  slot: string
  siteName?: string | null
}): { choice: CollectionAppointmentChoice } | { problem: string } {
  const siteId = pick.siteId.trim()
  if (!siteId) return { problem: "请选择现场采集的采集点" }
  const [date, slot] = pick.slot.trim().split(" ")
  if (!date || !slot || !DATE.test(date) || !SLOT.test(slot)) {
    return { problem: "请选择现场采集的日期和时段" }
  }
  return { choice: { site_id: siteId, date, slot, site_name: pick.siteName?.trim() || null } }
}

/**
 * Why the chosen slot can no longer be taken (checked just before paying), or null when
 * it still has a place.
 */
export function collectionSlotProblem(
  availability: Pick<SiteAvailability, "days">,
  choice: Pick<CollectionAppointmentChoice, "date" | "slot">
): string | null {
  const slot = availability.days
    .find((day) => day.date === choice.date)
    ?.slots.find((s) => s.slot === choice.slot)
  if (!slot) return "所选时段不可预约，请重新选择日期和时段"
  if (slot.remaining <= 0) return "所选时段刚刚已约满，请选择其他时段"
  if (!slot.bookable) return "所选时段已过或暂不可预约，请重新选择"
  return null
}
