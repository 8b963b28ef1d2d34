import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { FINAL_TRANSFER_STATES } from "@health/medusa-plugin-wechatpay"
import { queryWechatTransferBillWorkflow } from "@health/medusa-plugin-wechatpay/workflows"
import {
  PaymentsJob,
  QUEUE_MODULE,
  QueueName,
  RECONCILE_TRANSFER_DELAY_MS,
  type FollowWechatRefundJob,
  type JobQueue,
  type ReconcileTransferJob,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { completeFinishedOrders } from "../workflows/orders/complete-finished-order"
import { expireUnpaidOfflineOrders } from "../workflows/orders/expire-unpaid-offline-orders"
import { expireUnpaidEscortBookings } from "../workflows/escort/expire-unpaid-escort-bookings"
import { followWechatRefundWorkflow } from "../workflows/payments/follow-wechat-refund"
import { noticeRefundedUnplacedPaymentsWorkflow } from "../workflows/payments/notice-refunded-unplaced-payments"
import {
  ONLINE_PAYMENT_PROVIDER_IDS,
  ONLINE_PAYMENT_PROVIDERS,
  type PaymentOutcome,
} from "../workflows/payments/online-payment-providers"
import { refundUnplacedPaymentWorkflow } from "../workflows/payments/refund-unplaced-payment"
import { settleWechatTransfer } from "../workflows/payouts/settle-wechat-transfer"
import { reconcileYesterdayBills } from "../workflows/payments/reconciliation/reconcile-yesterday-bills"

/** WeChat cancels a transfer the user never confirms after a day; stop asking after two. */
const MAX_TRANSFER_CHECKS = 96

/** Medusa's silent refunds of the last two days are looked for (each is told once). */
const NOTICE_WINDOW_MS = 2 * 24 * 3600_000

/**
 * A session waiting this long is asked about before its expiry: the browser no longer
 * completes carts, so a lost notification would otherwise leave the order missing for hours.
 */
const EARLY_QUERY_AFTER_MS = 2 * 60_000

type PendingSession = {
  id: string
  provider_id: string
  status: string
  amount: unknown
  currency_code: string
  created_at?: string | Date | null
  data: Record<string, unknown> | null
  payment_collection?: {
    cart?: {
      id: string
      completed_at?: string | null
      customer_id?: string | null
      metadata?: Record<string, unknown> | null
    } | null
  } | null
}

export type ReconcileOutcome = {
  recovered: string[]
  closed: string[]
  /** Trades paid for carts that could not become orders, refunded here. */
  refunded: string[]
  /** The same, refunded by Medusa's compensation after a notification: now recorded and told. */
  noticed: string[]
}

/** The buyer's money reached us (and some or all of it may have gone back since). */
const paid = (outcome: PaymentOutcome | null | undefined): outcome is PaymentOutcome =>
  outcome?.state === "paid" || outcome?.state === "refunded"

/**
 * For every online payment session (WeChat Pay, Alipay, UnionPay) waiting over two minutes
 * whose payment the provider confirms (the notification never came), complete the cart into
 * its order. For every session past its expiry: the same; if that cannot be done, give the
 * money back (never keep a payment without an order); otherwise close the trade and drop the
 * session, so the buyer can start again and nothing is paid late. How each provider is asked,
 * closed and refunded, and where its expiry is kept, is its row in ONLINE_PAYMENT_PROVIDERS.
 */
export async function reconcilePendingPaymentSessions(
  container: MedusaContainer,
  now = new Date()
): Promise<ReconcileOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const { data } = await query.graph({
    entity: "payment_session",
    fields: [
      "id",
      "provider_id",
      "status",
      "amount",
      "currency_code",
      "data",
      "created_at",
      "payment_collection.cart.id",
      "payment_collection.cart.completed_at",
      "payment_collection.cart.customer_id",
      "payment_collection.cart.metadata",
    ],
    filters: { provider_id: ONLINE_PAYMENT_PROVIDER_IDS, status: "pending" },
  })
  const outcome: ReconcileOutcome = { recovered: [], closed: [], refunded: [], noticed: [] }
  // A provider is asked only when one of its sessions waits (its plugin reads the merchant's
  // settings then): a shop without that method has no such session and never fails this sweep.
  for (const session of data as unknown as PendingSession[]) {
    const provider = ONLINE_PAYMENT_PROVIDERS[session.provider_id]
    const sessionData = session.data ?? {}
    const expires = provider.expiresAt(sessionData)
    if (!Number.isFinite(expires)) continue
    const tradeNo = provider.read(sessionData).out_trade_no
    const cart = session.payment_collection?.cart ?? null
    if (expires > now.getTime()) {
      const completed = await completedPaidEarly(container, session, now)
      if (completed) outcome.recovered.push(completed)
      continue
    }
    let failure: unknown
    if (cart && !cart.completed_at) {
      const { result, errors } = await completeCartWorkflow(container)
        .run({ input: { id: cart.id }, throwOnError: false })
        .catch((error: unknown) => ({ result: undefined, errors: [{ error }] }))
      if (result?.id) {
        outcome.recovered.push(cart.id)
        continue
      }
      failure = errors?.[0]?.error
      // Another completion (the notification's, the buyer's page) holds the cart: try next time.
      if (/acquir\w* lock/i.test((failure as Error | undefined)?.message ?? "")) continue
    }
    // Closing a paid trade fails and deleting the session would lose the payment: ask the
    // provider first. Paid and still no order (or this session did not pay it): refund.
    // Provider unreachable: leave the session for the next run rather than guess.
    const trade = tradeNo ? await ask(container, session, (p, c, d) => p.query(c, d)) : null
    if (trade === undefined) continue
    if (tradeNo && paid(trade)) {
      // A notification may have taken the session over meanwhile; then its own flow settles it.
      if (!(await stillPending(container, session.id))) continue
      const placed = cart ? await orderOfCart(container, cart.id) : null
      await refundUnplacedPaymentWorkflow(container).run({
        input: {
          provider_id: session.provider_id,
          session: { ...session, data: sessionData },
          cart,
          paid_total: trade.amount_fen,
          reason: placed ? "订单已通过其他方式付款" : completionFailureReason(failure),
        },
        throwOnError: true,
      })
      outcome.refunded.push(tradeNo)
      continue
    }
    // Close the unpaid trade before the session goes: a buyer who paid in between keeps
    // the session (and is refunded on the next run), never a payment without one.
    if (tradeNo) {
      const closed = await ask(container, session, (p, c, d) => p.close(c, d))
      if (closed?.state !== "closed") continue
    }
    await payments.deletePaymentSession(session.id)
    outcome.closed.push(tradeNo ?? session.id)
  }
  const since = new Date(now.getTime() - NOTICE_WINDOW_MS).toISOString()
  const { result: noticed } = await noticeRefundedUnplacedPaymentsWorkflow(container).run({
    input: { since },
    throwOnError: true,
  })
  outcome.noticed = noticed
  return outcome
}

/** A call to the session's provider; undefined when it cannot be reached (ask next run). */
async function ask<T>(
  container: MedusaContainer,
  session: PendingSession,
  call: (
    provider: (typeof ONLINE_PAYMENT_PROVIDERS)[string],
    container: MedusaContainer,
    data: Record<string, unknown>
  ) => Promise<T>
): Promise<T | undefined> {
  const provider = ONLINE_PAYMENT_PROVIDERS[session.provider_id]
  return call(provider, container, session.data ?? {}).catch((error: unknown) => {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `${provider.method} ${provider.read(session.data ?? {}).out_trade_no ?? session.id} could not be reached: ${(error as Error).message}`
      )
    return undefined
  })
}

/**
 * Before its expiry: a session waiting over two minutes whose trade the provider reports
 * paid has its cart completed now (the cart's id is returned). Completion takes the cart's
 * lock and refuses a cart already completed, so the notification arriving meanwhile never
 * makes a second order. Any failure is left to the next run, and at expiry to the refund
 * above: the buyer may still be paying.
 */
async function completedPaidEarly(
  container: MedusaContainer,
  session: PendingSession,
  now: Date
): Promise<string | null> {
  const provider = ONLINE_PAYMENT_PROVIDERS[session.provider_id]
  const tradeNo = provider.read(session.data ?? {}).out_trade_no
  const cart = session.payment_collection?.cart
  const started = session.created_at ? new Date(session.created_at).getTime() : NaN
  if (!tradeNo || !cart || cart.completed_at) return null
  if (!(started <= now.getTime() - EARLY_QUERY_AFTER_MS)) return null
  if (!paid(await ask(container, session, (p, c, d) => p.query(c, d)))) return null
  const { result } = await completeCartWorkflow(container)
    .run({ input: { id: cart.id }, throwOnError: false })
    .catch(() => ({ result: undefined }))
  return result?.id ? cart.id : null
}

/** A completion error as the member may read it: ours are in Chinese, Medusa's are not. */
function completionFailureReason(error: unknown): string {
  const message = (error as { message?: string } | undefined)?.message ?? ""
  return /[\u4e00-\u9fff]/.test(message) ? message : "订单校验未通过"
}

async function stillPending(container: MedusaContainer, sessionId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_session",
    fields: ["status", "payment.id"],
    filters: { id: sessionId },
  })
  const session = data[0] as { status: string; payment?: { id: string } | null } | undefined
  return session?.status === "pending" && !session.payment
}

async function orderOfCart(container: MedusaContainer, cartId: string): Promise<string | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  return (data[0]?.order_id as string | undefined) ?? null
}

export const paymentsQueue: QueueProcessor = {
  queue: QueueName.PAYMENTS,
  concurrency: 1,
  handlers: {
    // The job keeps its first name (and schedule id): it sweeps every online provider now.
    [PaymentsJob.RECONCILE_WECHAT]: async (_data: unknown, { container }) =>
      reconcilePendingPaymentSessions(container),
    [PaymentsJob.EXPIRE_OFFLINE_ORDERS]: async (_data: unknown, { container }) =>
      expireUnpaidOfflineOrders(container),
    [PaymentsJob.EXPIRE_ESCORT_BOOKINGS]: async (_data: unknown, { container }) =>
      expireUnpaidEscortBookings(container),
    // Completion matures commissions: money, so it runs beside the other order sweeps.
    [PaymentsJob.COMPLETE_FINISHED_ORDERS]: async (_data: unknown, { container }) =>
      completeFinishedOrders(container),
    [PaymentsJob.FOLLOW_WECHAT_REFUND]: async (job: FollowWechatRefundJob, { container }) =>
      (await followWechatRefundWorkflow(container).run({ input: job })).result,
    [PaymentsJob.RECONCILE_WECHAT_BILL]: async (_data: unknown, { container }) =>
      reconcileYesterdayBills(container),
    // A transfer whose callback has not come: ask WeChat, settle if final, else ask later.
    [PaymentsJob.RECONCILE_TRANSFER]: async (job: ReconcileTransferJob, { container }) => {
      const { result: bill } = await queryWechatTransferBillWorkflow(container).run({
        input: { out_bill_no: job.out_bill_no },
      })
      const { settled } = await settleWechatTransfer(container, bill)
      if (!FINAL_TRANSFER_STATES.includes(bill.state) && job.checks + 1 < MAX_TRANSFER_CHECKS) {
        await container.resolve<JobQueue>(QUEUE_MODULE).enqueue(
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
    // Hours-long limit: a quarter of an hour late is close enough.
    {
      id: "expire-offline-orders-every-15-minutes",
      job: PaymentsJob.EXPIRE_OFFLINE_ORDERS,
      everyMs: 15 * 60_000,
    },
    // 陪诊 bookings wait 30 minutes for payment: a minute late is close enough.
    {
      id: "expire-escort-bookings-every-minute",
      job: PaymentsJob.EXPIRE_ESCORT_BOOKINGS,
      everyMs: 60_000,
    },
    // WeChat publishes a day's bill after 10:00 the next morning; a run that finds it done
    // does nothing, so every six hours is enough and a failed day is tried again.
    {
      id: "reconcile-wechat-bill-every-6-hours",
      job: PaymentsJob.RECONCILE_WECHAT_BILL,
      everyMs: 6 * 3600_000,
    },
    // Days-long limit; a viewed report completes its order at once (kit-delivered-complete-order).
    {
      id: "complete-finished-orders-daily",
      job: PaymentsJob.COMPLETE_FINISHED_ORDERS,
      everyMs: 24 * 3600_000,
    },
  ],
}
