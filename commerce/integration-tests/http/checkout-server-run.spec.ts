import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { registerCustomer } from "../helpers/actors"
import { BEIJING_ADDRESS, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"

jest.setTimeout(300_000)

process.env.CMS_CACHE_TTL_MS = "0"
// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Who = { headers: Record<string, string> }
type Body = Record<string, unknown>

const SITES: Record<string, object> = {
  "site-yueyang": {
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    capacity_per_slot: 3,
    active: true,
  },
}

/** Collection sites as Strapi 5's REST API answers them. */
function startCmsStandIn() {
  return createServer((req, res) => {
    const [, api, type, documentId] = new URL(req.url ?? "/", "http://cms").pathname.split("/")
    const fields = documentId ? SITES[documentId] : undefined
    res.writeHead(api === "api" && type === "collection-sites" && fields ? 200 : 404, {
      "content-type": "application/json",
    })
    res.end(
      JSON.stringify(
        fields
          ? { data: { id: 1, documentId, ...fields }, meta: {} }
          : { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } }
      )
    )
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let cms: Server
    let guest: Who
    let publishableKey: string
    const noThrow = { validateStatus: () => true }
    // Beijing's today, fixed when each test starts (a test may run across Beijing midnight).
    let today = shanghaiToday()
    beforeEach(() => {
      today = shanghaiToday()
    })
    const day = (offset: number) => addDays(today, offset)

    const openSandbox = async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // WeChat's notifications go straight to this test's app.
      sandbox.setNotifyUrl(`${api.defaults.baseURL}/hooks/payment/wechatpay_wechatpay`)
    }

    beforeAll(async () => {
      await openSandbox()
      cms = startCmsStandIn()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      guest = { headers: { "x-publishable-api-key": publishableKey } }
    })

    afterAll(async () => {
      await sandbox?.close()
      await new Promise((resolve) => cms.close(resolve))
    })

    const member = () =>
      registerCustomer(api as never, publishableKey, `buyer-${randomUUID()}@example.com`)

    const creditBalance = async (who: Who, fen: number) => {
      const { data } = await api.get("/store/affiliate/me", who)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(
          `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
           values (?, ?, 'available', 'adjustment', ?, ?)`,
          [`afle_${randomUUID()}`, data.affiliate.id, fen, randomUUID()]
        )
    }

    const availableFen = async (who: Who) => {
      const { data } = await api.get("/store/affiliate/me", who)
      return Number(data.balances?.available ?? data.affiliate?.balances?.available)
    }

    /** A cart with one line of each gene test named, as the shopper filled it. */
    async function cartWith(who: Who, handles: string[]) {
      const { data: regions } = await api.get("/store/regions", who)
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id },
        who
      )
      const cartId = created.cart.id as string
      const lineIds: string[] = []
      for (const handle of handles) {
        const { data: list } = await api.get(
          `/store/products?handle=${handle}&fields=*variants`,
          who
        )
        const { data } = await api.post(
          `/store/carts/${cartId}/line-items`,
          {
            variant_id: list.products[0].variants.find(
              (v: { title: string }) => v.title === "标准版 / 单人装"
            ).id,
            quantity: 1,
          },
          who
        )
        lineIds.push(data.cart.items.find((item: { id: string }) => !lineIds.includes(item.id)).id)
      }
      return { cartId, lineIds }
    }

    const body = (lineIds: string[], extra: Body = {}): Body => ({
      email: "buyer@example.com",
      address: BEIJING_ADDRESS,
      lines: lineIds.map((line_id) => ({ line_id, method: "mail_in" })),
      store_credit_fen: 0,
      payment: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
      ...extra,
    })

    const checkout = (cartId: string, payload: Body, who: Who) =>
      api.post(`/store/carts/${cartId}/checkout`, payload, { ...who, ...noThrow })

    const paymentStatus = (cartId: string, who: Who) =>
      api.get(`/store/carts/${cartId}/payment-status`, { ...who, ...noThrow })

    /** The cart as the database holds it: sessions, credit lines, shipping, line metadata. */
    const cartRow = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "cart",
        fields: [
          "id",
          "completed_at",
          "metadata",
          "items.id",
          "items.metadata",
          "credit_lines.id",
          "shipping_methods.id",
          "payment_collection.payment_sessions.id",
          "payment_collection.payment_sessions.data",
        ],
        filters: { id: cartId },
      })
      return data[0] as any
    }

    it("PC browser: one call answers WeChat Native's QR code, the notification completes the cart, payment-status reads the order", async () => {
      const { cartId, lineIds } = await cartWith(guest, ["nutrition-metabolism-gene-test"])
      const answered = await checkout(cartId, body(lineIds), guest)
      expect(answered.status).toBe(200)
      expect(answered.data.cart_id).toBe(cartId)
      expect(answered.data.payment_action).toMatchObject({ kind: "qr_code" })
      expect(answered.data.payment_action.code_url).toEqual(expect.any(String))
      expect(answered.data.order).toBeUndefined()

      const waiting = await paymentStatus(cartId, guest)
      expect(waiting.data).toEqual({ status: "waiting" })
      // Reading the status completes nothing.
      expect((await cartRow(cartId)).completed_at).toBeNull()

      const row = await cartRow(cartId)
      expect(row.items[0].metadata).toMatchObject({ test_method: "mail_in" })
      const [session] = row.payment_collection.payment_sessions
      expect(answered.data.amount_fen).toBe(session.data.total)
      await sandbox.pay(session.data.out_trade_no)
      const paid = await eventually(
        async () => (await paymentStatus(cartId, guest)).data,
        (data) => data.status === "paid"
      )
      expect(paid.order).toEqual({ id: expect.any(String), display_id: expect.any(Number) })
      expect(paid.order_access_token).toEqual(expect.any(String))
    })

    it("a retried identical request gets the same answer and opens no second session", async () => {
      const { cartId, lineIds } = await cartWith(guest, ["sports-gene-test"])
      const first = await checkout(cartId, body(lineIds), guest)
      const again = await checkout(cartId, body(lineIds), guest)
      expect(first.status).toBe(200)
      expect(again.status).toBe(200)
      expect(again.data).toEqual(first.data)
      const row = await cartRow(cartId)
      expect(row.payment_collection.payment_sessions).toHaveLength(1)
    })

    it("concurrent checkouts of one cart: the one that finds it taken gets a 409 in Chinese, and one session exists", async () => {
      const { cartId, lineIds } = await cartWith(guest, ["drug-metabolism-gene-test"])
      const locking = getContainer().resolve(Modules.LOCKING)
      let release!: () => void
      const held = locking.execute(
        `checkout:${cartId}`,
        () => new Promise<void>((resolve) => (release = resolve)),
        { expire: 30 }
      )
      await eventually(
        async () => release,
        (fn) => typeof fn === "function"
      )
      const loser = await checkout(cartId, body(lineIds), guest)
      release()
      await held
      expect(loser.status).toBe(409)
      expect(loser.data.message).toBe("正在为该购物车提交订单，请勿重复提交，稍候查看支付结果")

      const both = await Promise.all([
        checkout(cartId, body(lineIds), guest),
        checkout(cartId, body(lineIds), guest),
      ])
      expect(both.map((r) => r.status).sort()).toEqual(
        both.some((r) => r.status === 409) ? [200, 409] : [200, 200]
      )
      expect((await cartRow(cartId)).payment_collection.payment_sessions).toHaveLength(1)
    })

    it("phone browser with an on-site line: WeChat H5's redirect; the site, day and slot go on the line", async () => {
      const buyer = await member()
      const { cartId, lineIds } = await cartWith(buyer, [
        "nutrition-metabolism-gene-test",
        "sports-gene-test",
      ])
      const collection = { site_id: "site-yueyang", date: day(9), slot: "10:00-11:00" }
      const answered = await checkout(
        cartId,
        body(lineIds, {
          lines: [
            { line_id: lineIds[0], method: "mail_in" },
            { line_id: lineIds[1], method: "on_site", collection },
          ],
          payment: { provider_id: "pp_wechatpay_wechatpay", channel: "mobile_browser" },
        }),
        buyer
      )
      expect(answered.status).toBe(200)
      expect(answered.data.payment_action).toMatchObject({ kind: "redirect" })
      const row = await cartRow(cartId)
      const onSite = row.items.find((item: { id: string }) => item.id === lineIds[1])
      expect(onSite.metadata).toMatchObject({
        test_method: "on_site",
        collection: { ...collection, site_name: "岳阳楼区采集点" },
      })
    })

    it("offline payment in 岳阳 places the order at once; payment-status waits for finance", async () => {
      const { cartId, lineIds } = await cartWith(guest, ["sports-gene-test"])
      const answered = await checkout(
        cartId,
        body(lineIds, {
          address: YUEYANG_ADDRESS,
          payment: { provider_id: "pp_system_default", channel: "pc_browser" },
        }),
        guest
      )
      expect(answered.status).toBe(200)
      expect(answered.data.payment_action).toMatchObject({ kind: "offline" })
      expect(answered.data.order.display_id).toEqual(expect.any(Number))
      const status = await paymentStatus(cartId, guest)
      expect(status.data).toMatchObject({ status: "waiting", order: answered.data.order })
    })

    it("the mini-program's H5 build pays like a phone browser and is recorded on the order for finance", async () => {
      const { cartId, lineIds } = await cartWith(guest, ["sports-gene-test"])
      const refused = await checkout(cartId, body(lineIds, { client: "weapp" }), guest)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("字段 client：取值必须是 miniprogram_h5 之一")
      const answered = await checkout(
        cartId,
        body(lineIds, {
          address: YUEYANG_ADDRESS,
          payment: { provider_id: "pp_system_default", channel: "mobile_browser" },
          client: "miniprogram_h5",
        }),
        guest
      )
      expect(answered.status).toBe(200)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "metadata"],
        filters: { display_id: answered.data.order.display_id },
      })
      // Finance's channel breakdown reads it from the order (finance-summary.spec.ts).
      expect((order as any).metadata).toMatchObject({ checkout_client: "miniprogram_h5" })
    })

    it("store credit that covers the total places the order with nothing to pay", async () => {
      const buyer = await member()
      await creditBalance(buyer, 1_000_000)
      const before = await availableFen(buyer)
      const { cartId, lineIds } = await cartWith(buyer, ["sports-gene-test"])
      const answered = await checkout(cartId, body(lineIds, { store_credit_fen: 1_000_000 }), buyer)
      expect(answered.status).toBe(200)
      expect(answered.data.payment_action).toEqual({ kind: "none" })
      expect(answered.data.amount_fen).toBe(0)
      const status = await paymentStatus(cartId, buyer)
      expect(status.data).toMatchObject({ status: "paid", order: answered.data.order })
      expect(await availableFen(buyer)).toBeLessThan(before)
    })

    it("refuses, in Chinese and on the field, what the shopper must fix", async () => {
      const { cartId, lineIds } = await cartWith(guest, [
        "nutrition-metabolism-gene-test",
        "sports-gene-test",
      ])
      const refusals: [Body, string, string][] = [
        [
          { payment: { provider_id: "pp_alipay_alipay", channel: "miniprogram" } },
          "payment.provider_id",
          "在微信内仅支持微信支付",
        ],
        [
          { payment: { provider_id: "pp_unionpay_unionpay", channel: "pc_browser" } },
          "payment.provider_id",
          "本店暂未开通银联支付",
        ],
        [
          { payment: { provider_id: "pp_system_default", channel: "pc_browser" } },
          "payment.provider_id",
          "线下支付仅限岳阳地区的订单",
        ],
        [
          { payment: { provider_id: "pp_wechatpay_wechatpay", channel: "miniprogram" } },
          "payment.openid",
          "请先用微信登录后再支付",
        ],
        [
          { lines: [{ line_id: lineIds[0], method: "mail_in" }] },
          "lines",
          "请为「运动基因检测」选择采样方式（寄送采样盒或采集点现场采集）",
        ],
        [
          {
            lines: [
              { line_id: lineIds[0], method: "mail_in" },
              {
                line_id: lineIds[1],
                method: "on_site",
                collection: { site_id: "site-yueyang", date: day(9), slot: "10:00-11:00" },
              },
            ],
          },
          "lines.1.method",
          "现场采集需登录会员后预约时段，请先登录，或选择寄送采样盒",
        ],
        [{ store_credit_fen: 100 }, "store_credit_fen", "余额抵扣仅限登录会员使用"],
        [
          { address: { ...BEIJING_ADDRESS, address_1: "" } },
          "address.address_1",
          "请填写详细地址（街道、门牌号）",
        ],
      ]
      for (const [extra, field, message] of refusals) {
        const refused = await checkout(cartId, body(lineIds, extra), guest)
        expect([refused.status, refused.data.message]).toEqual([400, message])
        expect(refused.data.problems).toContainEqual({ field, message })
      }
      const malformed = await checkout(cartId, body(lineIds, { email: "not-an-email" }), guest)
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toContain("请填写正确的邮箱")
      // Nothing was written by any of them.
      const row = await cartRow(cartId)
      expect(row.payment_collection ?? null).toBeNull()
      expect(row.items.every((item: any) => !item.metadata?.test_method)).toBe(true)
    })

    it("a member's cart answers nobody else", async () => {
      const owner = await member()
      const { cartId, lineIds } = await cartWith(owner, ["sports-gene-test"])
      await api.post(`/store/carts/${cartId}/customer`, {}, owner)
      const other = await member()
      expect((await checkout(cartId, body(lineIds), other)).status).toBe(404)
      expect((await checkout(cartId, body(lineIds), guest)).status).toBe(404)
      expect((await paymentStatus(cartId, other)).status).toBe(404)
    })

    it("when the payment cannot be opened, the cart is left as it was: no credit spent, no method kept, no session", async () => {
      const buyer = await member()
      await creditBalance(buyer, 10_000)
      const before = await availableFen(buyer)
      const { cartId, lineIds } = await cartWith(buyer, ["sports-gene-test"])
      await sandbox.close()
      try {
        const failed = await checkout(
          cartId,
          body(lineIds, {
            store_credit_fen: 5_000,
            lines: [
              {
                line_id: lineIds[0],
                method: "on_site",
                collection: { site_id: "site-yueyang", date: day(10), slot: "10:00-11:00" },
              },
            ],
          }),
          buyer
        )
        expect(failed.status).toBe(422)
        expect(failed.data.message).toBe("支付发起失败，请稍后重试或更换支付方式")
      } finally {
        await openSandbox()
      }
      const row = await cartRow(cartId)
      expect(row.credit_lines ?? []).toHaveLength(0)
      expect(row.shipping_methods ?? []).toHaveLength(0)
      expect(row.items[0].metadata?.test_method || null).toBeNull()
      expect(row.metadata?.checkout_fingerprint || null).toBeNull()
      expect(row.payment_collection?.payment_sessions ?? []).toHaveLength(0)
      expect(await availableFen(buyer)).toBe(before)
      const { data: appointments } = await api.get("/store/appointments", buyer)
      expect(appointments.appointments ?? []).toHaveLength(0)

      // The same request succeeds once the provider answers again.
      const retried = await checkout(cartId, body(lineIds, { store_credit_fen: 5_000 }), buyer)
      expect(retried.status).toBe(200)
      expect(retried.data.payment_action.kind).toBe("qr_code")
    })
  },
})
