import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { maskCnMobile } from "../../../../lib/phone/normalize-cn-mobile"
import { orderPaymentStates } from "../../../../workflows/orders/order-payment-state"
import { archiveRequest } from "../../../health-archive-request"
import type { ListAdminKitsQueryType } from "../validators"

type KitMember = { id: string; customer?: { email?: string | null; phone?: string | null } | null }

/**
 * Kits for lab and customer-service work: filter by status or order, search by barcode or
 * order no. The member comes through the kit → customer link, shown masked; the order's
 * payment state tells the lab whether an offline order may ship yet.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListAdminKitsQueryType>,
  res: MedusaResponse
) {
  const { archive } = archiveRequest(req)
  const { status, q, order_id, limit, offset } = req.validatedQuery as ListAdminKitsQueryType
  const search = q?.trim().toUpperCase()
  const filters: Record<string, unknown> = status ? { status } : {}
  if (order_id) filters.order_id = order_id
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
  const { data: members } = rows.length
    ? await query.graph({
        entity: "kit",
        fields: ["id", "customer.email", "customer.phone"],
        filters: { id: rows.map((row) => row.id) },
      })
    : { data: [] }
  const payments = await orderPaymentStates(
    req.scope,
    kits.map((kit) => kit.order_id)
  )
  res.json({
    kits: kits.map((kit) => {
      const customer = (members as KitMember[]).find((m) => m.id === kit.id)?.customer
      return {
        ...kit,
        payment_status: payments.get(kit.order_id)?.payment_status ?? null,
        payment_offline: payments.get(kit.order_id)?.payment_offline ?? false,
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
