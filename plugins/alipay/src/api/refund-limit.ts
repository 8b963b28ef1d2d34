import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toFen } from "../lib/money"

const PROVIDER_ID = "pp_alipay_alipay"

type PaymentAmounts = {
  provider_id: string
  captures?: { amount: unknown }[]
  refunds?: { amount: unknown }[]
}

const sumFen = (rows: { amount: unknown }[] | undefined) =>
  (rows ?? []).reduce((sum, row) => sum + toFen(row.amount), 0)

/**
 * In front of Medusa's POST /admin/payments/:id/refund for Alipay payments: a refund
 * beyond what is left of the payment is refused with a 400 in Chinese before anything is
 * written (Medusa refuses it too, in English; Alipay would answer ACQ.REFUND_AMT_NOT_EQUAL_TOTAL).
 */
export async function limitAlipayRefund(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["provider_id", "captures.amount", "refunds.amount"],
    filters: { id: req.params.id },
  })
  const payment = data[0] as PaymentAmounts | undefined
  if (!payment || payment.provider_id !== PROVIDER_ID) return next()
  const left = sumFen(payment.captures) - sumFen(payment.refunds)
  const body = req.body as { amount?: unknown } | undefined
  const asked = body?.amount === undefined || body.amount === null ? null : fenOrNull(body.amount)
  if (left <= 0) {
    res.status(400).json({ type: "not_allowed", message: "该笔支付宝支付已全部退款" })
    return
  }
  if (asked !== null && asked > left) {
    res.status(400).json({
      type: "invalid_data",
      message: `退款金额超过可退金额：最多还可退 ¥${(left / 100).toFixed(2)}`,
    })
    return
  }
  next()
}

/** Malformed amounts are left to Medusa's own validation (a 400 there). */
function fenOrNull(amount: unknown): number | null {
  try {
    return toFen(amount)
  } catch {
    return null
  }
}
