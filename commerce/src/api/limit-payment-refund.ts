import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  ONLINE_PAYMENT_PROVIDER_IDS,
  paymentMethodName,
} from "../workflows/payments/online-payment-providers"

type PaymentAmounts = {
  provider_id: string
  captures?: { amount: unknown }[]
  refunds?: { amount: unknown }[]
}

/** A Medusa amount (yuan, number, string or BigNumber) in fen; null when it is not a whole fen. */
function fenOrNull(amount: unknown): number | null {
  try {
    const fen = MathBN.mult(MathBN.convert(amount as never), 100)
    return fen.isInteger() && fen.gte(0) ? fen.toNumber() : null
  } catch {
    return null
  }
}

const sumFen = (rows: { amount: unknown }[] | undefined) =>
  (rows ?? []).reduce((sum, row) => sum + (fenOrNull(row.amount) ?? 0), 0)

/**
 * In front of Medusa's POST /admin/payments/:id/refund for every online payment (WeChat Pay,
 * Alipay, UnionPay): a refund beyond what is left of the payment is refused with a 400 in
 * Chinese, naming the method, before anything is written (Medusa refuses it too, in English;
 * the provider would refuse it after the money row was written). Malformed amounts are left
 * to Medusa's own validation (a 400 there).
 */
export async function limitPaymentRefund(
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
  if (!payment || !ONLINE_PAYMENT_PROVIDER_IDS.includes(payment.provider_id)) return next()
  const method = paymentMethodName(payment.provider_id)
  const left = sumFen(payment.captures) - sumFen(payment.refunds)
  const body = req.body as { amount?: unknown } | undefined
  const asked = body?.amount === undefined || body.amount === null ? null : fenOrNull(body.amount)
  if (left <= 0) {
    res.status(400).json({ type: "not_allowed", message: `该笔${method}已全部退款` })
    return
  }
  if (asked !== null && asked > left) {
    res.status(400).json({
      type: "invalid_data",
      message: `退款金额超过可退金额：该笔${method}最多还可退 ¥${(left / 100).toFixed(2)}`,
    })
    return
  }
  next()
}
