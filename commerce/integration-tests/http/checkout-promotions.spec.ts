import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import seed from "../../src/scripts/seed"
import { DEMO_PROMOTION_CODE } from "../../src/scripts/seed/demo-promotions"
import { BEIJING_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"

jest.setTimeout(300_000)

// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Who = { headers: Record<string, string> }
const noThrow = { validateStatus: () => true }
const DAY = 86_400_000
const fen = (amount: unknown) => Math.round(Number(amount) * 100)

/** ¥10 off, order-wide, in yuan; each refused code adds what makes it fail. */
const tenYuanOff = {
  type: "fixed",
  target_type: "order",
  allocation: "across",
  value: 10,
  currency_code: "cny",
} as const

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let guest: Who

    beforeAll(async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      sandbox.setNotifyUrl(`${api.defaults.baseURL}/hooks/payment/wechatpay_wechatpay`)
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      guest = { headers: { "x-publishable-api-key": key.token } }

      const now = Date.now()
      const { data: others } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product", fields: ["id"], filters: { handle: "ancestry-gene-test" } })
      const campaign = (identifier: string, starts: number, ends: number) => ({
        name: identifier,
        campaign_identifier: identifier,
        starts_at: new Date(starts),
        ends_at: new Date(ends),
      })
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "EXPIRED10",
              type: "standard",
              status: "active",
              application_method: tenYuanOff,
              campaign: campaign("expired-10", now - 10 * DAY, now - DAY),
            },
            {
              code: "SOON10",
              type: "standard",
              status: "active",
              application_method: tenYuanOff,
              campaign: campaign("soon-10", now + DAY, now + 10 * DAY),
            },
            {
              code: "ONCE10",
              type: "standard",
              status: "active",
              limit: 1,
              application_method: tenYuanOff,
            },
            {
              // Automatic: ¥5 off the ancestry test, no code typed.
              code: "AUTO-ANCESTRY5",
              type: "standard",
              status: "active",
              is_automatic: true,
              application_method: {
                ...tenYuanOff,
                value: 5,
                target_type: "items",
                allocation: "each",
                max_quantity: 1,
                target_rules: [
                  { attribute: "items.product.id", operator: "in", values: [others[0].id] },
                ],
              },
            },
            {
              // A minimum spend no test kit reaches (¥100,000).
              code: "RICH10",
              type: "standard",
              status: "active",
              application_method: tenYuanOff,
              rules: [{ attribute: "item_total", operator: "gte", values: ["100000"] }],
            },
            {
              code: "ANCESTRY10",
              type: "standard",
              status: "active",
              application_method: {
                ...tenYuanOff,
                target_type: "items",
                allocation: "each",
                max_quantity: 1,
                target_rules: [
                  { attribute: "items.product.id", operator: "in", values: [others[0].id] },
                ],
              },
            },
          ],
        } as never,
      })
      // Used once already: the promotion's usage counter is what Medusa checks.
      await container
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`update promotion set used = 1 where code = 'ONCE10'`)
    })

    afterAll(async () => {
      await sandbox?.close()
    })

    async function cartWith(handle: string) {
      const { data: regions } = await api.get("/store/regions", guest)
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id },
        guest
      )
      const cartId = created.cart.id as string
      const { data: list } = await api.get(
        `/store/products?handle=${handle}&fields=*variants`,
        guest
      )
      const variant = list.products[0].variants.find(
        (v: { title: string }) => v.title === "标准版 / 单人装"
      )
      const { data } = await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variant.id, quantity: 1 },
        guest
      )
      return { cartId, lineId: data.cart.items[0].id as string }
    }

    const apply = (cartId: string, code: string) =>
      api.post(
        `/store/carts/${cartId}/promotions`,
        { promo_codes: [code] },
        { ...guest, ...noThrow }
      )

    const refusal = (cartId: string, code: string) =>
      api.get(`/store/carts/${cartId}/promotion-refusal?code=${encodeURIComponent(code)}`, {
        ...guest,
        ...noThrow,
      })

    it("the demo code takes ¥20 off Medusa's totals, is read as applied, and comes off again", async () => {
      const { cartId } = await cartWith("sports-gene-test")
      const applied = await apply(cartId, DEMO_PROMOTION_CODE)
      expect(applied.status).toBe(200)
      const cart = applied.data.cart
      expect(cart.promotions.map((p: { code: string }) => p.code)).toEqual([DEMO_PROMOTION_CODE])
      expect(fen(cart.discount_total)).toBe(2000)
      expect(fen(cart.total)).toBe(fen(cart.original_total) - 2000)
      expect((await refusal(cartId, DEMO_PROMOTION_CODE)).data).toEqual({
        code: DEMO_PROMOTION_CODE,
        applied: true,
        refusal: null,
      })

      const removed = await api.delete(`/store/carts/${cartId}/promotions`, {
        ...guest,
        data: { promo_codes: [DEMO_PROMOTION_CODE] },
      })
      expect(removed.data.cart.promotions).toEqual([])
      expect(fen(removed.data.cart.discount_total)).toBe(0)
    })

    it("codes that do not apply: Medusa leaves them off, and the reason is named", async () => {
      const { cartId } = await cartWith("sports-gene-test")
      const unknown = await apply(cartId, "NOSUCHCODE")
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toBe("优惠码不存在，请核对后重新输入")

      const expected: Record<string, Record<string, unknown>> = {
        NOSUCHCODE: { reason: "unknown" },
        EXPIRED10: { reason: "expired", ends_at: expect.any(String) },
        SOON10: { reason: "not_started", starts_at: expect.any(String) },
        ONCE10: { reason: "usage_limit" },
        RICH10: { reason: "minimum_not_met", minimum_amount: "100000" },
        ANCESTRY10: { reason: "not_for_products" },
      }
      for (const [code, reason] of Object.entries(expected)) {
        if (code !== "NOSUCHCODE") {
          const answered = await apply(cartId, code)
          expect(answered.status).toBe(200)
          expect(answered.data.cart.promotions).toEqual([])
        }
        const explained = await refusal(cartId, code)
        expect(explained.status).toBe(200)
        expect(explained.data).toEqual({ code, applied: false, refusal: reason })
      }

      const missing = await refusal(cartId, "")
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/^字段 code：/)
      const elsewhere = await api.get(`/store/carts/cart_nosuch/promotion-refusal?code=X`, {
        ...guest,
        ...noThrow,
      })
      expect(elsewhere.status).toBe(404)
      expect(elsewhere.data.message).toMatch(/[\u4e00-\u9fa5]/)
    })

    it("an automatic promotion is on the cart by itself, marked automatic, in Medusa's totals", async () => {
      const { cartId } = await cartWith("ancestry-gene-test")
      const { data } = await api.get(
        `/store/carts/${cartId}?fields=${encodeURIComponent("*promotions,*items.adjustments")}`,
        guest
      )
      expect(data.cart.promotions).toEqual([
        expect.objectContaining({ code: "AUTO-ANCESTRY5", is_automatic: true }),
      ])
      expect(data.cart.items[0].adjustments).toEqual([
        expect.objectContaining({ code: "AUTO-ANCESTRY5" }),
      ])
      expect(fen(data.cart.discount_total)).toBe(500)
    })

    it("WeChat Pay charges the discounted total and the order keeps the discount", async () => {
      const { cartId, lineId } = await cartWith("nutrition-metabolism-gene-test")
      expect((await apply(cartId, DEMO_PROMOTION_CODE)).status).toBe(200)
      const answered = await api.post(
        `/store/carts/${cartId}/checkout`,
        {
          email: "buyer@example.com",
          address: BEIJING_ADDRESS,
          lines: [{ line_id: lineId, method: "mail_in" }],
          store_credit_fen: 0,
          payment: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
        },
        { ...guest, ...noThrow }
      )
      expect(answered.status).toBe(200)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: carts } = await query.graph({
        entity: "cart",
        fields: [
          "total",
          "original_total",
          "discount_total",
          "payment_collection.payment_sessions.data",
        ],
        filters: { id: cartId },
      })
      const cart = carts[0] as any
      expect(fen(cart.discount_total)).toBe(2000)
      expect(answered.data.amount_fen).toBe(fen(cart.original_total) - 2000)
      const [session] = cart.payment_collection.payment_sessions
      // What WeChat Pay was asked to collect, in fen, is the discounted total.
      expect(session.data.total).toBe(answered.data.amount_fen)

      await sandbox.pay(session.data.out_trade_no)
      // WeChat's notification is answered before the app may shut down.
      await eventually(
        async () => sandbox.deliveries.filter((d) => d.out_trade_no === session.data.out_trade_no),
        (tries) => tries.some((d) => d.status === 204)
      )
      const paid = await eventually(
        async () => (await api.get(`/store/carts/${cartId}/payment-status`, guest)).data,
        (data) => data.status === "paid"
      )
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["total", "discount_total", "promotions.code"],
        filters: { id: paid.order.id },
      })
      const order = orders[0] as any
      expect(fen(order.total)).toBe(answered.data.amount_fen)
      expect(fen(order.discount_total)).toBe(2000)
      expect(order.promotions.map((p: { code: string }) => p.code)).toEqual([DEMO_PROMOTION_CODE])
    })
  },
})
