import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import seed from "../../src/scripts/seed"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { expireUnpaidOfflineOrders } from "../../src/workflows/orders/expire-unpaid-offline-orders"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// Every request reads the stand-in CMS.
process.env.CMS_CACHE_TTL_MS = "0"
// The default limit (72 hours) is what the sweep and the notice use.
delete process.env.OFFLINE_ORDER_EXPIRY_HOURS

type Headers = { headers: Record<string, string> }
type Kit = { id: string; status: string; payment_status: string | null; payment_offline: boolean }
type Appointment = {
  id: string
  status: string
  order_id: string | null
  payment_status: string | null
  payment_offline: boolean
}
type Message = { title: string; body: string; link: string | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Speaks Strapi 5's REST shape for the one collection site the checkout needs. */
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
    if (path === "/api/clinic-sessions") {
      return send(200, {
        data: [],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } },
      })
    }
    send(404, { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } })
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let lab: Headers
    let service: Headers
    let finance: Headers
    let cms: Server
    const noThrow = { validateStatus: () => true }
    // Beijing's today, fixed when each test starts (a test may run across Beijing midnight).
    let today = shanghaiToday()
    beforeEach(() => {
      today = shanghaiToday()
    })
    const day = (offset: number) => addDays(today, offset)

    beforeAll(async () => {
      cms = startCmsStandIn()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
      service = await adminHeaders(container, api as never, "service@health.local", ["service"])
      finance = await adminHeaders(container, api as never, "finance@health.local", ["finance"])
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    /**
     * A 岳阳 buyer orders the sports test for 采集点现场采集 at `slot` on `date` and pays
     * offline, the slot on the kit's line as checkout keeps it; returns the order once its kit and its
     * collection appointment exist.
     */
    async function orderOffline(buyer: Headers, date: string, slot: string) {
      const { data: regions } = await api.get("/store/regions", buyer)
      const { data: list } = await api.get(
        "/store/products?handle=sports-gene-test&fields=*variants",
        buyer
      )
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id, email: "offline@example.com" },
        buyer
      )
      const cartId = created.cart.id as string
      const choice = { site_id: "site-yueyang", site_name: "岳阳楼区采集点", date, slot }
      await api.post(
        `/store/carts/${cartId}/line-items`,
        {
          variant_id: list.products[0].variants[0].id,
          quantity: 1,
          metadata: { test_method: "on_site", collection: choice },
        },
        buyer
      )
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: YUEYANG_ADDRESS, billing_address: YUEYANG_ADDRESS },
        buyer
      )
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
        buyer
      )
      const onSite = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code === "on-site-collection"
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: onSite.id }, buyer)
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        buyer
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      const order = data.order as { id: string; display_id: number }
      const kits = await eventually(
        () => kitsOf(order.id),
        (kits) => kits.length > 0
      )
      const appointments = await eventually(
        () => appointmentsOf(order.id),
        (list) => list.length > 0
      )
      return { order, kit: kits[0], appointment: appointments[0] }
    }

    const kitsOf = async (orderId: string) =>
      (await api.get(`/admin/health-archive/kits?order_id=${orderId}`, service)).data.kits as Kit[]

    const appointmentsOf = async (orderId: string) =>
      (await api.get(`/admin/appointments?order_id=${orderId}`, service)).data
        .appointments as Appointment[]

    /** Finance confirms the offline payment: Medusa's capture of the manual payment. */
    async function confirmPayment(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id"],
        filters: { id: orderId },
      })
      const paymentId = order.payment_collections![0]!.payments![0]!.id
      return api.post(`/admin/payments/${paymentId}/capture`, {}, { ...finance, ...noThrow })
    }

    async function orderState(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["status", "payment_collections.payments.canceled_at"],
        filters: { id: orderId },
      })
      return {
        status: order.status as string,
        payment_canceled: !!order.payment_collections![0]!.payments![0]!.canceled_at,
      }
    }

    const remaining = async (who: Headers, date: string, slot: string) => {
      const { data } = await api.get(
        `/store/appointments/availability?site_id=site-yueyang&from=${date}&days=1`,
        who
      )
      return data.days[0].slots.find((s: { slot: string }) => s.slot === slot).remaining as number
    }

    const inbox = async (who: Headers) =>
      (await api.get("/store/inbox", who)).data.messages as Message[]

    it("keeps an unpaid offline order's kit and collection until finance confirms the money", async () => {
      const member = await registerCustomer(api as never, publishableKey, "gate@example.com")
      const { order, kit, appointment } = await orderOffline(member, day(5), "09:00-10:00")
      // The lab and customer-service lists say the money is not in yet.
      expect(kit).toMatchObject({
        status: "ordered",
        payment_status: "authorized",
        payment_offline: true,
      })
      expect(appointment).toMatchObject({
        status: "pending",
        payment_status: "authorized",
        payment_offline: true,
      })

      const ship = await api.post(
        `/admin/health-archive/kits/${kit.id}/ship`,
        { carrier: "顺丰", tracking_number: "SF1400000099" },
        { ...lab, ...noThrow }
      )
      expect([ship.status, ship.data.message]).toEqual([
        409,
        "该订单为线下付款，财务确认收款前不能发货",
      ])
      const confirm = await api.post(
        `/admin/appointments/${appointment.id}/confirm`,
        {},
        { ...service, ...noThrow }
      )
      expect([confirm.status, confirm.data.message]).toEqual([
        409,
        "该订单为线下付款，财务确认收款前不能确认预约",
      ])
      expect((await kitsOf(order.id))[0].status).toBe("ordered")
      expect((await appointmentsOf(order.id))[0].status).toBe("pending")

      // Finance confirms the transfer; now the lab ships and customer service confirms.
      expect((await confirmPayment(order.id)).status).toBe(200)
      expect((await kitsOf(order.id))[0]).toMatchObject({ payment_status: "captured" })
      const shipped = await api.post(
        `/admin/health-archive/kits/${kit.id}/ship`,
        { carrier: "顺丰", tracking_number: "SF1400000099" },
        lab
      )
      expect(shipped.data.kit.status).toBe("shipped")
      const confirmed = await api.post(`/admin/appointments/${appointment.id}/confirm`, {}, service)
      expect(confirmed.data.appointment.status).toBe("confirmed")
      expect((await appointmentsOf(order.id))[0]).toMatchObject({ payment_status: "captured" })
    })

    it("cancels an offline order unpaid past 72 hours once, frees its slot and tells the member; paid and recent orders stay", async () => {
      const member = await registerCustomer(api as never, publishableKey, "expire@example.com")
      const date = day(6)
      const unpaid = await orderOffline(member, date, "10:00-11:00")
      const paid = await orderOffline(member, date, "11:00-12:00")
      const recent = await orderOffline(member, date, "14:00-15:00")
      expect((await confirmPayment(paid.order.id)).status).toBe(200)
      expect(await remaining(member, date, "10:00-11:00")).toBe(1)

      // The unpaid and the paid order were placed 73 hours ago; `recent` just now.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `UPDATE "order" SET created_at = now() - interval '73 hours' WHERE id IN (?, ?)`,
        [unpaid.order.id, paid.order.id]
      )

      // Two workers sweep at the same moment: the order is cancelled once.
      const runs = await Promise.all([
        expireUnpaidOfflineOrders(getContainer()),
        expireUnpaidOfflineOrders(getContainer()),
      ])
      expect(runs.flatMap((run) => run.expired)).toEqual([unpaid.order.id])

      expect(await orderState(unpaid.order.id)).toEqual({
        status: "canceled",
        payment_canceled: true,
      })
      expect((await orderState(paid.order.id)).status).not.toBe("canceled")
      expect((await orderState(recent.order.id)).status).not.toBe("canceled")

      // The slot is free again, the kit void, and the member reads why.
      expect((await appointmentsOf(unpaid.order.id))[0].status).toBe("cancelled")
      expect(await remaining(member, date, "10:00-11:00")).toBe(2)
      expect((await appointmentsOf(paid.order.id))[0].status).toBe("pending")
      await eventually(
        () => kitsOf(unpaid.order.id),
        (kits) => kits[0].status === "cancelled"
      )
      const notice = `您的订单 #${unpaid.order.display_id} 因超过 72 小时未确认线下付款已自动取消`
      const messages = await eventually(
        () => inbox(member),
        (messages) => messages.some((m) => m.body.startsWith(notice))
      )
      expect(messages.find((m) => m.body.startsWith(notice))).toMatchObject({
        title: `订单 #${unpaid.order.display_id} 已自动取消`,
        link: `/account/orders/${unpaid.order.id}`,
      })

      // Again: nothing more is cancelled and nobody is told twice.
      expect(await expireUnpaidOfflineOrders(getContainer())).toEqual({ expired: [] })
      await sleep(1500)
      expect((await inbox(member)).filter((m) => m.body.startsWith(notice))).toHaveLength(1)
      expect((await kitsOf(paid.order.id))[0].status).toBe("ordered")
      expect((await orderState(recent.order.id)).status).not.toBe("canceled")
    })
  },
})
