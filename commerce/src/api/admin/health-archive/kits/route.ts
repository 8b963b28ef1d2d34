import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { maskCnMobile } from "../../../../lib/phone/normalize-cn-mobile"
import { archiveRequest } from "../../../health-archive-request"
import type { ListAdminKitsQueryType } from "../validators"

/** Kits for lab and customer-service work: filter by status, search by barcode or order no. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListAdminKitsQueryType>,
  res: MedusaResponse
) {
  const { archive } = archiveRequest(req)
  const { status, q, limit, offset } = req.validatedQuery as ListAdminKitsQueryType
  const search = q?.trim().toUpperCase()
  const filters: Record<string, unknown> = status ? { status } : {}
  if (search) {
    filters.$or = /^\d+$/.test(search)
      ? [{ order_display_id: Number(search) }, { barcode: { $ilike: `%${search}%` } }]
      : [{ barcode: { $ilike: `%${search}%` } }]
  }
  const [rows, count] = await archive.listAndCountKits(filters, {
    select: ["id", "customer_id"],
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  const kits = await archive.kitViews(rows.map((row) => row.id))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerIds = [...new Set(rows.map((row) => row.customer_id))]
  const { data: customers } = customerIds.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "phone"],
        filters: { id: customerIds },
      })
    : { data: [] }
  res.json({
    kits: kits.map((kit) => {
      const customer = customers.find((c) => c.id === kit.customer_id)
      return {
        ...kit,
        customer: {
          id: kit.customer_id,
          phone_masked: customer?.phone ? maskCnMobile(customer.phone) : null,
          email_masked: customer?.email ? customer.email.replace(/^(.).*@/, "$1***@") : null,
        },
      }
    }),
    count,
    limit,
    offset,
  })
}
