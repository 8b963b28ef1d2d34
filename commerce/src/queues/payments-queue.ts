import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { QueueName } from "../lib/queue/queue-names"
import type { QueueProcessor } from "./queue-processor"

export const PaymentsJob = {
  RECONCILE_WECHAT: "reconcile-wechat-sessions",
} as const

const WECHATPAY = "pp_wechatpay_wechatpay"

type PendingSession = {
  id: string
  status: string
  data: { time_expire?: string; out_trade_no?: string } | null
  payment_collection?: { cart?: { id: string; completed_at?: string | null } | null } | null
}

export type ReconcileOutcome = { recovered: string[]; closed: string[] }

/**
 * For every WeChat Pay session past its time_expire: if WeChat says it was paid (the
 * callback never came), complete the cart into its order; otherwise close the WeChat
 * order and drop the session, so the buyer can start again and nothing is paid late.
 */
export async function reconcileWechatSessions(
  container: MedusaContainer,
  now = new Date()
): Promise<ReconcileOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const { data } = await query.graph({
    entity: "payment_session",
    fields: [
      "id",
      "status",
      "data",
      "payment_collection.cart.id",
      "payment_collection.cart.completed_at",
    ],
    filters: { provider_id: WECHATPAY, status: "pending" },
  })
  const outcome: ReconcileOutcome = { recovered: [], closed: [] }
  for (const session of data as unknown as PendingSession[]) {
    const expires = Date.parse(session.data?.time_expire ?? "")
    if (!Number.isFinite(expires) || expires > now.getTime()) continue
    const cart = session.payment_collection?.cart
    if (cart && !cart.completed_at) {
      const { result } = await completeCartWorkflow(container)
        .run({ input: { id: cart.id }, throwOnError: false })
        .catch(() => ({ result: undefined }))
      if (result?.id) {
        outcome.recovered.push(cart.id)
        continue
      }
    }
    await payments.deletePaymentSession(session.id)
    outcome.closed.push(session.data?.out_trade_no ?? session.id)
  }
  return outcome
}

export const paymentsQueue: QueueProcessor = {
  queue: QueueName.PAYMENTS,
  concurrency: 1,
  handlers: {
    [PaymentsJob.RECONCILE_WECHAT]: async (_data: unknown, { container }) =>
      reconcileWechatSessions(container),
  },
  schedules: [
    { id: "reconcile-wechat-every-minute", job: PaymentsJob.RECONCILE_WECHAT, everyMs: 60_000 },
  ],
}
