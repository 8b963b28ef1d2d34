import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { appointmentRequest } from "../../../../appointment-request"

/** GET /admin/clinic-sessions/:id/signups: who signed up and who waits, in order. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments } = appointmentRequest(req)
  const signups = await appointments.listSignupViews({ session_id: req.params.id })
  const ids = [...new Set(signups.map((signup) => signup.customer_id))]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = ids.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name", "phone"],
        filters: { id: ids },
      })
    : { data: [] }
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  res.json({
    session_id: req.params.id,
    ...(await appointments.sessionSummary(req.params.id)),
    signups: signups.map((signup) => {
      const customer = byId.get(signup.customer_id)
      return {
        ...signup,
        customer: customer
          ? {
              id: customer.id,
              name: [customer.last_name, customer.first_name].filter(Boolean).join("") || null,
              email: customer.email ?? null,
              phone: customer.phone ?? null,
            }
          : null,
      }
    }),
  })
}
