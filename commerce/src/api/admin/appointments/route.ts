import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  appointmentCalendarFromEnv,
  shanghaiToday,
} from "../../../modules/appointment/rules/appointment-calendar"
import { cmsReader } from "../../../lib/cms/cms-reader"
import { siteCapacity } from "../../../workflows/appointments/steps/resolve-collection-site-step"
import { orderPaymentStates } from "../../../workflows/orders/order-payment-state"
import { appointmentRequest } from "../../appointment-request"
import type { AdminDayQueryType } from "../../appointment-validators"

/**
 * GET /admin/appointments?date=&site_id=&status=: one day's appointments for customer
 * service (or `?order_id=`: one order's, on any day), with the day's slots and the sites (from the CMS, or from the appointments
 * themselves when the CMS cannot be reached).
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, AdminDayQueryType>,
  res: MedusaResponse
) {
  const { appointments } = appointmentRequest(req)
  const query = req.validatedQuery as AdminDayQueryType
  const config = appointmentCalendarFromEnv()
  const date = query.date ?? shanghaiToday()
  const list = query.order_id
    ? await appointments.orderAppointments(query.order_id)
    : await appointments.dayAppointments({
        date,
        site_id: query.site_id ?? undefined,
        status: query.status ?? undefined,
      })
  const cmsSites = await cmsReader.collectionSites().catch(() => null)
  const sites = new Map<string, { id: string; name: string; capacity_per_slot: number | null }>()
  for (const site of cmsSites ?? []) {
    sites.set(site.documentId, {
      id: site.documentId,
      name: site.name,
      capacity_per_slot: siteCapacity(site, config.defaultCapacity),
    })
  }
  for (const appointment of list) {
    if (!sites.has(appointment.site.id)) {
      sites.set(appointment.site.id, {
        id: appointment.site.id,
        name: appointment.site.name,
        capacity_per_slot: null,
      })
    }
  }
  const payments = await orderPaymentStates(
    req.scope,
    list.map((appointment) => appointment.order_id)
  )
  res.json({
    date,
    slots: config.slots,
    sites: [...sites.values()],
    cms_available: cmsSites !== null,
    // An order's collection shows whether its offline payment is confirmed yet.
    appointments: list.map((appointment) => {
      const payment = appointment.order_id ? payments.get(appointment.order_id) : undefined
      return {
        ...appointment,
        payment_status: payment?.payment_status ?? null,
        payment_offline: payment?.payment_offline ?? false,
      }
    }),
  })
}
