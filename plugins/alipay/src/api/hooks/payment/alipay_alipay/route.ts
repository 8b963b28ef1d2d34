import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { toFen } from "../../../../lib/money"

const PROVIDER = "alipay_alipay"

/**
 * Alipay's asynchronous notifications. Takes the place of Medusa's generic
 * /hooks/payment/:provider, which answers 200 at once and records later: Alipay stops
 * retrying on the text `success`, so it is answered only once the payment is recorded.
 * Anything else gets `fail` (forged or foreign: 400, unknown trade: 404, amount that is not
 * the session's: 409, not recorded: 500), is logged, and records nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const answer = (status: number, text: "success" | "fail") =>
    res.status(status).type("text/plain").send(text)

  const result = await payments.getWebhookActionAndData({
    provider: PROVIDER,
    payload: {
      data: (req.body ?? {}) as Record<string, unknown>,
      rawData: (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? "",
      headers: req.headers as Record<string, unknown>,
    },
  })
  // The provider names the session only for notifications whose signature and app it verified.
  if (!result.data?.session_id) return answer(400, "fail")
  // Verified, nothing to record: a trade closed unpaid, waiting, or a refund's report.
  if (result.action !== PaymentActions.SUCCESSFUL) return answer(200, "success")

  const sessionId = result.data.session_id
  const captured = async () => {
    const [payment] = await payments.listPayments(
      { payment_session_id: sessionId },
      { relations: ["captures"] }
    )
    return !!payment?.captures?.length
  }
  const [session] = await payments.listPaymentSessions({ id: sessionId })
  // Recorded before, its session since replaced (the money given back when its cart could not
  // become an order): a retry, nothing more to record.
  if (!session && (await captured())) return answer(200, "success")
  if (!session || session.provider_id !== `pp_${PROVIDER}`) {
    logger.warn(`支付宝通知：交易 ${sessionId} 不属于本店的支付宝支付会话，未记录`)
    return answer(404, "fail")
  }
  const notified = toFen(result.data.amount)
  if (toFen(session.amount) !== notified) {
    logger.error(
      `支付宝通知：会话 ${sessionId} 金额 ${toFen(session.amount)} 分，通知金额 ${notified} 分，不符，未记录`
    )
    return answer(409, "fail")
  }

  try {
    // One session, one capture: Alipay may deliver the same notification twice at once, and a
    // replay after the capture must not capture again. The lock serializes them per session;
    // inside it, a payment already captured is left as it is.
    await req.scope.resolve(Modules.LOCKING).execute(`alipay-notify:${sessionId}`, async () => {
      if (await captured()) return
      await processPaymentWorkflow(req.scope).run({
        input: {
          action: PaymentActions.SUCCESSFUL,
          data: { session_id: sessionId, amount: result.data!.amount },
        },
      })
    })
  } catch (error) {
    logger.error(`支付宝通知：会话 ${sessionId} 记录失败：${(error as Error).message}`)
    return answer(500, "fail")
  }
  if (!(await captured())) {
    logger.error(`支付宝通知：会话 ${sessionId} 未能记录收款`)
    return answer(500, "fail")
  }
  return answer(200, "success")
}
