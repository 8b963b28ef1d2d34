import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  addDays,
  appointmentCalendarFromEnv,
  shanghaiToday,
} from "../../../../modules/appointment/rules/appointment-calendar"
import { slotAvailability } from "../../../../modules/appointment/rules/slot-availability"
import { cmsReader, siteAddress } from "../../../../lib/cms/cms-reader"
import { siteCapacity } from "../../../../workflows/appointments/steps/resolve-collection-site-step"
import { appointmentRequest } from "../../../appointment-request"
import { answeringAppointmentErrors } from "../../../appointment-response"
import type { AvailabilityQueryType } from "../../../appointment-validators"

/** GET /store/appointments/availability?site_id=&from=&days=: places left per day and slot. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AvailabilityQueryType>,
  res: MedusaResponse
) {
  const { appointments } = appointmentRequest(req)
  const query = req.validatedQuery as AvailabilityQueryType
  const config = appointmentCalendarFromEnv()
  const today = shanghaiToday()
  const from = query.from && query.from > today ? query.from : today
  await answeringAppointmentErrors(res, async () => {
    const site = await cmsReader.collectionSite(query.site_id)
    if (!site || site.active === false) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这个采集点，请重新选择")
    }
    const capacity = siteCapacity(site, config.defaultCapacity)
    const to = addDays(from, query.days - 1)
    const taken = await appointments.slotUsage(site.documentId, from, to)
    res.json({
      site: {
        id: site.documentId,
        name: site.name,
        address: siteAddress(site),
        phone: site.phone ?? null,
        hours: site.hours ?? null,
        capacity_per_slot: capacity,
      },
      slots: config.slots,
      max_days_ahead: config.maxDaysAhead,
      days: slotAvailability({ from, days: query.days, capacity, taken, config }),
    })
  })
}
