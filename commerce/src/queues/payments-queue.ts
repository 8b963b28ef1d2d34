import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import {
  FINAL_TRANSFER_STATES,
  queryTransferBill,
} from "@health/medusa-plugin-wechatpay/lib/transfer-bills"
import {
  PaymentsJob,
  RECONCILE_TRANSFER_DELAY_MS,
  type ReconcileTransferJob,
} from "../lib/queue/payments-jobs"
import { QUEUE_MODULE, QueueName } from "../lib/queue/queue-names"
import type QueueModuleService from "../modules/queue/service"
import { settleWechatTransfer } from "../workflows/payouts/settle-wechat-transfer"
import type { QueueProcessor } from "./queue-processor"

export { PaymentsJob, type ReconcileTransferJob }

/** WeChat cancels a transfer the user never confirms after a day; stop asking after two. */
const MAX_TRANSFER_CHECKS = 96

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
    // A transfer whose callback has not come: ask WeChat, settle if final, else ask later.
    [PaymentsJob.RECONCILE_TRANSFER]: async (job: ReconcileTransferJob, { container }) => {
      const config = resolveWechatpayConfig()
      const bill = await queryTransferBill(new WechatpayClient(config), job.out_bill_no)
      const { settled } = await settleWechatTransfer(container, bill)
      if (!FINAL_TRANSFER_STATES.includes(bill.state) && job.checks + 1 < MAX_TRANSFER_CHECKS) {
        await container.resolve<QueueModuleService>(QUEUE_MODULE).enqueue<ReconcileTransferJob>(
          QueueName.PAYMENTS,
          PaymentsJob.RECONCILE_TRANSFER,
          { out_bill_no: job.out_bill_no, checks: job.checks + 1 },
          {
            delay: RECONCILE_TRANSFER_DELAY_MS(),
            jobId: `reconcile-transfer-${job.out_bill_no}-${job.checks + 1}`,
          }
        )
      }
      return { state: bill.state, settled }
    },
  },
  schedules: [
    { id: "reconcile-wechat-every-minute", job: PaymentsJob.RECONCILE_WECHAT, everyMs: 60_000 },
  ],
}
