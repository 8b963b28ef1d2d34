import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { decodeForm } from "../../../../lib/acp-form"
import { resolveUnionpayConfig, type UnionpayConfig } from "../../../../lib/config"
import { verifyUnionpayMessage } from "../../../../lib/messages"
import { sessionIdFor } from "../../../../lib/order-id"

const PROVIDER = "unionpay_unionpay"

let settings: UnionpayConfig | undefined

/**
 * UnionPay's back notification (后台通知). It takes the place of Medusa's generic
 * /hooks/payment/:provider, which answers 200 at once and processes later from an event:
 * UnionPay stops retrying on HTTP 200, so this route answers 200 "ok" only after the
 * payment is recorded (Medusa's processPaymentWorkflow, run here and awaited), and refuses
 * with nothing recorded what is forged (certificate chain or signature), for another
 * merchant, for an unknown session, or for an amount other than the session's.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER) as Logger
  const refuse = (status: number, reason: string) => {
    logger.warn(`UnionPay notification refused: ${reason}`)
    res.status(status).type("text/plain").send(`fail: ${reason}`)
  }
  settings ??= resolveUnionpayConfig()
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const body = raw === undefined ? "" : typeof raw === "string" ? raw : raw.toString("utf8")
  const fields = decodeForm(body)
  const verdict = verifyUnionpayMessage(fields, settings)
  if (!verdict.ok) return refuse(401, `签名验证失败 (${verdict.reason})`)
  if (fields.merId !== settings.merId) return refuse(400, `merId ${fields.merId} is not ours`)
  // Refund and void notices, and failed payments: nothing to record here (refund status is
  // read by query), but they are genuine, so UnionPay may stop sending them.
  if (fields.txnType !== "01" || fields.respCode !== "00") {
    res.status(200).type("text/plain").send("ok")
    return
  }

  const payments = req.scope.resolve(Modules.PAYMENT) as IPaymentModuleService
  const sessionId = sessionIdFor(fields.orderId ?? "")
  const [session] = await payments.listPaymentSessions({ id: sessionId })
  // Recorded before, its session since replaced (the money given back when its cart could not
  // become an order): a retry, nothing more to record.
  if (!session) {
    const [payment] = await payments.listPayments(
      { payment_session_id: sessionId },
      { relations: ["captures"] }
    )
    if (payment?.captures?.length) {
      res.status(200).type("text/plain").send("ok")
      return
    }
  }
  if (!session || session.provider_id !== `pp_${PROVIDER}`)
    return refuse(404, `unknown payment ${fields.orderId}`)
  const data = (session.data ?? {}) as { order_id?: string; total?: number }
  if (data.order_id !== fields.orderId)
    return refuse(409, `orderId ${fields.orderId} is not the session's current order`)
  if (String(data.total) !== fields.txnAmt)
    return refuse(409, `amount ${fields.txnAmt} fen differs from the session's ${data.total}`)

  const event = await payments.getWebhookActionAndData({
    provider: PROVIDER,
    payload: { data: fields, rawData: body, headers: req.headers as Record<string, unknown> },
  })
  if (event.action !== PaymentActions.SUCCESSFUL || !event.data?.session_id)
    return refuse(400, "not a successful payment")
  try {
    // A replay (UnionPay retries, or two deliveries at once) is harmless: the workflow locks
    // the cart, and capturing a captured payment, or completing a completed cart, is a no-op.
    await processPaymentWorkflow(req.scope).run({ input: event })
  } catch (error) {
    logger.error(
      `UnionPay notification for ${fields.orderId} not recorded: ${(error as Error).message}`
    )
    // Anything but 200 "ok" makes UnionPay send it again later.
    res.status(500).type("text/plain").send("fail")
    return
  }
  res.status(200).type("text/plain").send("ok")
}
