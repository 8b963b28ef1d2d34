import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { reconcilePendingPaymentSessions } from "../../src/queues/payments-queue"
import seed from "../../src/scripts/seed"
import { noticeRefundedUnplacedPaymentsWorkflow } from "../../src/workflows/payments/notice-refunded-unplaced-payments"
import { adminHeaders, registerCustomer } from "./actors"
import { BEIJING_ADDRESS, cartReadyForPayment } from "./checkout"
import { eventually } from "./eventually"

/** A notification exactly as the provider's servers send it: the raw body and the headers. */
export type ContractNotification = { body: string; headers: Record<string, string> }

/** How the app answered a notification. */
export type ContractAnswer = { status: number; body: string }

/** A payment session the suite opened, as the provider's sandbox needs to know it. */
export type ContractSession = {
  /** Medusa's payment session id (payses_…). */
  id: string
  /** The session's data as the provider wrote it (trade numbers, payment_action, …). */
  data: Record<string, unknown>
  /** The amount to pay, in fen. */
  amount: number
}

/**
 * What every payment provider supplies to be put under contract: its ids, the environment
 * that points the app at its sandbox, and the sandbox's hands (the shopper paying, time
 * passing, the provider's servers sending notifications, true or forged).
 *
 * Lifecycle: `env` is read when the spec file loads (the app reads its configuration when
 * it boots), `start` runs once the app listens, `stop` after the last case.
 */
export interface PaymentProviderContract {
  /** Shown in test names, e.g. "支付宝". */
  label: string
  /** Medusa's provider id, e.g. "pp_alipay_alipay". */
  providerId: string
  /** Where the provider posts notifications, e.g. "/hooks/payment/alipay_alipay". */
  webhookPath: string
  /** Environment variables that configure the provider against its sandbox. */
  env: Record<string, string>
  /** The `data` a shopper's client sends when it opens a session (e.g. the channel). */
  sessionData: Record<string, unknown>
  /** Starts the sandbox; it delivers notifications to `webhookUrl` (the app's webhook route). */
  start(app: { webhookUrl: string }): Promise<void>
  stop(): Promise<void>
  /**
   * The shopper follows the session's next step (opens the cashier, scans the code) and
   * leaves without paying: afterwards the trade exists at the provider, unpaid.
   */
  visit(session: ContractSession): Promise<void>
  /**
   * The shopper pays the session in the sandbox (visiting first when it takes that). With `notify` (the default) the sandbox
   * sends its notification to the webhook and this resolves with it and the app's answer;
   * without, nothing is sent (the app must learn of the payment by asking the provider).
   */
  pay(
    session: ContractSession,
    options?: { notify?: boolean }
  ): Promise<{ notification?: ContractNotification; answer?: ContractAnswer }>
  /** Lets the session's trade run out its time at the provider, unpaid. */
  expire(session: ContractSession): Promise<void>
  /** The trade as the provider sees it. */
  tradeAtProvider(session: ContractSession): Promise<{
    state: "unknown" | "open" | "paid" | "closed"
    /** Fen refunded so far (successful refunds only). */
    refunded: number
  }>
  /**
   * The refunds the provider made of the session's payment (successful ones, oldest first):
   * each with the id the provider knows it by (WeChat's refund_id, Alipay's out_request_no,
   * UnionPay's queryId) and its amount in fen.
   */
  refundsAtProvider(session: ContractSession): Promise<{ id: string; amount: number }[]>
  /** The same notification signed with a key the provider does not trust. */
  forge(notification: ContractNotification): ContractNotification
  /** A correctly signed "paid" notification for a trade this app never opened. */
  unknownPaymentNotification(): ContractNotification
  /** A correctly signed "paid" notification for the session, claiming `amount` fen. */
  paidNotification(session: ContractSession, amount: number): ContractNotification
  /** Whether the answer tells the provider "recorded, stop retrying" (Alipay: the text `success`). */
  acknowledged(answer: ContractAnswer): boolean
  /**
   * False for a provider that has no way to close an unpaid trade: UnionPay's gateway orders
   * (ACP has no close transaction) stay payable at the cashier until their payTimeout.
   */
  closesUnpaidTrades?: boolean
}

type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any; status: number }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
  defaults: { baseURL?: string }
}

export type ContractContext = { api: Api; getContainer: () => MedusaContainer }

/** Money states of a session's payment as Medusa recorded them, in fen. */
async function recorded(container: MedusaContainer, sessionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "captured_at", "captures.amount", "refunds.amount"],
    filters: { payment_session_id: sessionId },
  })
  const fen = (rows: { amount: unknown }[] | undefined) =>
    (rows ?? []).reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0)
  const payment = data[0] as
    | { id: string; captured_at?: unknown; captures?: { amount: unknown }[]; refunds?: any[] }
    | undefined
  return {
    payments: data.length,
    paymentId: payment?.id,
    captures: payment?.captures?.length ?? 0,
    captured: fen(payment?.captures),
    refunded: fen(payment?.refunds),
  }
}

/** The provider's data on a payment (its trade and refund references). */
async function paymentData(container: MedusaContainer, paymentId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["data"],
    filters: { id: paymentId },
  })
  return (data[0] as { data?: Record<string, unknown> } | undefined)?.data ?? {}
}

/** Whether the payment session is still there (the sweep drops an expired unpaid one). */
async function sessionExists(container: MedusaContainer, sessionId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_session",
    fields: ["id"],
    filters: { id: sessionId },
  })
  return data.length > 0
}

/** The payments sweep (every minute in the app) run as if `minutes` had passed. */
const sweepAfter = (container: MedusaContainer, minutes: number) =>
  reconcilePendingPaymentSessions(container, new Date(Date.now() + minutes * 60_000))

async function orderOf(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  return (data[0] as { order_id?: string } | undefined)?.order_id
}

/**
 * The behaviour checkout and finance rely on, for any payment provider against its sandbox:
 * a session tells the shopper what to do next; a payment is recorded once, by the verified
 * notification or by asking the provider; refunds (partial, then the rest) reach the
 * provider; unpaid sessions cancel and expire; replayed, forged, unknown and wrong-amount
 * notifications never record money.
 */
export function describePaymentProviderContract(
  contract: PaymentProviderContract,
  { api, getContainer }: ContractContext
) {
  let store: { headers: Record<string, string> }
  const post = (notification: ContractNotification): Promise<ContractAnswer> =>
    fetch(`${api.defaults.baseURL}${contract.webhookPath}`, {
      method: "POST",
      headers: { ...notification.headers, host: "" },
      body: notification.body,
    }).then(async (response) => ({ status: response.status, body: await response.text() }))

  beforeAll(async () => {
    await contract.start({ webhookUrl: `${api.defaults.baseURL}${contract.webhookPath}` })
  })

  afterAll(async () => {
    await contract.stop()
  })

  // Seeded once, before the runner snapshots the database: each case starts from it restored.
  beforeAll(async () => {
    const container = getContainer()
    await seed({ container, args: [] } as never)
    const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
    store = { headers: { "x-publishable-api-key": key.token } }
  })

  /** A member's cart (Beijing: online payment only) with a session of this provider. */
  const openSession = async () => {
    const member = await registerCustomer(
      api as never,
      store.headers["x-publishable-api-key"],
      `pay-${randomUUID().slice(0, 8)}@example.com`
    )
    const { cartId, paymentCollectionId } = await cartReadyForPayment(
      api,
      member,
      "nutrition-metabolism-gene-test",
      BEIJING_ADDRESS
    )
    const { data } = await api.post(
      `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
      { provider_id: contract.providerId, data: contract.sessionData },
      member
    )
    const raw = (data.payment_collection.payment_sessions as any[]).find(
      (s) => s.provider_id === contract.providerId
    )
    const session: ContractSession = {
      id: raw.id,
      data: raw.data,
      amount: Math.round(Number(raw.amount) * 100),
    }
    return { member, cartId, session }
  }

  const paidAndRecorded = async () => {
    const opened = await openSession()
    const { answer, notification } = await contract.pay(opened.session)
    expect(answer && contract.acknowledged(answer)).toBe(true)
    await eventually(
      () => orderOf(getContainer(), opened.cartId),
      (id) => !!id
    )
    return { ...opened, notification: notification! }
  }

  it("initiating a session gives the shopper a next step that runs out in about 30 minutes", async () => {
    const { session } = await openSession()
    const action = session.data.payment_action as { kind: string; expires_at: string }
    expect(["form_post", "redirect", "qr_code", "jsapi"]).toContain(action.kind)
    const minutes = (Date.parse(action.expires_at) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(25)
    expect(minutes).toBeLessThanOrEqual(30.5)
    expect((await contract.tradeAtProvider(session)).state).not.toBe("paid")
  })

  it("the verified notification of a payment captures it once and completes the cart", async () => {
    const { cartId, session } = await paidAndRecorded()
    const money = await eventually(
      () => recorded(getContainer(), session.id),
      (m) => m.captures === 1
    )
    expect(money).toMatchObject({ payments: 1, captures: 1, captured: session.amount })
    expect(await orderOf(getContainer(), cartId)).toBeTruthy()
  })

  it("without a notification, completing the cart asks the provider and records the payment", async () => {
    const { member, cartId, session } = await openSession()
    await contract.pay(session, { notify: false })
    const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, member)
    expect(data.type).toBe("order")
    const money = await eventually(
      () => recorded(getContainer(), session.id),
      (m) => m.payments === 1
    )
    expect(money.captured).toBe(session.amount)
  })

  it("a payment whose notification never arrives is completed by the sweep, once", async () => {
    const { cartId, session } = await openSession()
    await contract.pay(session, { notify: false })
    // Not yet two minutes: the sweep leaves a fresh session to its notification.
    expect((await sweepAfter(getContainer(), 1)).recovered).not.toContain(cartId)
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()

    expect((await sweepAfter(getContainer(), 3)).recovered).toContain(cartId)
    expect(await orderOf(getContainer(), cartId)).toBeTruthy()
    const money = await eventually(
      () => recorded(getContainer(), session.id),
      (m) => m.captures === 1
    )
    expect(money).toMatchObject({ payments: 1, captures: 1, captured: session.amount })
    // The next run finds nothing left to do for it.
    expect((await sweepAfter(getContainer(), 4)).recovered).not.toContain(cartId)
    expect((await recorded(getContainer(), session.id)).captures).toBe(1)
  })

  it("an expired unpaid payment is closed by the sweep and its session dropped", async () => {
    const { member, cartId, session } = await openSession()
    await contract.visit(session)
    // Before its time, waiting at the cashier: left alone.
    expect((await sweepAfter(getContainer(), 3)).closed).toEqual([])
    expect(await sessionExists(getContainer(), session.id)).toBe(true)

    await contract.expire(session)
    const outcome = await sweepAfter(getContainer(), 31)
    expect(outcome.closed).toHaveLength(1)
    expect(outcome.refunded).toEqual([])
    expect(await sessionExists(getContainer(), session.id)).toBe(false)
    expect((await contract.tradeAtProvider(session)).state).toBe("closed")
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
    expect((await recorded(getContainer(), session.id)).payments).toBe(0)
    // The member may start again: the cart takes a new session of the same method.
    const { data } = await api.get(`/store/carts/${cartId}/payment-status`, member)
    expect(data.status).toBe("expired")
  })

  it("a replayed notification is acknowledged and captures nothing more", async () => {
    const { session, notification } = await paidAndRecorded()
    await eventually(
      () => recorded(getContainer(), session.id),
      (m) => m.captures === 1
    )
    const answers = await Promise.all([post(notification), post(notification)])
    for (const answer of answers) expect(contract.acknowledged(answer)).toBe(true)
    const money = await recorded(getContainer(), session.id)
    expect(money).toMatchObject({ payments: 1, captures: 1, captured: session.amount })
  })

  it("refunds from the admin reach the provider: part, then the rest, each under the provider's refund id; more is refused in Chinese", async () => {
    const { session } = await paidAndRecorded()
    const { paymentId } = await eventually(
      () => recorded(getContainer(), session.id),
      (m) => m.captures === 1
    )
    const finance = await adminHeaders(
      getContainer(),
      api as never,
      `finance-${randomUUID().slice(0, 8)}@health.local`,
      ["finance"]
    )
    const refund = (fen: number) =>
      api.post(`/admin/payments/${paymentId}/refund`, { amount: fen / 100 }, {
        ...finance,
        validateStatus: () => true,
      } as never)
    // One limit for every method (commerce's limit-payment-refund), naming the method.
    const refusedInChinese = (answer: { status: number; data: any }) => {
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
      expect(answer.data.message).toMatch(/[\u4e00-\u9fff]/)
      expect(answer.data.message).toContain(contract.label)
    }
    const part = 1000
    expect((await refund(part)).status).toBe(200)
    expect((await contract.refundsAtProvider(session)).map((r) => r.amount)).toEqual([part])
    // What is left is less than the whole payment: asking for the whole is refused.
    refusedInChinese(await refund(session.amount))
    expect(await contract.refundsAtProvider(session)).toHaveLength(1)

    expect((await refund(session.amount - part)).status).toBe(200)
    const atProvider = await contract.refundsAtProvider(session)
    expect(atProvider.map((r) => r.amount)).toEqual([part, session.amount - part])
    expect((await contract.tradeAtProvider(session)).refunded).toBe(session.amount)
    expect((await recorded(getContainer(), session.id)).refunded).toBe(session.amount)
    // The payment keeps each refund under the provider's own id, for finance to match.
    const kept = JSON.stringify(await paymentData(getContainer(), paymentId!))
    for (const { id } of atProvider) {
      expect(id).toBeTruthy()
      expect(kept).toContain(id)
    }

    refusedInChinese(await refund(1))
    expect(await contract.refundsAtProvider(session)).toHaveLength(2)
    expect((await recorded(getContainer(), session.id)).refunded).toBe(session.amount)
  })

  /**
   * A member's cart paying ¥50 from their balance and the rest with this provider, whose ¥50
   * another order then spends: the cart can no longer become an order when the money arrives.
   */
  const sessionWhoseCreditIsSpentElsewhere = async () => {
    const member = await registerCustomer(
      api as never,
      store.headers["x-publishable-api-key"],
      `late-${randomUUID().slice(0, 8)}@example.com`
    )
    const { data: me } = await api.get("/store/affiliate/me", member)
    await getContainer()
      .resolve(ContainerRegistrationKeys.PG_CONNECTION)
      .raw(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
         values (?, ?, 'available', 'adjustment', 5000, ?)`,
        [`afle_${randomUUID()}`, me.affiliate.id, randomUUID()]
      )
    const paying = await cartReadyForPayment(api, member, "nutrition-metabolism-gene-test")
    await api.post(`/store/carts/${paying.cartId}/store-credit`, { amount: 50 }, member)
    const { data } = await api.post(
      `/store/payment-collections/${paying.paymentCollectionId}/payment-sessions`,
      { provider_id: contract.providerId, data: contract.sessionData },
      member
    )
    const raw = (data.payment_collection.payment_sessions as any[]).find(
      (s) => s.provider_id === contract.providerId
    )
    const other = await cartReadyForPayment(api, member, "sports-gene-test")
    await api.post(`/store/carts/${other.cartId}/store-credit`, { amount: 50 }, member)
    await api.post(
      `/store/payment-collections/${other.paymentCollectionId}/payment-sessions`,
      { provider_id: "pp_system_default" },
      member
    )
    expect((await api.post(`/store/carts/${other.cartId}/complete`, {}, member)).data.type).toBe(
      "order"
    )
    const session: ContractSession = {
      id: raw.id,
      data: raw.data,
      amount: Math.round(Number(raw.amount) * 100),
    }
    return { member, cartId: paying.cartId, session }
  }

  it("money that arrives for a cart that can no longer become an order is refunded in full, once, and the member told", async () => {
    const { member, cartId, session } = await sessionWhoseCreditIsSpentElsewhere()
    const { answer, notification } = await contract.pay(session)
    expect(answer && contract.acknowledged(answer)).toBe(true)
    const refunds = await eventually(
      () => contract.refundsAtProvider(session),
      (found) => found.length > 0
    )
    expect(refunds.map((r) => r.amount)).toEqual([session.amount])
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()

    // The payments sweep (every minute in the app, and here) records it on the payment and
    // tells the member, once the provider's answer is kept.
    const since = new Date(Date.now() - 3600_000).toISOString()
    const sweep = async () =>
      (await noticeRefundedUnplacedPaymentsWorkflow(getContainer()).run({ input: { since } }))
        .result
    const record = await eventually(
      async () => {
        await sweep()
        const { paymentId } = await recorded(getContainer(), session.id)
        return (await paymentData(getContainer(), paymentId!)).unplaced_refund
      },
      (kept) => !!kept
    )
    expect(record).toMatchObject({ provider_id: contract.providerId, amount: session.amount })
    expect(await sweep()).toEqual([])
    const notices = async () =>
      ((await api.get("/store/inbox", member)).data.messages as any[])
        .filter((m) => m.title === "订单未能生成，已原路退款")
        .map((m) => m.body as string)
    const told = await eventually(notices, (found) => found.length > 0)
    expect(told).toHaveLength(1)
    expect(told[0]).toContain(`¥${(session.amount / 100).toFixed(2)} 未能生成订单`)
    expect(told[0]).toContain(contract.label)
    const { data: status } = await api.get(`/store/carts/${cartId}/payment-status`, member)
    expect(status).toMatchObject({ status: "refunded", refund: { amount_fen: session.amount } })

    // The provider's retry of the same notification changes nothing.
    expect(contract.acknowledged(await post(notification!))).toBe(true)
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
    expect(await contract.refundsAtProvider(session)).toHaveLength(1)
    expect(await sweep()).toEqual([])
    expect(await notices()).toHaveLength(1)
  })

  it("money paid without a notification for a cart that can no longer become an order is refunded by the sweep, once, and the member told", async () => {
    const { member, cartId, session } = await sessionWhoseCreditIsSpentElsewhere()
    await contract.pay(session, { notify: false })
    await sweepAfter(getContainer(), 31)
    const refunds = await eventually(
      () => contract.refundsAtProvider(session),
      (found) => found.length > 0
    )
    expect(refunds.map((r) => r.amount)).toEqual([session.amount])
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
    const { data: status } = await api.get(`/store/carts/${cartId}/payment-status`, member)
    expect(status).toMatchObject({ status: "refunded", refund: { amount_fen: session.amount } })
    const told = await eventually(
      async () =>
        ((await api.get("/store/inbox", member)).data.messages as any[]).filter(
          (m) => m.title === "订单未能生成，已原路退款"
        ),
      (found) => found.length > 0
    )
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain(contract.label)

    // Later runs refund nothing more and tell nothing more.
    const again = await sweepAfter(getContainer(), 32)
    expect([again.refunded, again.noticed]).toEqual([[], []])
    expect(await contract.refundsAtProvider(session)).toHaveLength(1)
  })

  it("deleting an unpaid session closes the trade at the provider", async () => {
    const { session } = await openSession()
    await contract.visit(session)
    await getContainer().resolve(Modules.PAYMENT).deletePaymentSession(session.id)
    const expected = contract.closesUnpaidTrades === false ? "open" : "closed"
    expect((await contract.tradeAtProvider(session)).state).toBe(expected)
  })

  it("an expired trade cannot complete the cart", async () => {
    const { member, cartId, session } = await openSession()
    await contract.expire(session)
    expect((await contract.tradeAtProvider(session)).state).toBe("closed")
    const answer = await api.post(`/store/carts/${cartId}/complete`, {}, {
      ...member,
      validateStatus: () => true,
    } as never)
    expect(answer.data.type).not.toBe("order")
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
    expect((await recorded(getContainer(), session.id)).captures).toBe(0)
  })

  it("a forged notification is refused and records nothing", async () => {
    const { cartId, session } = await openSession()
    const answer = await post(contract.forge(contract.paidNotification(session, session.amount)))
    expect(contract.acknowledged(answer)).toBe(false)
    expect(answer.status).toBeLessThan(500)
    expect((await recorded(getContainer(), session.id)).payments).toBe(0)
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
  })

  it("a notification for a payment this shop never opened is refused", async () => {
    const answer = await post(contract.unknownPaymentNotification())
    expect(contract.acknowledged(answer)).toBe(false)
    expect(answer.status).toBeLessThan(500)
  })

  it("a notification whose amount differs from the session's is refused and records nothing", async () => {
    const { cartId, session } = await openSession()
    const answer = await post(contract.paidNotification(session, session.amount - 1))
    expect(contract.acknowledged(answer)).toBe(false)
    expect(answer.status).toBeLessThan(500)
    expect((await recorded(getContainer(), session.id)).payments).toBe(0)
    expect(await orderOf(getContainer(), cartId)).toBeFalsy()
  })
}
