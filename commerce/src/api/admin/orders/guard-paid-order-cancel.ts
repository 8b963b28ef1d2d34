import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allows } from "../../../modules/access/permissions"
import { staffPermissionsOf } from "../enforce-staff-access"

type Payment = { captured_at?: string | Date | null; canceled_at?: string | Date | null }

/**
 * Medusa's order cancel refunds every captured payment. Staff who may manage orders but
 * not money (运营) can still cancel unpaid orders; a paid one needs the money permission,
 * as `POST /admin/payments/:id/refund` does.
 */
export async function guardPaidOrderCancel(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  if (allows(staffPermissionsOf(res), "money:write")) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
    ],
    filters: { id: req.params.id },
  })
  const collections = (data[0]?.payment_collections ?? []) as { payments?: Payment[] | null }[]
  const payments = collections.flatMap((collection) => collection?.payments ?? [])
  if (payments.some((payment) => payment.captured_at && !payment.canceled_at)) {
    res.status(403).json({
      type: "not_allowed",
      message:
        "该订单已收款，取消会原路退款，需要「收款、退款与提现」的修改权限。请联系财务取消或退款。",
    })
    return
  }
  next()
}
