import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientAddress } from "../../../../../lib/http/client-address"
import { APPOINTMENT_MODULE } from "../../../../../modules/appointment"
import type AppointmentModuleService from "../../../../../modules/appointment/service"
import { changeMemberOrderTestMethodWorkflow } from "../../../../../workflows/orders/change-member-order-test-method"
import { loadOrderCancellation } from "../../../../../workflows/orders/load-order-cancellation"
import { orderTestMethods } from "../../../../../workflows/orders/plan-test-method-change"
import type { OrderTestMethodBodyType } from "../../validators"

/**
 * Each kit line's test method and collection slot, the order's appointments, and whether
 * the member may still change them (修改检测方式/改约), with the reason when not.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  // First: someone else's order is "not found" before anything about it is read.
  const { refusal } = await loadOrderCancellation(req.scope, req.params.id, customerId, "edit")
  const { lines } = await orderTestMethods(req.scope, req.params.id)
  const appointments = await req.scope
    .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    .orderAppointments(req.params.id)
  res.json({
    test_methods: {
      lines: lines.map((line) => ({
        line_item_id: line.line_item_id,
        title: line.title,
        quantity: line.quantity,
        method: line.method,
        collection: line.choice
          ? {
              site_id: line.choice.site_id,
              site_name: line.choice.site_name ?? null,
              date: line.choice.date,
              slot: line.choice.slot,
            }
          : null,
      })),
      appointments: appointments.map(({ customer_id: _owner, ...appointment }) => appointment),
      change: { allowed: refusal === null, reason: refusal },
    },
  })
}

/** The member switches one kit between mailed and on-site, or moves its slot (409 after shipping). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as OrderTestMethodBodyType
  const { result } = await changeMemberOrderTestMethodWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      line_item_id: body.line_item_id,
      method: body.method,
      collection: body.collection ?? null,
      ip: clientAddress(req),
      user_agent: req.get("user-agent") ?? null,
    },
  })
  res.json({ test_method: result })
}
