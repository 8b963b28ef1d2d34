import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import seed from "../../src/scripts/seed"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { bookOrderCollectionAppointment } from "../../src/workflows/appointments/book-order-collection-appointment"
import { createOrderKitsWorkflow } from "../../src/workflows/health-archive/create-order-kits"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { BEIJING_ADDRESS, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
process.env.CMS_CACHE_TTL_MS = "0"

type Headers = { headers: Record<string, string> }
type Kit = { line_item_id: string; collection_method: string; product_title: string }
type Appointment = {
  id: string
  order_id: string | null
  date: string
  slot: string
  site: { id: string; name: string }
}

const SITES: Record<string, object> = {
  "site-yueyang": {
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    capacity_per_slot: 3,
    active: true,
  },
  "site-small": {
    name: "君山区采集点",
    city: "岳阳市",
    district: "君山区",
    address: "君山大道 8 号",
    capacity_per_slot: 1,
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
    let publishableKey: string
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
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    /**
     * Checkout as the web does it with a method per line: two gene tests, each line's
     * choice in its metadata, the shipping option that follows, offline payment.
     */
    async function checkout(
      buyer: Headers,
      methods: [Record<string, unknown> | null, Record<string, unknown> | null],
      shipping: "mail-in" | "on-site" = "mail-in",
      address: Record<string, string> = BEIJING_ADDRESS
    ) {
      const { data: regions } = await api.get("/store/regions", buyer)
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id, email: "lines@example.com" },
        buyer
      )
      const cartId = created.cart.id as string
      const lineIds: string[] = []
      for (const [i, handle] of ["sports-gene-test", "drug-metabolism-gene-test"].entries()) {
        const { data: list } = await api.get(
          `/store/products?handle=${handle}&fields=*variants`,
          buyer
        )
        const { data } = await api.post(
          `/store/carts/${cartId}/line-items`,
          {
            variant_id: list.products[0].variants.find(
              (v: { title: string }) => v.title === "标准版 / 单人装"
            ).id,
            quantity: i + 1,
          },
          buyer
        )
        const line = data.cart.items.find((item: { id: string }) => !lineIds.includes(item.id))
        lineIds.push(line.id)
        if (methods[i]) {
          await api.post(
            `/store/carts/${cartId}/line-items/${line.id}`,
            { quantity: i + 1, metadata: methods[i] },
            buyer
          )
        }
      }
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: address, billing_address: address },
        buyer
      )
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
        buyer
      )
      const option = options.shipping_options.find(
        (o: { type?: { code?: string } }) =>
          (o.type?.code === "on-site-collection") === (shipping === "on-site")
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, buyer)
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
      const completed = await api.post(
        `/store/carts/${cartId}/complete`,
        {},
        { ...buyer, ...noThrow }
      )
      return { completed, lineIds }
    }

    const appointmentsOfOrder = async (who: Headers, orderId: string) =>
      ((await api.get("/store/appointments", who)).data.appointments as Appointment[]).filter(
        (a) => a.order_id === orderId
      )

    it("gives each kit its line's method and books one appointment for the on-site line", async () => {
      const member = await registerCustomer(api as never, publishableKey, "mixed@example.com")
      const slot = {
        site_id: "site-yueyang",
        site_name: "岳阳楼区采集点",
        date: day(9),
        slot: "10:00-11:00",
      }
      const { completed, lineIds } = await checkout(member, [
        { test_method: "mail_in", collection: "" },
        { test_method: "on_site", collection: slot },
      ])
      expect([completed.status, completed.data.type]).toEqual([200, "order"])
      const order = completed.data.order
      // The choice travels on the order lines.
      const { data: placed } = await api.get(`/store/orders/${order.id}?fields=id,*items`, member)
      const byTitle = Object.fromEntries(
        placed.order.items.map((i: { product_title: string; metadata: object }) => [
          i.product_title,
          i.metadata,
        ])
      )
      // (Medusa merges metadata: the empty collection of a mail-in line is no key at all.)
      expect(Object.values(byTitle)).toEqual(
        expect.arrayContaining([
          { test_method: "mail_in" },
          { test_method: "on_site", collection: slot },
        ])
      )

      // Run again (as a replayed event would): the same kits, none more.
      await createOrderKitsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const kits = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${order.id}`, member)).data
            .kits as Kit[],
        (list) => list.length === 3
      )
      // The kits of each line carry that line's method (运动 × 1 mailed, 药物代谢 × 2 on site).
      expect(kits.map((k) => [k.product_title, k.collection_method]).sort()).toEqual([
        ["药物代谢基因检测", "on_site"],
        ["药物代谢基因检测", "on_site"],
        ["运动基因检测", "mail_in"],
      ])
      expect(lineIds).toHaveLength(2)

      const booked = await eventually(
        () => appointmentsOfOrder(member, order.id),
        (list) => list.length > 0
      )
      expect(booked).toHaveLength(1)
      expect(booked[0]).toMatchObject({
        date: day(9),
        slot: "10:00-11:00",
        site: { id: "site-yueyang", name: "岳阳楼区采集点" },
      })
      // Again (a retried job): the same appointment, nothing more.
      const again = await bookOrderCollectionAppointment(getContainer(), order.id)
      expect(again).toMatchObject({
        outcome: "handled",
        bookings: [
          {
            outcome: "booked",
            appointment_id: booked[0].id,
            already_booked: true,
            people: 2,
          },
        ],
      })

      // The order page's 检测盒与预约: this order's kits (the member through the kit → customer
      // link, masked) and appointments, for staff whose role reads them; 财务 reads neither.
      const service = await adminHeaders(getContainer(), api as never, "svc@staff.local", [
        "service",
      ])
      const staffKits = (await api.get(`/admin/health-archive/kits?order_id=${order.id}`, service))
        .data.kits
      expect(staffKits.map((k: { order_id: string }) => k.order_id)).toEqual([
        order.id,
        order.id,
        order.id,
      ])
      expect(staffKits[0].customer).toEqual({
        id: expect.any(String),
        phone_masked: null,
        email_masked: "m***@example.com",
      })
      const staffAppointments = (await api.get(`/admin/appointments?order_id=${order.id}`, service))
        .data.appointments
      expect(staffAppointments.map((a: { id: string }) => a.id)).toEqual([booked[0].id])
      const finance = await adminHeaders(getContainer(), api as never, "fin@staff.local", [
        "finance",
      ])
      const refused = await api.get(`/admin/health-archive/kits?order_id=${order.id}`, {
        ...finance,
        ...noThrow,
      })
      expect(refused.status).toBe(403)
    })

    it("books one appointment per slot when on-site lines chose different slots, once", async () => {
      const member = await registerCustomer(api as never, publishableKey, "two-slots@example.com")
      const first = { site_id: "site-yueyang", date: day(10), slot: "09:00-10:00" }
      const second = { site_id: "site-yueyang", date: day(10), slot: "14:00-15:00" }
      const { completed } = await checkout(
        member,
        [
          { test_method: "on_site", collection: first },
          { test_method: "on_site", collection: second },
        ],
        "on-site"
      )
      expect([completed.status, completed.data.type]).toEqual([200, "order"])
      const order = completed.data.order
      const booked = await eventually(
        () => appointmentsOfOrder(member, order.id),
        (list) => list.length === 2
      )
      expect(booked.map((a) => a.slot).sort()).toEqual(["09:00-10:00", "14:00-15:00"])
      const again = await bookOrderCollectionAppointment(getContainer(), order.id)
      expect(
        again.outcome === "handled" &&
          again.bookings.map((b) => [b.outcome, "already_booked" in b && b.already_booked])
      ).toEqual([
        ["booked", true],
        ["booked", true],
      ])
      expect(await appointmentsOfOrder(member, order.id)).toHaveLength(2)
      const kits = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${order.id}`, member)).data
            .kits as Kit[],
        (list) => list.length === 3
      )
      expect(kits.map((k) => k.collection_method)).toEqual(["on_site", "on_site", "on_site"])
    })

    it("refuses in Chinese a missing, malformed or impossible choice for a line", async () => {
      const member = await registerCustomer(api as never, publishableKey, "bad-line@example.com")
      const refusal = async (
        methods: Parameters<typeof checkout>[1],
        shipping: "mail-in" | "on-site" = "mail-in"
      ) => {
        // A 岳阳 address, so offline payment is allowed whatever the sites.
        const { completed } = await checkout(member, methods, shipping, YUEYANG_ADDRESS)
        return [completed.status, completed.data.message]
      }
      expect(await refusal([{ test_method: "mail_in" }, null])).toEqual([
        400,
        "请为「药物代谢基因检测」选择采样方式（寄送采样盒或采集点现场采集）",
      ])
      expect(await refusal([{ test_method: "mail_in" }, { test_method: "by_drone" }])).toEqual([
        400,
        "「药物代谢基因检测」采样方式只能是寄送采样盒或采集点现场采集",
      ])
      expect(
        await refusal([
          { test_method: "mail_in" },
          {
            test_method: "on_site",
            collection: { site_id: "site-gone", date: day(9), slot: "10:00-11:00" },
          },
        ])
      ).toEqual([400, "「药物代谢基因检测」没有找到这个采集点，或它已暂停预约，请重新选择采集点"])
      // A slot with no place left.
      const other = await registerCustomer(api as never, publishableKey, "first@example.com")
      const full = { site_id: "site-small", date: day(11), slot: "15:00-16:00" }
      expect((await api.post("/store/appointments", full, other)).status).toBe(201)
      const [status, message] = await refusal([
        { test_method: "mail_in" },
        { test_method: "on_site", collection: full },
      ])
      expect(status).toBe(400)
      expect(message).toMatch(
        /^「药物代谢基因检测」12月\d+日（周.）15:00-16:00 已约满，请选择其他时段或日期$/
      )
      // Mail-in lines need the mail-in option.
      expect(
        await refusal(
          [
            { test_method: "mail_in" },
            { test_method: "on_site", collection: { ...full, slot: "09:00-10:00" } },
          ],
          "on-site"
        )
      ).toEqual([400, "寄送采样盒需要收货地址，请填写收货地址并选择快递寄送"])
      // One person, one place per slot.
      expect(
        await refusal(
          [
            { test_method: "on_site", collection: { ...full, slot: "10:00-11:00" } },
            {
              test_method: "on_site",
              collection: { ...full, site_id: "site-yueyang", slot: "10:00-11:00" },
            },
          ],
          "on-site"
        )
      ).toEqual([
        400,
        "「运动基因检测」和「药物代谢基因检测」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段",
      ])
    })
  },
})
