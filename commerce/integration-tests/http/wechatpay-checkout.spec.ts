import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  encryptResource,
  signLines,
  startSandbox,
  type Sandbox,
} from "@health/medusa-plugin-wechatpay/sandbox"
import { generateKeyPairSync, randomUUID } from "crypto"
import { reconcilePendingPaymentSessions } from "../../src/queues/payments-queue"
import { followWechatRefundWorkflow } from "../../src/workflows/payments/follow-wechat-refund"
import seed from "../../src/scripts/seed"
import { BEIJING_ADDRESS, cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { advanceKitWorkflow } from "../../src/workflows/health-archive/advance-kit"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"

jest.setTimeout(180_000)

// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let recorderUrl: string
    let store: { headers: Record<string, string> }
    const callbacks: { body: string; headers: Record<string, string> }[] = []

    let closeRecorder: (() => Promise<void>) | undefined
    beforeAll(async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // Deliver callbacks to this test's app, recording them so they can be replayed and forged.
      const recorder = await import("http").then(({ createServer }) => {
        const server = createServer((req, res) => {
          let body = ""
          req.on("data", (chunk) => (body += chunk))
          req.on("end", async () => {
            const headers = Object.fromEntries(
              Object.entries(req.headers).map(([k, v]) => [k, String(v)])
            )
            callbacks.push({ body, headers })
            // One notify override for the sandbox: refund callbacks go to their own route.
            const hook = body.includes('"event_type":"REFUND.')
              ? "/hooks/wechatpay/refund"
              : "/hooks/payment/wechatpay_wechatpay"
            // The sandbox retries callbacks on its own clock, and one may arrive as the app
            // stops at the end of the file: answer as an unreachable merchant would.
            const status = await fetch(`${api.defaults.baseURL}${hook}`, {
              method: "POST",
              headers: { ...headers, host: "" },
              body,
            }).then(
              (answer) => answer.status,
              () => 502
            )
            res.writeHead(status)
            res.end()
          })
        })
        return new Promise<typeof server>((resolve) =>
          server.listen(0, "127.0.0.1", () => resolve(server))
        )
      })
      const { port } = recorder.address() as { port: number }
      recorderUrl = `http://127.0.0.1:${port}/`
      sandbox.setNotifyUrl(recorderUrl)
      closeRecorder = () =>
        new Promise<void>((resolve) => {
          recorder.close(() => resolve())
          recorder.closeAllConnections()
        })
    })

    afterAll(async () => {
      await sandbox?.close()
      await closeRecorder?.()
    })

    // Seeded once, before the runner snapshots the database: each test starts from it restored.
    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": key.token } }
    })

    const postCallback = (body: string, headers: Record<string, string>) =>
      fetch(`${api.defaults.baseURL}/hooks/payment/wechatpay_wechatpay`, {
        method: "POST",
        headers: { ...headers, host: "", "content-length": String(Buffer.byteLength(body)) },
        body,
      })

    const ordersOf = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order_cart",
        fields: ["order_id"],
        filters: { cart_id: cartId },
      })
      return data
    }

    const noThrow = { validateStatus: () => true }
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

    const wechatSession = async (paymentCollectionId: string, who: object) => {
      const { data } = await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } },
        who
      )
      return data.payment_collection.payment_sessions[0] as {
        id: string
        data: { out_trade_no: string; total: number }
      }
    }

    /** Staff credit a member's available balance (an adjustment entry), in fen. */
    const creditBalance = async (who: { headers: Record<string, string> }, fen: number) => {
      const { data } = await api.get("/store/affiliate/me", who)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(
          `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
           values (?, ?, 'available', 'adjustment', ?, ?)`,
          [`afle_${randomUUID()}`, data.affiliate.id, fen, randomUUID()]
        )
    }

    /** The TRANSACTION.SUCCESS callback WeChat sends for a paid session, signed by its key. */
    const paidCallback = (session: {
      id: string
      data: { out_trade_no: string; total: number }
    }) => {
      const body = JSON.stringify({
        id: randomUUID(),
        event_type: "TRANSACTION.SUCCESS",
        resource_type: "encrypt-resource",
        summary: "支付成功",
        resource: encryptResource(
          JSON.stringify({
            appid: sandbox.keys.appid,
            mchid: sandbox.keys.mchid,
            out_trade_no: session.data.out_trade_no,
            transaction_id: "4200000000000000000000000002",
            trade_state: "SUCCESS",
            attach: session.id,
            amount: { total: session.data.total, currency: "CNY" },
          }),
          sandbox.keys.apiV3Key,
          "transaction",
          "transaction"
        ),
      })
      const timestamp = String(Math.floor(Date.now() / 1000))
      return {
        body,
        headers: {
          "content-type": "application/json",
          "wechatpay-timestamp": timestamp,
          "wechatpay-nonce": "NONCE456",
          "wechatpay-serial": sandbox.keys.wechatpayPublicKeyId,
          "wechatpay-signature": signLines(
            [timestamp, "NONCE456", body],
            sandbox.keys.wechatpayPrivateKey
          ),
        },
      }
    }

    /**
     * A member's cart paying ¥50 from the balance and the rest (¥649) by WeChat, whose ¥50 is
     * then spent by another order first: the WeChat cart can no longer be completed.
     */
    const cartWhoseCreditIsSpentElsewhere = async (email: string) => {
      const member = await registerCustomer(
        api as never,
        store.headers["x-publishable-api-key"],
        email
      )
      await creditBalance(member, 5000)
      const paying = await cartReadyForPayment(api, member, "nutrition-metabolism-gene-test")
      await api.post(`/store/carts/${paying.cartId}/store-credit`, { amount: 50 }, member)
      const session = await wechatSession(paying.paymentCollectionId, member)
      const other = await cartReadyForPayment(api, member, "sports-gene-test")
      await api.post(`/store/carts/${other.cartId}/store-credit`, { amount: 50 }, member)
      await api.post(
        `/store/payment-collections/${other.paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        member
      )
      const placed = await api.post(`/store/carts/${other.cartId}/complete`, {}, member)
      expect(placed.data.type).toBe("order")
      return { member, cartId: paying.cartId, session }
    }

    /** A cart paid through the sandbox and completed by its callback; answers the order and trade. */
    const paidOrder = async (who: { headers: Record<string, string> }, handle: string) => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api, who, handle)
      const session = await wechatSession(paymentCollectionId, who)
      await sandbox.pay(session.data.out_trade_no)
      const [{ order_id }] = await waitFor(async () => {
        const found = await ordersOf(cartId)
        return found.length ? found : undefined
      })
      const {
        data: [payment],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "payment", fields: ["id"], filters: { payment_session_id: session.id } })
      return {
        orderId: order_id as string,
        paymentId: payment.id as string,
        tradeNo: session.data.out_trade_no,
      }
    }

    const paymentData = async (id: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "payment", fields: ["data"], filters: { id } })
      return data[0].data as {
        refunds: { out_refund_no: string; amount: number; status: string }[]
      }
    }

    const sessionRow = async (id: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "payment_session", fields: ["id", "status", "data"], filters: { id } })
      return data[0] as { status: string; data: Record<string, any> } | undefined
    }

    const waitFor = async <T>(
      probe: () => Promise<T | undefined>,
      timeoutMs = 20_000
    ): Promise<T> => {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const value = await probe()
        if (value) return value
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      throw new Error("timed out")
    }

    it("pays a cart through the sandbox: the signed callback completes it into exactly one order, replays change nothing", async () => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api,
        store,
        "nutrition-metabolism-gene-test"
      )
      const { data } = await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } },
        store
      )
      const session = data.payment_collection.payment_sessions[0]
      expect(session.data).toMatchObject({ channel: "native", total: 69900 })
      expect(session.data.code_url).toContain(`/pay/${session.data.out_trade_no}`)

      await sandbox.pay(session.data.out_trade_no)
      const orders = await waitFor(async () => {
        const found = await ordersOf(cartId)
        return found.length ? found : undefined
      })
      expect(orders).toHaveLength(1)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "total", "email"],
        filters: { id: orders[0].order_id },
      })
      expect(Number(order.total)).toBe(699)

      // WeChat retries for a day: the same callback again, several times at once, changes nothing.
      const original = callbacks.find((c) => c.body.includes("TRANSACTION.SUCCESS"))!
      const replays = await Promise.all(
        [1, 2, 3].map(() => postCallback(original.body, original.headers))
      )
      // WeChat Pay v3 expects 200 or 204 with no body; the hook answers 204.
      expect(replays.map((r) => r.status)).toEqual([204, 204, 204])
      expect(await replays[0].text()).toBe("")
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await ordersOf(cartId)).toHaveLength(1)
      const { data: payments } = await query.graph({
        entity: "payment",
        fields: ["id", "captured_at", "amount", "captures.id"],
        filters: { payment_collection_id: paymentCollectionId },
      })
      expect(payments).toHaveLength(1)
      expect(payments[0].captured_at).toBeTruthy()
      expect(payments[0].captures).toHaveLength(1)
    })

    it("lists a member's open WeChat checkouts for 继续支付 on any device, and only theirs", async () => {
      const key = store.headers["x-publishable-api-key"]
      const member = await registerCustomer(api, key, `pending-${randomUUID()}@example.com`)
      const other = await registerCustomer(api, key, `other-${randomUUID()}@example.com`)
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api,
        member,
        "sports-gene-test"
      )
      const session = await wechatSession(paymentCollectionId, member)
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=+total`, member)

      const { data } = await api.get("/store/customers/me/pending-payments", member)
      expect(data.pending_payments).toEqual([
        {
          cart_id: cartId,
          amount: cart.cart.total,
          titles: ["运动基因检测"],
          time_expire: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ])
      expect(
        (await api.get("/store/customers/me/pending-payments", other)).data.pending_payments
      ).toEqual([])
      expect(
        (await api.get("/store/customers/me/pending-payments", { ...store, ...noThrow })).status
      ).toBe(401)

      // Once WeChat confirms, the checkout is an order and nothing is left to pay.
      await sandbox.pay(session.data.out_trade_no)
      await waitFor(async () => ((await ordersOf(cartId)).length > 0 ? true : undefined))
      expect(
        (await api.get("/store/customers/me/pending-payments", member)).data.pending_payments
      ).toEqual([])
    })

    it("answers 401 to forged, tampered, unsigned or stale callbacks and completes nothing", async () => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api,
        store,
        "sports-gene-test"
      )
      const { data } = await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } },
        store
      )
      const session = data.payment_collection.payment_sessions[0]
      // A callback claiming this order was paid, well formed and encrypted with the real APIv3 key.
      const transaction = {
        appid: sandbox.keys.appid,
        mchid: sandbox.keys.mchid,
        out_trade_no: session.data.out_trade_no,
        transaction_id: "4200000000000000000000000001",
        trade_state: "SUCCESS",
        attach: session.id,
        amount: { total: session.data.total, currency: "CNY" },
      }
      const body = JSON.stringify({
        id: randomUUID(),
        event_type: "TRANSACTION.SUCCESS",
        resource_type: "encrypt-resource",
        summary: "支付成功",
        resource: encryptResource(
          JSON.stringify(transaction),
          sandbox.keys.apiV3Key,
          "transaction",
          "transaction"
        ),
      })
      const headersSignedWith = (
        key: string | import("crypto").KeyObject,
        text: string,
        timestamp = Math.floor(Date.now() / 1000)
      ) => ({
        "content-type": "application/json",
        "wechatpay-timestamp": String(timestamp),
        "wechatpay-nonce": "NONCE123",
        "wechatpay-serial": sandbox.keys.wechatpayPublicKeyId,
        "wechatpay-signature": signLines([String(timestamp), "NONCE123", text], key),
      })
      const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey

      const forged = await postCallback(body, headersSignedWith(stranger, body))
      expect(forged.status).toBe(401)
      const tampered = await postCallback(
        body.replace("支付成功", "支付成功!"),
        headersSignedWith(sandbox.keys.wechatpayPrivateKey, body)
      )
      expect(tampered.status).toBe(401)
      const unsigned = await postCallback(body, { "content-type": "application/json" })
      expect(unsigned.status).toBe(401)
      const stale = await postCallback(
        body,
        headersSignedWith(
          sandbox.keys.wechatpayPrivateKey,
          body,
          Math.floor(Date.now() / 1000) - 600
        )
      )
      expect(stale.status).toBe(401)

      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(await ordersOf(cartId)).toHaveLength(0)

      // The genuine article, signed by WeChat Pay's key, for an order WeChat has as paid (its
      // own callback lost), is recorded before it is answered 204.
      sandbox.setNotifyUrl("http://127.0.0.1:9/")
      try {
        await sandbox.pay(session.data.out_trade_no)
      } finally {
        sandbox.setNotifyUrl(recorderUrl)
      }
      const genuine = await postCallback(
        body,
        headersSignedWith(sandbox.keys.wechatpayPrivateKey, body)
      )
      expect(genuine.status).toBe(204)
      expect(await ordersOf(cartId)).toHaveLength(1)
    })

    it("recovers a payment whose callback never came, and closes expired unpaid ones", async () => {
      const startWechat = async (handle: string) => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store, handle)
        const { data } = await api.post(
          `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
          { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } },
          store
        )
        return { cartId, session: data.payment_collection.payment_sessions[0] }
      }
      const paid = await startWechat("sports-gene-test")
      const unpaid = await startWechat("nutrition-metabolism-gene-test")

      // The buyer pays, but WeChat's callback is lost on the way.
      sandbox.setNotifyUrl("http://127.0.0.1:9/")
      try {
        await sandbox.pay(paid.session.data.out_trade_no)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(await ordersOf(paid.cartId)).toHaveLength(0)

        // Before time_expire nothing is touched; after it, the sweep settles both.
        expect(await reconcilePendingPaymentSessions(getContainer())).toEqual({
          recovered: [],
          closed: [],
          refunded: [],
          noticed: [],
        })
        const later = new Date(Date.now() + 3 * 60 * 60 * 1000)
        const outcome = await reconcilePendingPaymentSessions(getContainer(), later)
        expect(outcome.recovered).toEqual([paid.cartId])
        expect(outcome.closed).toEqual([unpaid.session.data.out_trade_no])
      } finally {
        sandbox.setNotifyUrl(recorderUrl)
      }
      expect(await ordersOf(paid.cartId)).toHaveLength(1)
      expect(await ordersOf(unpaid.cartId)).toHaveLength(0)
      // The closed WeChat order can no longer be paid, so no money arrives for a dead cart.
      await expect(sandbox.pay(unpaid.session.data.out_trade_no)).rejects.toThrow()
      // Running again finds nothing left to do.
      expect(
        await reconcilePendingPaymentSessions(
          getContainer(),
          new Date(Date.now() + 3 * 60 * 60 * 1000)
        )
      ).toEqual({ recovered: [], closed: [], refunded: [], noticed: [] })
    })

    it("completes a paid cart whose callback was lost on the first sweep two minutes on, long before time_expire", async () => {
      const empty = { recovered: [], closed: [], refunded: [], noticed: [] }
      const paying = await cartReadyForPayment(api, store, "sports-gene-test")
      const paid = (await wechatSession(paying.paymentCollectionId, store)) as {
        id: string
        data: { out_trade_no: string; total: number; time_expire: string }
      }
      const waiting = await cartReadyForPayment(api, store, "nutrition-metabolism-gene-test")
      const unpaid = await wechatSession(waiting.paymentCollectionId, store)
      const soon = new Date(Date.now() + 3 * 60_000)
      expect(Date.parse(paid.data.time_expire)).toBeGreaterThan(soon.getTime())

      sandbox.setNotifyUrl("http://127.0.0.1:9/")
      try {
        await sandbox.pay(paid.data.out_trade_no)
        await sleep(500)
        expect(await ordersOf(paying.cartId)).toHaveLength(0)
        // Within two minutes of the session the buyer may still be paying: nobody is asked.
        expect(await reconcilePendingPaymentSessions(getContainer())).toEqual(empty)
        // Two minutes on, WeChat is asked: the paid cart becomes its order, the unpaid one waits.
        expect(await reconcilePendingPaymentSessions(getContainer(), soon)).toEqual({
          ...empty,
          recovered: [paying.cartId],
        })
        expect(await ordersOf(paying.cartId)).toHaveLength(1)
        expect(await ordersOf(waiting.cartId)).toHaveLength(0)
        // Again: one order, nothing else done.
        expect(await reconcilePendingPaymentSessions(getContainer(), soon)).toEqual(empty)
        expect(await ordersOf(paying.cartId)).toHaveLength(1)
      } finally {
        sandbox.setNotifyUrl(recorderUrl)
      }
      // The unpaid WeChat order was left open: paid now, its callback completes the cart.
      await sandbox.pay(unpaid.data.out_trade_no)
      const placed = await eventually(
        () => ordersOf(waiting.cartId),
        (orders) => orders.length > 0
      )
      expect(placed).toHaveLength(1)
    })

    it("allows offline payment only for 岳阳 addresses, and refuses it elsewhere before any order exists", async () => {
      const offline = async (address: Record<string, string>) => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(
          api as never,
          store,
          "sports-gene-test",
          address
        )
        await api.post(
          `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store
        )
        const answer = await api.post(
          `/store/carts/${cartId}/complete`,
          {},
          {
            ...store,
            validateStatus: () => true,
          }
        )
        return { cartId, answer }
      }

      const beijing = await offline(BEIJING_ADDRESS)
      expect(beijing.answer.status).toBe(400)
      expect(beijing.answer.data.message).toContain("线下支付仅限岳阳地区")
      expect(await ordersOf(beijing.cartId)).toHaveLength(0)

      const yueyang = await offline(YUEYANG_ADDRESS)
      expect(yueyang.answer.status).toBe(200)
      expect(yueyang.answer.data.type).toBe("order")
    })

    it("lets a member cancel their paid order before the kit ships: refunded in full through WeChat, kits voided, once only; refused after shipping and for others", async () => {
      const key = store.headers["x-publishable-api-key"]
      const member = await registerCustomer(api as never, key, "cancel-me@example.com")
      const stranger = await registerCustomer(api as never, key, "stranger@example.com")
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const paidOrder = async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(
          api,
          member,
          "nutrition-metabolism-gene-test"
        )
        const { data } = await api.post(
          `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
          { provider_id: "pp_wechatpay_wechatpay", data: { channel: "native" } },
          member
        )
        await sandbox.pay(data.payment_collection.payment_sessions[0].data.out_trade_no)
        const [{ order_id }] = await waitFor(async () => {
          const found = await ordersOf(cartId)
          return found.length ? found : undefined
        })
        // Kits are created by a subscriber once the order is placed.
        await waitFor(async () => (await archive.listKits({ order_id })).length > 0 || undefined)
        return order_id as string
      }
      const call = (method: "get" | "post", url: string, who: object) =>
        (api as any)[method](url, ...(method === "post" ? [{}] : []), {
          ...who,
          validateStatus: () => true,
        })

      const orderId = await paidOrder()
      const before = await call("get", `/store/orders/${orderId}/cancellation`, member)
      expect(before.data).toEqual({ cancellation: { allowed: true, reason: null } })

      // Someone else's order does not exist for them.
      for (const answer of [
        await call("get", `/store/orders/${orderId}/cancellation`, stranger),
        await call("post", `/store/orders/${orderId}/cancel`, stranger),
      ]) {
        expect(answer.status).toBe(404)
        expect(answer.data.message).toBe("订单不存在")
      }
      // Nor for a visitor: the order guard answers before the route asks them to sign in.
      expect((await call("post", `/store/orders/${orderId}/cancel`, store)).status).toBe(404)

      // A double click: exactly one cancel goes through, the other is told why.
      const answers = await Promise.all(
        [1, 2].map(() => call("post", `/store/orders/${orderId}/cancel`, member))
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      expect(answers.find((a) => a.status === 409)!.data.message).toBe("订单已取消")

      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["status", "payment_collections.payments.refunds.amount"],
        filters: { id: orderId },
      })
      expect(order.status).toBe("canceled")
      type Paid = { payments: { refunds: { amount: unknown }[] }[] }
      const refunds = (order.payment_collections as Paid[]).flatMap((collection) =>
        collection.payments.flatMap((payment) => payment.refunds)
      )
      expect(refunds.map((refund) => Number(refund.amount))).toEqual([699])
      const kits = await waitFor(async () => {
        const all = await archive.listKits({ order_id: orderId })
        return all.every((kit) => kit.status === "cancelled") ? all : undefined
      })
      expect(kits.length).toBeGreaterThan(0)
      expect((await call("get", `/store/orders/${orderId}/cancellation`, member)).data).toEqual({
        cancellation: { allowed: false, reason: "订单已取消" },
      })

      // Once a kit has left the warehouse it is a return, not a cancellation.
      const shippedId = await paidOrder()
      const [kit] = await archive.listKits({ order_id: shippedId })
      await advanceKitWorkflow(getContainer()).run({
        input: { kit_id: kit.id, action: "ship", staff_id: "user_test" },
      })
      const refused = await call("post", `/store/orders/${shippedId}/cancel`, member)
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe("检测盒已寄出，订单不能再取消；如需退款请联系客服")
      const {
        data: [kept],
      } = await query.graph({ entity: "order", fields: ["status"], filters: { id: shippedId } })
      expect(kept.status).toBe("pending")
    })

    it("WeChat took the money but the cart can no longer become an order: the poller refunds it in full, once, marks the session and tells the member", async () => {
      const { member, cartId, session } = await cartWhoseCreditIsSpentElsewhere("gone@example.com")
      const tradeNo = session.data.out_trade_no
      expect(session.data.total).toBe(64900)

      // The buyer pays; WeChat's callback is lost, so the poller finds the session at expiry.
      sandbox.setNotifyUrl("http://127.0.0.1:9/")
      try {
        await sandbox.pay(tradeNo)
        const later = new Date(Date.now() + 3 * 60 * 60 * 1000)
        expect(await reconcilePendingPaymentSessions(getContainer(), later)).toEqual({
          recovered: [],
          closed: [],
          refunded: [tradeNo],
          noticed: [],
        })
        // Running again (the next minute, another worker) refunds nothing more.
        expect(await reconcilePendingPaymentSessions(getContainer(), later)).toEqual({
          recovered: [],
          closed: [],
          refunded: [],
          noticed: [],
        })
      } finally {
        sandbox.setNotifyUrl(recorderUrl)
      }

      expect(await ordersOf(cartId)).toHaveLength(0)
      expect(
        sandbox.refundsOf(tradeNo).map((r) => [r.out_refund_no, r.amount.refund, r.status])
      ).toEqual([[`${tradeNo}_VOID`, 64900, "SUCCESS"]])
      const marked = await sessionRow(session.id)
      expect(marked?.status).toBe("canceled")
      expect(marked?.data.unplaced_refund).toMatchObject({
        out_trade_no: tradeNo,
        out_refund_no: `${tradeNo}_VOID`,
        amount: 64900,
        status: "SUCCESS",
        reason: "可用余额不足：当前可用 ¥0.00",
      })
      const { data: cartAfter } = await api.get(`/store/carts/${cartId}`, member)
      expect(cartAfter.cart.metadata.wechatpay_unplaced_refund).toMatchObject({
        out_refund_no: `${tradeNo}_VOID`,
        amount: 64900,
      })
      // Told by the payment.unplaced_refunded subscriber, in the background.
      const notices = await eventually(
        async () =>
          (await api.get("/store/inbox", member)).data.messages.filter(
            (m: { title: string }) => m.title === "订单未能生成，已原路退款"
          ),
        (found) => found.length > 0
      )
      expect(notices.map((m: { body: string }) => m.body)).toEqual([
        "您通过微信支付的 ¥649.00 未能生成订单（可用余额不足：当前可用 ¥0.00），款项已原路退回，通常 1–3 个工作日到账。如需购买请重新下单。",
      ])

      // WeChat's callback arrives after all, twice: the refunded session places no order.
      const late = paidCallback(session)
      const answers = await Promise.all([1, 2].map(() => postCallback(late.body, late.headers)))
      expect(answers.map((a) => a.status)).toEqual([204, 204])
      await sleep(8000)
      expect(await ordersOf(cartId)).toHaveLength(0)
      expect(sandbox.refundsOf(tradeNo)).toHaveLength(1)
      expect((await sessionRow(session.id))?.status).toBe("canceled")
    })

    it("WeChat's callback arrives but the cart cannot be completed: Medusa's compensation refunds it in full, the poller records it and tells the member once; replays change nothing", async () => {
      const { member, cartId, session } = await cartWhoseCreditIsSpentElsewhere("late@example.com")
      const tradeNo = session.data.out_trade_no
      await sandbox.pay(tradeNo)
      // The callback's completion fails; the refund of the captured payment follows it.
      const [refund] = await waitFor(async () => {
        const found = sandbox.refundsOf(tradeNo)
        return found.length ? found : undefined
      }, 40_000)
      expect([refund.amount.refund, refund.status]).toEqual([64900, "SUCCESS"])
      expect(refund.out_refund_no).toMatch(/^RF[0-9a-f]{30}$/)
      expect(await ordersOf(cartId)).toHaveLength(0)

      // Once Medusa has the provider's answer on the payment, the poller's sweep tells it.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const paymentOfSession = async () =>
        (
          await query.graph({
            entity: "payment",
            fields: ["id", "data", "refunds.amount"],
            filters: { payment_session_id: session.id },
          })
        ).data[0]
      // The payment's data is the provider's JSON blob; the generated query types say only `{}`.
      const providerRefunds = async () =>
        ((await paymentOfSession())?.data as { refunds?: unknown[] } | null | undefined)?.refunds
      await waitFor(async () => ((await providerRefunds())?.length ? true : undefined))
      expect(await reconcilePendingPaymentSessions(getContainer())).toEqual({
        recovered: [],
        closed: [],
        refunded: [],
        noticed: [tradeNo],
      })
      const payment = await paymentOfSession()
      const refundAmounts = payment.refunds.map((r: { amount: unknown } | null) =>
        Number(r?.amount)
      )
      expect(refundAmounts).toEqual([649])
      expect((payment.data as Record<string, any>).unplaced_refund).toMatchObject({
        out_trade_no: tradeNo,
        out_refund_no: refund.out_refund_no,
        amount: 64900,
        status: "SUCCESS",
        reason: "订单校验未通过",
      })
      const { data: cartAfter } = await api.get(`/store/carts/${cartId}`, member)
      expect(cartAfter.cart.metadata.wechatpay_unplaced_refund).toMatchObject({
        out_refund_no: refund.out_refund_no,
        amount: 64900,
      })
      const notices = async () =>
        (await api.get("/store/inbox", member)).data.messages
          .filter((m: { title: string }) => m.title === "订单未能生成，已原路退款")
          .map((m: { body: string }) => m.body)
      expect(await eventually(notices, (found) => found.length > 0)).toEqual([
        "您通过微信支付的 ¥649.00 未能生成订单（订单校验未通过），款项已原路退回，通常 1–3 个工作日到账。如需购买请重新下单。",
      ])

      // Told once; WeChat's retries of the same callback neither place an order nor refund again.
      expect((await reconcilePendingPaymentSessions(getContainer())).noticed).toEqual([])
      const late = paidCallback(session)
      const answers = await Promise.all([1, 2].map(() => postCallback(late.body, late.headers)))
      expect(answers.map((a) => a.status)).toEqual([204, 204])
      await sleep(8000)
      expect(await ordersOf(cartId)).toHaveLength(0)
      expect(sandbox.refundsOf(tradeNo)).toHaveLength(1)
      expect(await notices()).toHaveLength(1)
    })

    it("refunds part of a paid order from the admin, then the rest; a refund beyond what was paid is refused", async () => {
      const admin = await adminHeaders(getContainer(), api as never, "finance@health.local")
      const { orderId, paymentId, tradeNo } = await paidOrder(
        store,
        "nutrition-metabolism-gene-test"
      )

      const first = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 200 }, admin)
      expect(first.status).toBe(200)
      const tooMuch = await api.post(
        `/admin/payments/${paymentId}/refund`,
        { amount: 499.01 },
        { ...admin, ...noThrow }
      )
      expect([tooMuch.status, tooMuch.data.message]).toEqual([
        400,
        "退款金额超过可退金额：该笔微信支付最多还可退 ¥499.00",
      ])
      const second = await api.post(`/admin/payments/${paymentId}/refund`, { amount: 499 }, admin)
      expect(second.status).toBe(200)
      const atWechat = sandbox.refundsOf(tradeNo)
      expect(atWechat.map((r) => [r.amount.refund, r.amount.total, r.status])).toEqual([
        [20000, 69900, "SUCCESS"],
        [49900, 69900, "SUCCESS"],
      ])
      expect(new Set(atWechat.map((r) => r.out_refund_no)).size).toBe(2)
      expect((await paymentData(paymentId)).refunds.map((r) => [r.amount, r.status])).toEqual([
        [20000, "SUCCESS"],
        [49900, "SUCCESS"],
      ])

      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=payment_status,total,*payment_collections.payments.refunds`,
        admin
      )
      expect(data.order.payment_status).toBe("refunded")
      const refunded = data.order.payment_collections
        .flatMap((c: { payments: { refunds: { amount: number }[] }[] }) => c.payments)
        .flatMap((p: { refunds: { amount: number }[] }) => p.refunds)
        .map((r: { amount: number }) => Number(r.amount))
      expect(refunded.sort((a: number, b: number) => a - b)).toEqual([200, 499])

      const third = await api.post(
        `/admin/payments/${paymentId}/refund`,
        { amount: 1 },
        { ...admin, ...noThrow }
      )
      expect([third.status, third.data.message]).toEqual([400, "该笔微信支付已全部退款"])
      expect(sandbox.refundsOf(tradeNo)).toHaveLength(2)
    })

    it("follows a refund WeChat answers PROCESSING: the callback settles it, a lost callback is asked for, ABNORMAL reaches finance", async () => {
      const admin = await adminHeaders(getContainer(), api as never, "finance2@health.local")
      const { orderId, paymentId, tradeNo } = await paidOrder(store, "sports-gene-test")
      sandbox.setRefundMode("PROCESSING")
      try {
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)
        const [pending] = (await paymentData(paymentId)).refunds
        expect([pending.amount, pending.status]).toEqual([10000, "PROCESSING"])

        // WeChat settles it and says so by a REFUND.SUCCESS callback.
        await sandbox.settleRefund(pending.out_refund_no, "SUCCESS")
        await waitFor(async () =>
          (await paymentData(paymentId)).refunds[0].status === "SUCCESS" ? true : undefined
        )

        // The next one's callback is lost: the follow-up job asks WeChat and finds it ABNORMAL.
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 50 }, admin)
        const stuck = (await paymentData(paymentId)).refunds[1]
        expect([stuck.amount, stuck.status]).toEqual([5000, "PROCESSING"])
        sandbox.setNotifyUrl("http://127.0.0.1:9/")
        await sandbox.settleRefund(stuck.out_refund_no, "ABNORMAL")
        const job = { out_refund_no: stuck.out_refund_no, checks: 0 }
        const followWechatRefund = async (
          container: ReturnType<typeof getContainer>,
          input: typeof job
        ) => (await followWechatRefundWorkflow(container).run({ input })).result
        expect(await followWechatRefund(getContainer(), job)).toEqual({
          status: "ABNORMAL",
          change: { from: "PROCESSING", to: "ABNORMAL" },
        })
        expect(await followWechatRefund(getContainer(), job)).toEqual({
          status: "ABNORMAL",
          change: null,
        })
      } finally {
        sandbox.setRefundMode("SUCCESS")
        sandbox.setNotifyUrl(recorderUrl)
      }
      expect((await paymentData(paymentId)).refunds.map((r) => r.status)).toEqual([
        "SUCCESS",
        "ABNORMAL",
      ])
      expect(sandbox.refundsOf(tradeNo).map((r) => r.status)).toEqual(["SUCCESS", "ABNORMAL"])
      const audit = await getContainer()
        .resolve<{ listAuditEntries: (f: object) => Promise<{ details: any }[]> }>("auditLog")
        .listAuditEntries({ action: "payments.refund_abnormal" })
      expect(audit.map((entry) => entry.details.order_id)).toEqual([orderId])
      const { data } = await api.get(`/admin/orders/${orderId}?fields=metadata`, admin)
      expect(data.order.metadata.wechatpay_refund_alerts).toEqual([
        {
          out_refund_no: (await paymentData(paymentId)).refunds[1].out_refund_no,
          status: "ABNORMAL",
          note: "微信退款异常（ABNORMAL）：买家的收款账户无法入账，请在微信支付商户平台「交易中心 → 退款管理」处理异常退款",
        },
      ])

      // A forged refund callback is refused and changes nothing.
      const forged = await fetch(`${api.defaults.baseURL}/hooks/wechatpay/refund`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event_type: "REFUND.SUCCESS" }),
      })
      expect(forged.status).toBe(401)
    })
  },
})
