import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { Queue } from "bullmq"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"

jest.setTimeout(120_000)

// Keep this run's BullMQ keys apart from any other run sharing the Redis server.
process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let storeHeaders: { headers: Record<string, string> }

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const apiKeys = container.resolve(Modules.API_KEY)
      const [key] = await apiKeys.listApiKeys({ type: "publishable" })
      publishableKey = key.token
      storeHeaders = { headers: { "x-publishable-api-key": publishableKey } }
    })

    it("seeds a Chinese gene-test catalog priced in CNY, idempotently", async () => {
      await seed({ container: getContainer(), args: [] } as never)

      const { data: regions } = await api.get("/store/regions", storeHeaders)
      expect(regions.regions).toHaveLength(1)
      expect(regions.regions[0]).toMatchObject({ name: "中国", currency_code: "cny" })

      const { data } = await api.get(
        `/store/products?region_id=${regions.regions[0].id}&fields=*variants.calculated_price,*categories,*tags&limit=50`,
        storeHeaders
      )
      expect(data.count).toBe(8)
      const tumor = data.products.find((p: any) => p.handle === "tumor-risk-gene-test")
      expect(tumor.title).toBe("肿瘤易感基因检测")
      expect(tumor.variants).toHaveLength(4)
      const standard = tumor.variants.find((v: any) => v.title === "标准版 / 单人装")
      expect(standard.calculated_price).toMatchObject({
        currency_code: "cny",
        calculated_amount: 1999,
      })
      const familyPremium = tumor.variants.find((v: any) => v.title === "尊享版 / 家庭装（2人）")
      expect(familyPremium.calculated_price.calculated_amount).toBe(7198)
      expect(tumor.categories.map((c: any) => c.handle)).toEqual(
        expect.arrayContaining(["series-cancer", "usage-risk"])
      )
      expect(tumor.thumbnail).toMatch(/\.svg$/)

      const { data: categories } = await api.get(
        "/store/product-categories?parent_category_id=null&include_descendants_tree=true",
        storeHeaders
      )
      expect(categories.product_categories.map((c: any) => c.name).sort()).toEqual([
        "按人群",
        "按用途",
        "按系列",
      ])
    })

    it("tells the buyer in the inbox when an order is placed, once", async () => {
      const customer = await registerCustomer(api, publishableKey, "buyer@example.com")
      const { data: regions } = await api.get("/store/regions", storeHeaders)
      const { data: list } = await api.get(
        "/store/products?handle=nutrition-metabolism-gene-test&fields=*variants",
        storeHeaders
      )
      // Variants come back in no fixed order: pick the one whose price the message shows.
      const variant = list.products[0].variants.find(
        (v: { title: string }) => v.title === "标准版 / 单人装"
      )

      const { data: created } = await api
        .post("/store/carts", { region_id: regions.regions[0].id }, customer)
        .catch((e: any) => {
          throw new Error(JSON.stringify(e.response?.data))
        })
      const cartId = created.cart.id
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variant.id, quantity: 1 },
        customer
      )
      const address = {
        first_name: "小",
        last_name: "王",
        address_1: "岳阳楼区巴陵中路 88 号",
        city: "岳阳市",
        province: "湖南省",
        postal_code: "414000",
        country_code: "cn",
        phone: "13800000001",
      }
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: address, billing_address: address },
        customer
      )
      // A line without a test method is a mailed kit: a courier, whichever order Medusa lists
      // the options in (采集点现场采集 first made completion fail).
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
        customer
      )
      const courier = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code !== "on-site-collection"
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id }, customer)
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        customer
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        customer
      )
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, customer)
      expect(completed.type).toBe("order")
      const order = completed.order

      // Replaying the event must not produce a second message.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "order.placed", data: { id: order.id } })

      let inbox: any
      for (let i = 0; i < 100; i++) {
        inbox = (await api.get("/store/inbox", customer)).data
        if (inbox.count > 0) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
      inbox = (await api.get("/store/inbox", customer)).data

      expect(inbox.count).toBe(1)
      expect(inbox.unread_count).toBe(1)
      expect(inbox.messages[0]).toMatchObject({
        category: "order",
        title: `订单 #${order.display_id} 已提交`,
        link: `/account/orders/${order.id}`,
      })
      expect(inbox.messages[0].body).toContain("营养代谢基因检测")
      expect(inbox.messages[0].body).toContain("¥699.00")

      const { data: read } = await api.post(
        "/store/inbox/read",
        { ids: [inbox.messages[0].id] },
        customer
      )
      expect(read).toEqual({ updated: 1, unread_count: 0 })

      // It went through the Notification Module's feed channel, once.
      const notices = await getContainer()
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ channel: "feed", template: "order-placed" })
      expect(notices).toEqual([
        expect.objectContaining({
          status: "success",
          data: expect.objectContaining({ dedupe_key: `order-placed:${order.id}` }),
        }),
      ])

      // Staff see the affiliate plugin's maturation queue (same Redis and prefix) like ours.
      const admin = await adminHeaders(getContainer(), api)
      const maturation = new Queue("affiliate-maturation", {
        connection: { url: process.env.REDIS_URL },
        prefix: process.env.QUEUE_PREFIX,
      })
      await maturation.add("mature", { order_id: order.id }, { jobId: "journey", delay: 3600_000 })
      await maturation.close()
      const { data: queue } = await api.get("/admin/queues/affiliate-maturation", admin)
      expect(queue.queue).toMatchObject({ name: "affiliate-maturation", failed: [] })
      expect(queue.queue.counts.delayed).toBe(1)
      const { data: payments } = await api.get("/admin/queues/payments", admin)
      expect(payments.queue.name).toBe("payments")
    })

    it("refuses the inbox to visitors and explains bad input", async () => {
      const anonymous = await api.get("/store/inbox", storeHeaders).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      const customer = await registerCustomer(api, publishableKey, "other@example.com")
      const bad = await api
        .post("/store/inbox/read", { ids: [] }, customer)
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("ids")

      const badQuery = await api
        .get("/store/inbox?limit=1000", customer)
        .catch((e: any) => e.response)
      expect(badQuery.status).toBe(400)

      const admin = await adminHeaders(getContainer(), api, "ops2@health.local")
      const unknown = await api.get("/admin/queues/nope", admin).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)
    })
  },
})
