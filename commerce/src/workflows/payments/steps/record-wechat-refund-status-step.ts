import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sessionIdFor, type WechatRefund } from "@health/medusa-plugin-wechatpay"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"
import type AuditLogModuleService from "../../../modules/audit-log/service"

type RefundEntry = { out_refund_no: string; status: string; amount: number; refund_id?: string }

type PaymentRow = {
  id: string
  data: (Record<string, unknown> & { refunds?: RefundEntry[] }) | null
  payment_collection?: { order?: { id: string; metadata?: Record<string, unknown> | null } | null }
}

type SessionRow = {
  id: string
  amount: unknown
  currency_code: string
  status: string
  data: (Record<string, unknown> & { unplaced_refund?: RefundEntry }) | null
}

export type RefundStatusChange = { from: string; to: string } | null

/** A refund as WeChat reports it, by callback or by query. */
export type ReportedRefund = Pick<WechatRefund, "out_trade_no" | "out_refund_no" | "status"> & {
  refund_id?: string
  amount?: { refund: number }
}

/** Who stands behind changes that WeChat reports, in the audit log finance reads. */
const WECHATPAY_ACTOR = "system:wechatpay"

export const ABNORMAL_REFUND_NOTE =
  "微信退款异常（ABNORMAL）：买家的收款账户无法入账，请在微信支付商户平台「交易中心 → 退款管理」处理异常退款"

/**
 * Records what WeChat says about a refund (its callback or a query) on the payment it
 * belongs to, or on the session of a payment that never became an order. Changes nothing
 * when the status is already known, so a repeated callback or query is harmless. An
 * ABNORMAL refund is written to the log, the audit log and the order's metadata, where
 * finance sees it: the money has not reached the buyer and someone must act.
 */
async function recordWechatRefundStatus(
  container: MedusaContainer,
  refund: ReportedRefund
): Promise<RefundStatusChange> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const sessionId = sessionIdFor(refund.out_trade_no)
  const { data: paymentRows } = await query.graph({
    entity: "payment",
    fields: ["id", "data", "payment_collection.order.id", "payment_collection.order.metadata"],
    filters: { payment_session_id: sessionId },
  })
  const payment = paymentRows[0] as unknown as PaymentRow | undefined
  const entry = payment?.data?.refunds?.find((r) => r.out_refund_no === refund.out_refund_no)
  let change: RefundStatusChange = null
  let orderId: string | null = null

  if (payment && entry) {
    if (entry.status === refund.status) return null
    change = { from: entry.status, to: refund.status }
    // The module writes data as given; its DTO type only lists the other fields.
    await payments.updatePayment({
      id: payment.id,
      data: {
        ...payment.data,
        refunds: payment.data!.refunds!.map((r) =>
          r.out_refund_no === refund.out_refund_no ? { ...r, status: refund.status } : r
        ),
      },
    } as Parameters<IPaymentModuleService["updatePayment"]>[0])
    orderId = payment.payment_collection?.order?.id ?? null
  } else {
    // The refund of a payment whose cart never became an order lives on its session.
    const { data: sessionRows } = await query.graph({
      entity: "payment_session",
      fields: ["id", "amount", "currency_code", "status", "data"],
      filters: { id: sessionId },
    })
    const session = sessionRows[0] as unknown as SessionRow | undefined
    const unplaced = session?.data?.unplaced_refund
    if (!session || unplaced?.out_refund_no !== refund.out_refund_no) return null
    if (unplaced.status === refund.status) return null
    change = { from: unplaced.status, to: refund.status }
    await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount as number,
      currency_code: session.currency_code,
      data: { ...session.data, unplaced_refund: { ...unplaced, status: refund.status } },
      status: session.status as "canceled",
    })
  }

  if (refund.status === "ABNORMAL") {
    await alertFinance(container, refund, orderId, payment?.payment_collection?.order?.metadata)
  }
  return change
}

async function alertFinance(
  container: MedusaContainer,
  refund: { out_trade_no: string; out_refund_no: string; amount?: { refund: number } },
  orderId: string | null,
  orderMetadata: Record<string, unknown> | null | undefined
) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(
    `WeChat refund ${refund.out_refund_no} of ${refund.out_trade_no} is ABNORMAL${orderId ? ` (order ${orderId})` : ""}: the buyer has not received it`
  )
  await container.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE).createAuditEntries({
    actor_id: WECHATPAY_ACTOR,
    action: "payments.refund_abnormal",
    method: "NOTIFY",
    path: `/v3/refund/domestic/refunds/${refund.out_refund_no}`,
    status: 0,
    details: {
      note: ABNORMAL_REFUND_NOTE,
      out_trade_no: refund.out_trade_no,
      out_refund_no: refund.out_refund_no,
      amount: refund.amount?.refund ?? null,
      order_id: orderId,
    },
  })
  if (orderId) {
    const alerts = (orderMetadata?.wechatpay_refund_alerts as unknown[] | undefined) ?? []
    await container.resolve(Modules.ORDER).updateOrders(orderId, {
      metadata: {
        ...(orderMetadata ?? {}),
        wechatpay_refund_alerts: [
          ...alerts,
          { out_refund_no: refund.out_refund_no, status: "ABNORMAL", note: ABNORMAL_REFUND_NOTE },
        ],
      },
    })
  }
}

/** Records a refund's reported status; answers the change, null when there was none. */
export const recordWechatRefundStatusStep = createStep(
  "record-wechat-refund-status",
  async (refund: ReportedRefund, { container }) =>
    new StepResponse(await recordWechatRefundStatus(container, refund))
)
