import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { encryptResource } from "@health/medusa-plugin-wechatpay/lib/aead"
import { signLines } from "@health/medusa-plugin-wechatpay/lib/signature"
import { loadOrCreateSandboxKeys, providerEnv } from "@health/medusa-plugin-wechatpay/sandbox/keys"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox/server"
import { generateKeyPairSync, randomUUID } from "crypto"
import { reconcileWechatSessions } from "../../src/queues/payments-queue"
import seed from "../../src/scripts/seed"
import { BEIJING_ADDRESS, cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { registerCustomer } from "../helpers/actors"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { advanceKitWorkflow } from "../../src/workflows/health-archive/advance-kit"

jest.setTimeout(180_000)

// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const SANDBOX_PORT = 19400 + (process.pid % 500)
const dataDir = mkdtempSync(path.join(tmpdir(), "wxpay-checkout-"))
Object.assign(
  process.env,
  providerEnv(
    loadOrCreateSandboxKeys(dataDir),
    dataDir,
    `http://localhost:${SANDBOX_PORT}`,
    "http://localhost/hooks/payment/wechatpay_wechatpay"
  )
)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let recorderUrl: string
    let store: { headers: Record<string, string> }
    const callbacks: { body: string; headers: Record<string, string> }[] = []

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
            const answer = await fetch(
              `${api.defaults.baseURL}/hooks/payment/wechatpay_wechatpay`,
              {
                method: "POST",
                headers: { ...headers, host: "" },
                body,
              }
            )
            res.writeHead(answer.status)
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
    })

    afterAll(async () => {
      await sandbox?.close()
    })

    beforeEach(async () => {
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
      expect(replays.every((r) => r.status === 200)).toBe(true)
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

      // The genuine article, signed by WeChat Pay's key, is accepted.
      const genuine = await postCallback(
        body,
        headersSignedWith(sandbox.keys.wechatpayPrivateKey, body)
      )
      expect(genuine.status).toBe(200)
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
        expect(await reconcileWechatSessions(getContainer())).toEqual({ recovered: [], closed: [] })
        const later = new Date(Date.now() + 3 * 60 * 60 * 1000)
        const outcome = await reconcileWechatSessions(getContainer(), later)
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
        await reconcileWechatSessions(getContainer(), new Date(Date.now() + 3 * 60 * 60 * 1000))
      ).toEqual({ recovered: [], closed: [] })
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
      expect((await call("post", `/store/orders/${orderId}/cancel`, store)).status).toBe(401)

      // A double click: exactly one cancel goes through, the other is told why.
      const answers = await Promise.all(
        [1, 2].map(() => call("post", `/store/orders/${orderId}/cancel`, member))
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
      expect(answers.find((a) => a.status === 400)!.data.message).toBe("订单已取消")

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
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("检测盒已寄出，订单不能再取消；如需退款请联系客服")
      const {
        data: [kept],
      } = await query.graph({ entity: "order", fields: ["status"], filters: { id: shippedId } })
      expect(kept.status).toBe("pending")
    })
  },
})
