import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { yuanToFen } from "../../../../lib/money"
import { WECHATPAY_PROVIDER_ID } from "../../../../lib/provider-id"

const PROVIDER = "wechatpay_wechatpay"

/**
 * WeChat Pay's payment callback. Takes the place of Medusa's generic /hooks/payment/:provider,
 * which answers 200 at once and records later from a delayed event: WeChat stops retrying on
 * 2xx, so this answers 204 with no body (as WeChat Pay v3 documents) only once the payment is
 * recorded. The middleware already answered 401 to bad signatures; here a payment this shop
 * never opened (404), or whose order number or amount is not the session's (409), is refused
 * with WeChat's JSON failure body and records nothing; a failure to record answers 500, and
 * WeChat sends it again later.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const fail = (status: number, message: string) => {
    logger.warn(`微信支付回调：${message}`)
    res.status(status).json({ code: "FAIL", message })
  }

  const result = await payments.getWebhookActionAndData({
    provider: PROVIDER,
    payload: {
      data: (req.body ?? {}) as Record<string, unknown>,
      rawData: (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? "",
      headers: req.headers as Record<string, unknown>,
    },
  })
  // Genuine, nothing to record (another event type, a trade not paid).
  if (result.action !== PaymentActions.SUCCESSFUL || !result.data?.session_id) {
    res.status(204).end()
    return
  }
  const sessionId = result.data.session_id
  const notified = result.data as { session_id: string; amount: unknown; out_trade_no?: string }
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
  if (!session && (await captured())) {
    res.status(204).end()
    return
  }
  if (!session || session.provider_id !== WECHATPAY_PROVIDER_ID) {
    return fail(404, `订单 ${notified.out_trade_no ?? sessionId} 不是本店的微信支付订单，未记录`)
  }
  const data = (session.data ?? {}) as {
    out_trade_no?: string
    total?: number
    unplaced_refund?: unknown
  }
  if (notified.out_trade_no && data.out_trade_no !== notified.out_trade_no) {
    return fail(409, `订单 ${notified.out_trade_no} 不是会话 ${sessionId} 当前的微信订单，未记录`)
  }
  const paid = yuanToFen(notified.amount)
  if (data.total !== paid) {
    return fail(409, `会话 ${sessionId} 应付 ${data.total} 分，回调金额 ${paid} 分，不符，未记录`)
  }

  // Paid, then given back because its cart could not become an order: nothing more to record.
  if (data.unplaced_refund) {
    res.status(204).end()
    return
  }

  try {
    // One session, one capture: WeChat may deliver the same callback twice at once, and a
    // replay after the capture must not capture again. The lock serializes them per session.
    await req.scope.resolve(Modules.LOCKING).execute(`wechatpay-notify:${sessionId}`, async () => {
      if (await captured()) return
      await processPaymentWorkflow(req.scope).run({
        input: {
          action: PaymentActions.SUCCESSFUL,
          data: { session_id: sessionId, amount: notified.amount as number },
        },
      })
    })
  } catch (error) {
    return fail(500, `会话 ${sessionId} 记录失败：${(error as Error).message}`)
  }
  if (!(await captured())) return fail(500, `会话 ${sessionId} 未能记录收款`)
  res.status(204).end()
}
