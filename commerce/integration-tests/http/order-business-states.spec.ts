import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import seed from "../../src/scripts/seed"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { completeFinishedOrders } from "../../src/workflows/orders/complete-finished-order"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { confirmOfflinePayment } from "../helpers/offline-payment"
import { makeReportPdf } from "../helpers/report-pdf"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// The default (7 days) is what the sweep uses.
delete process.env.ORDER_AUTO_COMPLETE_DAYS
// Every request reads the stand-in CMS.
process.env.CMS_CACHE_TTL_MS = "0"

type Headers = { headers: Record<string, string> }
type Kit = { id: string; status: string; barcode: string | null; report: { id: string } | null }
type BusinessOrder = {
  id: string
  status: string
  business_state: string
  business_state_label: string
  payment_status: string
  payment_offline: boolean
  usage_state: string | null
  usage_label: string | null
  kit_count: number
  used_kit_count: number
  total_fen: number
  items: { title: string; quantity: number }[]
}

const CONSENTS = [
  { kind: "testing", version: "2026-11" },
  { kind: "storage", version: "2026-11" },
]

const DAY_MS = 24 * 3600_000

/** Speaks Strapi 5's REST shape for the one collection site an on-site order needs. */
function startCmsStandIn() {
  const site = {
    id: 1,
    documentId: "site-yueyang",
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    capacity_per_slot: 2,
    active: true,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    publishedAt: "2026-11-01T00:00:00.000Z",
  }
  // One place per slot: two members after the last one.
  const nanhu = {
    ...site,
    id: 2,
    documentId: "site-nanhu",
    name: "南湖采集点",
    address: "南湖大道 9 号",
    capacity_per_slot: 1,
  }
  const empty = {
    data: [],
    meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } },
  }
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://cms").pathname
    const send = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (path === "/api/collection-sites") {
      return send(200, {
        data: [site],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } },
      })
    }
    if (path === "/api/collection-sites/site-yueyang") return send(200, { data: site, meta: {} })
    if (path === "/api/collection-sites/site-nanhu") return send(200, { data: nanhu, meta: {} })
    if (path === "/api/clinic-sessions") return send(200, empty)
    send(404, { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } })
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    let lab: Headers
    let service: Headers
    let baseUrl: string
    let cms: Server
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      cms = startCmsStandIn()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never)
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
      service = await adminHeaders(container, api as never, "service@health.local", ["service"])
      baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    const me = async (who: Headers) => (await api.get("/store/affiliate/me", who)).data.affiliate

    /** A 岳阳 member buys the tumour test (`variant`), paid offline and confirmed by finance. */
    async function paidOrder(buyer: Headers, variant = "标准版 / 单人装") {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test",
        YUEYANG_ADDRESS,
        variant
      )
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      const orderId = data.order.id as string
      await confirmOfflinePayment(getContainer(), orderId)
      const kits = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${orderId}`, buyer)).data
            .kits as Kit[],
        (kits) => kits.length > 0
      )
      return { orderId, kits }
    }

    const myOrders = async (who: Headers, params = "") =>
      (await api.get(`/store/customers/me/orders${params}`, who)).data as {
        orders: BusinessOrder[]
        count: number
      }

    const myOrder = async (who: Headers, orderId: string) =>
      (await api.get(`/store/orders/${orderId}/business`, who)).data.order as BusinessOrder & {
        edit: { allowed: boolean; reason: string | null }
        cancellation: { allowed: boolean; reason: string | null }
      }

    const orderStatus = async (orderId: string) => {
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["status"], filters: { id: orderId } })
      return order.status as string
    }

    /** The lab ships the kit, the member activates it, the lab receives the sample. */
    async function shipActivateReceive(member: Headers, kit: Kit) {
      const shipped = (await api.post(`/admin/health-archive/kits/${kit.id}/ship`, {}, lab)).data
        .kit as Kit
      const person = { relation: "self", name: "王小明", sex: "male", birth_date: "1990-05-01" }
      await api.post(
        "/store/health-archive/kits/activate",
        { barcode: shipped.barcode, person, consents: CONSENTS },
        member
      )
      await api.post(`/admin/health-archive/kits/${kit.id}/receive`, {}, lab)
      return shipped.barcode as string
    }

    /** Lab staff upload the reports (one PDF per barcode) and wait until they are matched. */
    async function uploadReports(barcodes: string[]) {
      const form = new FormData()
      for (const barcode of barcodes) {
        const pdf = await makeReportPdf({ barcode, date: "2026-11-28" })
        form.append(
          "files",
          new Blob([new Uint8Array(pdf)], { type: "application/pdf" }),
          `${barcode}.pdf`
        )
      }
      const response = await fetch(`${baseUrl}/admin/health-archive/report-batches`, {
        method: "POST",
        headers: lab.headers,
        body: form,
      })
      expect(response.status).toBe(202)
      const { batch } = (await response.json()) as { batch: { id: string } }
      const done = await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${batch.id}`, lab)).data.batch,
        (batch) => batch.status === "done"
      )
      expect(done.counts).toMatchObject({ done: barcodes.length })
    }

    it("an order is 已完成 when its member views the last report, and its commission matures; usage follows the kits", async () => {
      const x = await registerCustomer(api as never, publishableKey, "referrer@example.com")
      const y = await registerCustomer(api as never, publishableKey, "buyer@example.com")
      await api.post("/store/affiliate/bind", { code: (await me(x)).code }, y)
      const { orderId, kits } = await paidOrder(y)
      const pending = await eventually(
        () => me(x),
        (aff) => aff.balances.pending > 0
      )
      expect(pending.balances.available).toBe(0)

      // Paid, nothing used yet: 已付款 and 未使用 for the member and for staff.
      const listed = await myOrders(y)
      expect(listed.count).toBe(1)
      expect(listed.orders[0]).toMatchObject({
        id: orderId,
        business_state: "paid",
        business_state_label: "已付款",
        payment_status: "captured",
        payment_offline: true,
        usage_state: "unused",
        usage_label: "未使用",
        kit_count: 1,
        used_kit_count: 0,
      })
      expect(listed.orders[0].total_fen).toBeGreaterThan(0)
      expect(Number.isInteger(listed.orders[0].total_fen)).toBe(true)
      expect(listed.orders[0].items[0]).toMatchObject({ title: "肿瘤易感基因检测", quantity: 1 })
      const byLabel = (await api.get(`/admin/orders/business?state=已付款&usage=未使用`, admin))
        .data
      expect(byLabel.orders.map((o: BusinessOrder) => o.id)).toContain(orderId)
      const open = (await api.get(`/admin/orders/business?state=open`, service)).data
      expect(open.orders.map((o: BusinessOrder) => o.id)).toContain(orderId)
      const unpaid = (await api.get(`/admin/orders/business?state=unpaid`, admin)).data
      expect(unpaid.orders.map((o: BusinessOrder) => o.id)).not.toContain(orderId)

      const [kit] = kits
      const barcode = await shipActivateReceive(y, kit)
      const used = await myOrder(y, orderId)
      expect(used).toMatchObject({ usage_state: "used", usage_label: "已使用", used_kit_count: 1 })
      expect((await myOrders(y, "?usage=used")).orders.map((o) => o.id)).toEqual([orderId])
      expect((await myOrders(y, "?usage=未使用")).count).toBe(0)

      await uploadReports([barcode])
      // Report out, not viewed, well within ORDER_AUTO_COMPLETE_DAYS: the sweep leaves it.
      expect((await completeFinishedOrders(getContainer())).completed).not.toContain(orderId)
      expect(await orderStatus(orderId)).toBe("pending")

      const ready = (await api.get(`/store/health-archive/kits/${kit.id}`, y)).data.kit as Kit
      const opened = await fetch(
        `${baseUrl}/store/health-archive/reports/${ready.report!.id}/file`,
        {
          headers: y.headers,
        }
      )
      expect(opened.status).toBe(200)
      await eventually(
        () => orderStatus(orderId),
        (status) => status === "completed"
      )
      // order.completed ends the affiliate hold (15 days by default) at once.
      const matured = await eventually(
        () => me(x),
        (aff) => aff.balances.available > 0
      )
      expect(matured.balances).toMatchObject({ pending: 0, available: pending.balances.pending })
      const done = await myOrder(y, orderId)
      expect(done).toMatchObject({
        business_state: "completed",
        business_state_label: "已完成",
        edit: { allowed: false, reason: "订单已完成，不能修改；如需帮助请联系客服" },
      })
      const completed = (await api.get(`/admin/orders/business?state=已完成`, admin)).data
      expect(completed.orders.map((o: BusinessOrder) => o.id)).toContain(orderId)
    })

    it("an order whose reports are never viewed completes ORDER_AUTO_COMPLETE_DAYS after they came out, once, however often the sweep runs", async () => {
      const member = await registerCustomer(api as never, publishableKey, "family@example.com")
      const { orderId, kits } = await paidOrder(member, "标准版 / 家庭装（2人）")
      expect(kits).toHaveLength(2)
      const first = await shipActivateReceive(member, kits[0])
      expect(await myOrder(member, orderId)).toMatchObject({
        usage_state: "partly_used",
        usage_label: "部分使用",
        kit_count: 2,
        used_kit_count: 1,
      })
      const second = await shipActivateReceive(member, kits[1])
      expect((await myOrder(member, orderId)).usage_state).toBe("used")

      // One report out: the order is not done, whatever the date.
      await uploadReports([first])
      const later = new Date(Date.now() + 30 * DAY_MS)
      expect((await completeFinishedOrders(getContainer(), later)).completed).not.toContain(orderId)
      await uploadReports([second])
      expect((await completeFinishedOrders(getContainer(), new Date())).completed).not.toContain(
        orderId
      )

      // Eight days on, two sweeps at once (two workers): the order is completed once.
      const eightDays = new Date(Date.now() + 8 * DAY_MS)
      const runs = await Promise.all([
        completeFinishedOrders(getContainer(), eightDays),
        completeFinishedOrders(getContainer(), eightDays),
      ])
      expect(runs.flatMap((run) => run.completed).filter((id) => id === orderId)).toHaveLength(1)
      expect(await orderStatus(orderId)).toBe("completed")
      expect((await completeFinishedOrders(getContainer(), eightDays)).completed).toEqual([])
    })

    it("a member changes the address until the kit ships; afterwards edits and cancellation answer 409 with the reason", async () => {
      const member = await registerCustomer(api as never, publishableKey, "mover@example.com")
      const stranger = await registerCustomer(api as never, publishableKey, "nosy@example.com")
      const { orderId, kits } = await paidOrder(member)
      const address = {
        first_name: "小",
        last_name: "李",
        phone: "139 0000 2222",
        province: "湖南省",
        city: "岳阳市",
        district: "岳阳楼区",
        street: "南湖大道 6 号",
        postal_code: "414000",
      }
      const before = await myOrder(member, orderId)
      expect(before.edit).toEqual({ allowed: true, reason: null })

      // Someone else's order does not exist for them; their list holds none of it.
      for (const answer of [
        await api.get(`/store/orders/${orderId}/business`, { ...stranger, ...noThrow }),
        await api.post(`/store/orders/${orderId}/shipping-address`, address, {
          ...stranger,
          ...noThrow,
        }),
      ]) {
        expect(answer.status).toBe(404)
      }
      expect((await myOrders(stranger)).count).toBe(0)

      // Bad input is refused with what to fix; an offline order stays in 岳阳.
      const badPhone = await api.post(
        `/store/orders/${orderId}/shipping-address`,
        { ...address, phone: "12345" },
        { ...member, ...noThrow }
      )
      expect([badPhone.status, badPhone.data.message]).toEqual([400, "请填写正确的手机号"])
      const elsewhere = await api.post(
        `/store/orders/${orderId}/shipping-address`,
        { ...address, province: "北京市", city: "北京市", district: "朝阳区" },
        { ...member, ...noThrow }
      )
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.data.message).toBe("线下支付仅限岳阳地区的订单，收货地址不能改到岳阳以外")

      const changed = await api.post(`/store/orders/${orderId}/shipping-address`, address, member)
      expect(changed.status).toBe(200)
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: [
            "shipping_address.last_name",
            "shipping_address.phone",
            "shipping_address.address_1",
            "shipping_address.address_2",
          ],
          filters: { id: orderId },
        })
      expect(order.shipping_address).toMatchObject({
        last_name: "李",
        phone: "13900002222",
        address_1: "南湖大道 6 号",
        address_2: "岳阳楼区",
      })

      await api.post(`/admin/health-archive/kits/${kits[0].id}/ship`, {}, lab)
      const edit = await api.post(`/store/orders/${orderId}/shipping-address`, address, {
        ...member,
        ...noThrow,
      })
      expect([edit.status, edit.data.message]).toEqual([
        409,
        "检测盒已寄出，订单不能再修改；如需帮助请联系客服",
      ])
      const cancel = await api.post(
        `/store/orders/${orderId}/cancel`,
        {},
        { ...member, ...noThrow }
      )
      expect([cancel.status, cancel.data.message]).toEqual([
        409,
        "检测盒已寄出，订单不能再取消；如需退款请联系客服",
      ])
      expect((await myOrder(member, orderId)).edit.reason).toBe(
        "检测盒已寄出，订单不能再修改；如需帮助请联系客服"
      )
      expect(await orderStatus(orderId)).toBe("pending")
    })

    it("cancelling a paid order refunds it and reverses the commission; a concurrent edit and a second cancel are refused", async () => {
      const x = await registerCustomer(api as never, publishableKey, "upline@example.com")
      const y = await registerCustomer(api as never, publishableKey, "quitter@example.com")
      await api.post("/store/affiliate/bind", { code: (await me(x)).code }, y)
      const { orderId } = await paidOrder(y)
      await eventually(
        () => me(x),
        (aff) => aff.balances.pending > 0
      )
      const address = {
        first_name: "小",
        last_name: "王",
        phone: "13900003333",
        province: "湖南省",
        city: "岳阳市",
        district: "岳阳楼区",
        street: "巴陵中路 99 号",
      }
      const answers = await Promise.all([
        api.post(`/store/orders/${orderId}/cancel`, {}, { ...y, ...noThrow }),
        api.post(`/store/orders/${orderId}/cancel`, {}, { ...y, ...noThrow }),
        api.post(`/store/orders/${orderId}/shipping-address`, address, { ...y, ...noThrow }),
      ])
      const cancels = answers.slice(0, 2)
      expect(cancels.map((a) => a.status).sort()).toEqual([200, 409])
      expect(cancels.find((a) => a.status === 409)!.data.message).toBe("订单已取消")
      // The edit ran before the cancel (200) or after it (409): never in between.
      const edit = answers[2]
      expect([200, 409]).toContain(edit.status)
      if (edit.status === 409) expect(edit.data.message).toBe("订单已取消")

      expect(await orderStatus(orderId)).toBe("canceled")
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: [
            "payment_collections.payments.amount",
            "payment_collections.payments.refunds.amount",
          ],
          filters: { id: orderId },
        })
      type Paid = { payments: { amount: unknown; refunds: { amount: unknown }[] }[] }
      const payments = (order.payment_collections as unknown as Paid[]).flatMap(
        (collection) => collection.payments
      )
      const fen = (amount: unknown) => Math.round(Number(amount) * 100)
      const refunded = payments
        .flatMap((payment) => payment.refunds)
        .reduce((sum, refund) => sum + fen(refund.amount), 0)
      // Everything the member paid comes back, through the provider that took it.
      expect(refunded).toBeGreaterThan(0)
      expect(refunded).toBe(payments.reduce((sum, payment) => sum + fen(payment.amount), 0))
      const reversed = await eventually(
        () => me(x),
        (aff) => aff.balances.pending === 0
      )
      expect(reversed.balances.available).toBe(0)
      const listed = (await myOrders(y, "?state=已取消")).orders
      expect(listed.map((o) => o.id)).toEqual([orderId])
      expect(listed[0]).toMatchObject({
        business_state_label: "已取消",
        payment_status: "canceled",
      })
    })

    it("a member cancels a paid on-site order: refunded, and the collection slot is free again", async () => {
      const member = await registerCustomer(api as never, publishableKey, "onsite@example.com")
      const date = addDays(shanghaiToday(), 5)
      const slot = "09:00-10:00"
      const remaining = async () => {
        const { data } = await api.get(
          `/store/appointments/availability?site_id=site-yueyang&from=${date}&days=1`,
          member
        )
        return data.days[0].slots.find((s: { slot: string }) => s.slot === slot).remaining as number
      }
      const { data: regions } = await api.get("/store/regions", member)
      const { data: list } = await api.get(
        "/store/products?handle=sports-gene-test&fields=*variants",
        member
      )
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id, email: "onsite@example.com" },
        member
      )
      const cartId = created.cart.id as string
      await api.post(
        `/store/carts/${cartId}/line-items`,
        {
          variant_id: list.products[0].variants[0].id,
          quantity: 1,
          metadata: {
            test_method: "on_site",
            collection: { site_id: "site-yueyang", site_name: "岳阳楼区采集点", date, slot },
          },
        },
        member
      )
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: YUEYANG_ADDRESS, billing_address: YUEYANG_ADDRESS },
        member
      )
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
        member
      )
      const onSite = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code === "on-site-collection"
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: onSite.id }, member)
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        member
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        member
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, member)
      const orderId = data.order.id as string
      await confirmOfflinePayment(getContainer(), orderId)
      const appointmentsOf = async () =>
        (await api.get(`/admin/appointments?order_id=${orderId}`, service)).data.appointments as {
          id: string
          status: string
        }[]
      await eventually(appointmentsOf, (list) => list.length > 0)
      expect(await remaining()).toBe(1)

      const cancelled = await api.post(`/store/orders/${orderId}/cancel`, {}, member)
      expect(cancelled.status).toBe(200)
      const [appointment] = await eventually(appointmentsOf, (list) =>
        list.every((a) => a.status === "cancelled")
      )
      expect(appointment.status).toBe("cancelled")
      expect(await remaining()).toBe(2)
      const view = await myOrder(member, orderId)
      expect(view).toMatchObject({ business_state: "canceled", payment_status: "canceled" })
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["payment_collections.payments.refunds.amount"],
          filters: { id: orderId },
        })
      type Paid = { payments: { refunds: { amount: unknown }[] }[] }
      const refunds = (order.payment_collections as unknown as Paid[]).flatMap((collection) =>
        collection.payments.flatMap((payment) => payment.refunds)
      )
      expect(refunds.length).toBe(1)
      expect(Number(refunds[0].amount)).toBeGreaterThan(0)
    })

    type TestMethods = {
      lines: {
        line_item_id: string
        method: string
        collection: { site_id: string; date: string; slot: string } | null
      }[]
      appointments: { id: string; status: string; site: { id: string }; date: string }[]
      change: { allowed: boolean; reason: string | null }
    }
    const testMethods = async (who: Headers, orderId: string) =>
      (await api.get(`/store/orders/${orderId}/test-method`, who)).data.test_methods as TestMethods
    const remainingAt = async (who: Headers, siteId: string, date: string, slot: string) => {
      const { data } = await api.get(
        `/store/appointments/availability?site_id=${siteId}&from=${date}&days=1`,
        who
      )
      return data.days[0].slots.find((s: { slot: string }) => s.slot === slot).remaining as number
    }
    const kitMethods = async (orderId: string) =>
      (
        await getContainer()
          .resolve<{
            listKits: (f: object) => Promise<{ collection_method: string }[]>
          }>("healthArchive")
          .listKits({ order_id: orderId })
      ).map((kit) => kit.collection_method)

    it("a member switches a kit between mailed and on-site and moves the slot until it ships; audited and told", async () => {
      const member = await registerCustomer(api as never, publishableKey, "method@example.com")
      const stranger = await registerCustomer(
        api as never,
        publishableKey,
        "method-nosy@example.com"
      )
      const { orderId, kits } = await paidOrder(member)
      const date = addDays(shanghaiToday(), 6)
      const first = { site_id: "site-yueyang", date, slot: "09:00-10:00" }
      const second = { site_id: "site-nanhu", date, slot: "10:00-11:00" }
      const before = await testMethods(member, orderId)
      expect(before.change).toEqual({ allowed: true, reason: null })
      expect(before.lines).toEqual([
        expect.objectContaining({ method: "mail_in", collection: null }),
      ])
      const lineId = before.lines[0].line_item_id
      const change = (body: object, who = member) =>
        api.post(`/store/orders/${orderId}/test-method`, body, { ...who, ...noThrow })

      // Someone else's order does not exist for them.
      expect(
        (await api.get(`/store/orders/${orderId}/test-method`, { ...stranger, ...noThrow })).status
      ).toBe(404)
      const nosy = await change(
        { line_item_id: lineId, method: "on_site", collection: first },
        stranger
      )
      expect(nosy.status).toBe(404)

      // Bad input: what to fix, in Chinese.
      for (const [body, message] of [
        [
          { line_item_id: lineId, method: "post" },
          "采样方式只能是寄送采样盒（mail_in）或采集点现场采集（on_site）",
        ],
        [{ line_item_id: lineId, method: "on_site" }, "请选择现场采集的采集点、日期和时段"],
        [
          { line_item_id: lineId, method: "on_site", collection: { ...first, date: "2026-02-30" } },
          "请选择日期（格式 YYYY-MM-DD）",
        ],
        [
          { line_item_id: "ordli_nope", method: "on_site", collection: first },
          "订单中没有这一项，请刷新后再试",
        ],
        [{ line_item_id: lineId, method: "mail_in" }, "这一项已是寄送采样盒，无需修改"],
        [
          {
            line_item_id: lineId,
            method: "on_site",
            collection: { ...first, site_id: "site-gone" },
          },
          "没有找到这个采集点，或它已暂停预约，请重新选择采集点",
        ],
      ] as const) {
        const answer = await change(body)
        expect([answer.status, answer.data.message]).toEqual([400, message])
      }

      // Mailed → on site: a place is taken and the lab sees the kit is not posted.
      expect(await remainingAt(member, "site-yueyang", date, first.slot)).toBe(2)
      const onSite = await change({ line_item_id: lineId, method: "on_site", collection: first })
      expect(onSite.status).toBe(200)
      expect(onSite.data.test_method).toMatchObject({
        method: "on_site",
        collection: { ...first, site_name: "岳阳楼区采集点" },
        appointment: { site_name: "岳阳楼区采集点", date, slot: first.slot },
      })
      expect(await remainingAt(member, "site-yueyang", date, first.slot)).toBe(1)
      expect(await kitMethods(orderId)).toEqual(["on_site"])
      const booked = await testMethods(member, orderId)
      expect(booked.lines[0]).toMatchObject({ method: "on_site", collection: first })
      const [appointment] = booked.appointments
      expect(appointment).toMatchObject({ status: "pending", site: { id: "site-yueyang" } })

      // Another site and slot: the same appointment moves, the old place is free again.
      const moved = await change({ line_item_id: lineId, method: "on_site", collection: second })
      expect(moved.status).toBe(200)
      expect(await remainingAt(member, "site-yueyang", date, first.slot)).toBe(2)
      expect(await remainingAt(member, "site-nanhu", date, second.slot)).toBe(0)
      const relocated = await testMethods(member, orderId)
      expect(relocated.appointments).toEqual([
        expect.objectContaining({
          id: appointment.id,
          status: "rescheduled",
          site: expect.objectContaining({ id: "site-nanhu" }),
        }),
      ])
      expect(relocated.lines[0].collection).toMatchObject(second)

      // Back to a mailed kit: the appointment is cancelled, the kit is posted to the order's address.
      const mailed = await change({ line_item_id: lineId, method: "mail_in" })
      expect(mailed.status).toBe(200)
      expect(await remainingAt(member, "site-nanhu", date, second.slot)).toBe(1)
      expect(await kitMethods(orderId)).toEqual(["mail_in"])
      const back = await testMethods(member, orderId)
      expect(back.lines[0]).toMatchObject({ method: "mail_in", collection: null })
      expect(back.appointments.map((a) => a.status)).toEqual(["cancelled"])

      // Every change is in the audit log and the member's inbox.
      const { data: me } = await api.get("/store/customers/me", member)
      const audit = await getContainer()
        .resolve<{
          listAuditEntries: (f: object) => Promise<{ details: { to: { method: string } } }[]>
        }>("auditLog")
        .listAuditEntries({ actor_id: me.customer.id, action: "order.test_method.change" })
      expect(audit.map((entry) => entry.details.to.method).sort()).toEqual([
        "mail_in",
        "on_site",
        "on_site",
      ])
      const inbox = await eventually(
        async () => (await api.get("/store/inbox", member)).data.messages as { title: string }[],
        (messages) => messages.filter((m) => m.title.includes("采样方式已修改")).length === 3
      )
      expect(inbox.length).toBeGreaterThanOrEqual(3)

      // Once the kit ships, the method is fixed: 409 with the reason.
      await api.post(`/admin/health-archive/kits/${kits[0].id}/ship`, {}, lab)
      const late = await change({ line_item_id: lineId, method: "on_site", collection: first })
      expect([late.status, late.data.message]).toEqual([
        409,
        "检测盒已寄出，订单不能再修改；如需帮助请联系客服",
      ])
      expect((await testMethods(member, orderId)).change).toEqual({
        allowed: false,
        reason: "检测盒已寄出，订单不能再修改；如需帮助请联系客服",
      })
    })

    it("two members after the last place in a slot: exactly one gets it, the other a 409 and keeps their mailed kit", async () => {
      const date = addDays(shanghaiToday(), 7)
      const choice = { site_id: "site-nanhu", date, slot: "14:00-15:00" }
      const buyers = await Promise.all(
        ["race-a@example.com", "race-b@example.com"].map((email) =>
          registerCustomer(api as never, publishableKey, email)
        )
      )
      const orders = await Promise.all(buyers.map((buyer) => paidOrder(buyer)))
      const lines = await Promise.all(
        orders.map(
          async ({ orderId }, i) => (await testMethods(buyers[i], orderId)).lines[0].line_item_id
        )
      )
      const answers = await Promise.all(
        orders.map(({ orderId }, i) =>
          api.post(
            `/store/orders/${orderId}/test-method`,
            { line_item_id: lines[i], method: "on_site", collection: choice },
            { ...buyers[i], ...noThrow }
          )
        )
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      const loser = answers.findIndex((a) => a.status === 409)
      expect(answers[loser].data.message).toMatch(/已约满，请选择其他时段或日期$/)
      expect(await remainingAt(buyers[0], "site-nanhu", date, choice.slot)).toBe(0)
      const lost = await testMethods(buyers[loser], orders[loser].orderId)
      expect(lost.lines[0]).toMatchObject({ method: "mail_in", collection: null })
      expect(lost.appointments).toEqual([])
      expect(await kitMethods(orders[loser].orderId)).toEqual(["mail_in"])
      expect(await kitMethods(orders[1 - loser].orderId)).toEqual(["on_site"])
    })

    it("refuses unknown states and pages with a Chinese message", async () => {
      const member = await registerCustomer(api as never, publishableKey, "typo@example.com")
      const bad = await api.get("/store/customers/me/orders?state=shipped", {
        ...member,
        ...noThrow,
      })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("订单状态应为")
      const page = await api.get("/admin/orders/business?limit=1000", { ...admin, ...noThrow })
      expect(page.status).toBe(400)
      expect(page.data.message).toContain("每页条数")
      const anonymous = await api.get("/store/customers/me/orders", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)
    })
  },
})
