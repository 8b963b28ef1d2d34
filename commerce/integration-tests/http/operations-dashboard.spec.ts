import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { YUEYANG_ADDRESS, cartReadyForPayment } from "../helpers/checkout"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX = `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }

/** Today in Beijing. */
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const PERIOD = `from=${today}&to=${today}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    let finance: Headers
    let operations: Headers
    let lab: Headers
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never, "root@health.local")
      finance = await adminHeaders(container, api as never, "cw@health.local", ["finance"])
      operations = await adminHeaders(container, api as never, "yy@health.local", ["operations"])
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
    })

    /** A kit paid offline, which only 岳阳 orders may use. */
    async function order(buyer: Headers, address: Record<string, string>) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test",
        address
      )
      // A mailed kit ships by courier: never the on-site collection option.
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, buyer)
      const courier = options.shipping_options.find(
        (option: { name: string }) => !option.name.includes("现场")
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id }, buyer)
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data, status } = await api.post(
        `/store/carts/${cartId}/complete`,
        {},
        {
          ...buyer,
          ...noThrow,
        }
      )
      expect({ status, message: data.message }).toEqual({ status: 200, message: undefined })
      expect(data.type).toBe("order")
      return data.order.id as string
    }

    it("answers sales and regions in fen and counts, audit-logged, for 运营 and 财务", async () => {
      const buyer = await registerCustomer(api as never, publishableKey, "dash@example.com")
      const paidId = await order(buyer, YUEYANG_ADDRESS)
      await order(buyer, YUEYANG_ADDRESS)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [paid],
      } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
        filters: { id: paidId },
      })
      const payment = (paid as any).payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, finance)
      const fen = Math.round(Number(payment.amount) * 100)
      expect(fen).toBeGreaterThan(0)

      const { data } = await api.get(`/admin/dashboard/overview?${PERIOD}`, operations)
      expect(data.sales).toEqual([{ period: today, paid: fen, orders: 2 }])
      expect(data.regions).toEqual([{ province: "湖南省", orders: 2 }])

      const only = await api.get(`/admin/dashboard/overview?${PERIOD}&block=regions`, finance)
      expect(Object.keys(only.data)).toEqual(["regions"])

      const empty = await api.get("/admin/dashboard/overview?from=2001-01-01&to=2001-01-31", admin)
      expect(empty.data).toEqual({ sales: [], regions: [] })

      // The audit entry is written once each answer is sent: wait for all three reads.
      const logged = await eventually(
        () =>
          getContainer()
            .resolve(ContainerRegistrationKeys.PG_CONNECTION)
            .raw(`select count(*)::int n from audit_entry where action = 'dashboard.overview'`)
            .then((result: { rows: { n: number }[] }) => result.rows[0].n),
        (n) => n >= 3
      )
      expect(logged).toBe(3)
    })

    it("refuses a role without orders read and answers bad input 400 in Chinese", async () => {
      const refused = await api.get(`/admin/dashboard/overview?${PERIOD}`, { ...lab, ...noThrow })
      expect(refused.status).toBe(403)
      const reversed = await api.get("/admin/dashboard/overview?from=2026-02-01&to=2026-01-01", {
        ...admin,
        ...noThrow,
      })
      expect(reversed.status).toBe(400)
      expect(reversed.data.message).toContain("开始日期不能晚于结束日期")
      const bad = await api.get(`/admin/dashboard/overview?${PERIOD}&granularity=hour`, {
        ...admin,
        ...noThrow,
      })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("granularity")
    })
  },
})
