import type { MedusaContainer } from "@medusajs/framework/types"
import {
  appointmentCalendarFromEnv,
  bookingRefusal,
  describeSlot,
} from "../../modules/appointment/rules/appointment-calendar"
import type { CollectionGroup } from "../../modules/appointment/rules/line-test-method"
import { cmsReader } from "../../lib/cms/cms-reader"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { siteCapacity } from "./steps/resolve-collection-site-step"

const SITE_UNKNOWN = "没有找到这个采集点，或它已暂停预约，请重新选择采集点"

/**
 * A per-line on-site pick must name a site the CMS knows and a slot that is bookable and
 * not full. A CMS that cannot be read does not stop the order (booking retries later).
 * Read by the server-run checkout and again when the cart is completed.
 */
export async function collectionRefusal(
  container: MedusaContainer,
  group: CollectionGroup
): Promise<string | null> {
  const { choice } = group
  const where = `「${group.lines.map((l) => l.title).join("」「")}」`
  const calendar = appointmentCalendarFromEnv()
  const refusal = bookingRefusal(choice.date, choice.slot, calendar)
  if (refusal) return `${where}${refusal}`
  const site = await cmsReader.collectionSite(choice.site_id).then(
    (found) => ({ found }),
    () => null
  )
  if (!site) return null
  if (!site.found || site.found.active === false) return `${where}${SITE_UNKNOWN}`
  const taken = await container
    .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    .slotUsage(choice.site_id, choice.date, choice.date)
  const capacity = siteCapacity(site.found, calendar.defaultCapacity)
  if ((taken.get(`${choice.date} ${choice.slot}`) ?? 0) >= capacity) {
    return `${where}${describeSlot(choice.date, choice.slot)} 已约满，请选择其他时段或日期`
  }
  return null
}
