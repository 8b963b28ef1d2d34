import type { CollectionAppointmentChoice, SiteAvailability } from "@health/core"

/** Form fields of the on-site collection picker at checkout. */
export const COLLECTION_FIELDS = {
  site: "collection_site_id",
  siteName: "collection_site_name",
  /** "YYYY-MM-DD HH:MM-HH:MM" */
  slot: "collection_slot",
} as const

export const COLLECTION_SIGN_IN_PROBLEM =
  "现场采集需先登录会员，以便为您预约采集时段；也可以选择顺丰包邮寄送采样盒"

const DATE = /^\d{4}-\d{2}-\d{2}$/
const SLOT = /^\d{2}:\d{2}-\d{2}:\d{2}$/

/**
 * The site, day and slot the checkout form carries for on-site collection, or what is
 * missing. Only members can book, so a signed-out shopper is asked to sign in first.
 */
export function collectionChoiceFromForm(
  form: FormData,
  signedIn: boolean
): { choice: CollectionAppointmentChoice } | { problem: string } {
  if (!signedIn) return { problem: COLLECTION_SIGN_IN_PROBLEM }
  const read = (name: string) => String(form.get(name) ?? "").trim()
  const siteId = read(COLLECTION_FIELDS.site)
  if (!siteId) return { problem: "请选择现场采集的采集点" }
  const [date, slot] = read(COLLECTION_FIELDS.slot).split(" ")
  if (!date || !slot || !DATE.test(date) || !SLOT.test(slot)) {
    return { problem: "请选择现场采集的日期和时段" }
  }
  const siteName = read(COLLECTION_FIELDS.siteName)
  return { choice: { site_id: siteId, date, slot, site_name: siteName || null } }
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
