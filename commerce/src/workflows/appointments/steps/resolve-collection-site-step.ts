import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  appointmentCalendarFromEnv,
  bookingRefusal,
} from "../../../modules/appointment/rules/appointment-calendar"
import { cmsReader, siteAddress } from "../../../lib/cms/cms-reader"

export type ResolvedSite = {
  site: { id: string; name: string; address: string }
  capacity: number
}

/** Places per slot: the site's own number when the CMS sets one, else the configured default. */
export function siteCapacity(site: { capacity_per_slot?: number | null }, fallback: number) {
  const own = Number(site.capacity_per_slot)
  return Number.isInteger(own) && own >= 0 && site.capacity_per_slot !== null ? own : fallback
}

/**
 * Checks the day and slot against the calendar, and reads the collection site from the
 * CMS: its name and address are copied onto the appointment, its capacity counts places.
 */
export const resolveCollectionSiteStep = createStep(
  "resolve-collection-site",
  async (input: { site_id: string; date: string; slot: string }) => {
    const calendar = appointmentCalendarFromEnv()
    const refusal = bookingRefusal(input.date, input.slot, calendar)
    if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
    const site = await cmsReader.collectionSite(input.site_id)
    if (!site || site.active === false) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "没有找到这个采集点，或它已暂停预约，请重新选择采集点"
      )
    }
    return new StepResponse<ResolvedSite>({
      site: { id: site.documentId, name: site.name, address: siteAddress(site) },
      capacity: siteCapacity(site, calendar.defaultCapacity),
    })
  }
)
