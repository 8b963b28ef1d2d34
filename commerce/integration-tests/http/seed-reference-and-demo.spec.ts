import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { DEMO_CUSTOMER } from "../../src/scripts/seed/demo-customer"
import { ESCORT_SERVICES } from "../../src/scripts/seed/reference-escort-services"

jest.setTimeout(180_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

/** Row counts of what the seed creates, reference and demo alike. */
async function census(container: MedusaContainer) {
  const count = async (entity: string) => {
    const { data } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity, fields: ["id"] })
    return data.length
  }
  const demoMembers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ email: DEMO_CUSTOMER.email })
  return {
    regions: await count("region"),
    salesChannels: await count("sales_channel"),
    publishableKeys: (await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" }))
      .length,
    stockLocations: await count("stock_location"),
    shippingOptions: await count("shipping_option"),
    categories: await count("product_category"),
    users: await count("user"),
    products: await count("product"),
    priceLists: await count("price_list"),
    demoMembers: demoMembers.length,
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    const seedWith = async (seedDemo: string | undefined) => {
      const before = process.env.SEED_DEMO
      if (seedDemo === undefined) delete process.env.SEED_DEMO
      else process.env.SEED_DEMO = seedDemo
      try {
        await seed({ container: getContainer(), args: [] } as never)
      } finally {
        if (before === undefined) delete process.env.SEED_DEMO
        else process.env.SEED_DEMO = before
      }
      return census(getContainer())
    }

    it("without SEED_DEMO creates reference data only, and a second run changes nothing", async () => {
      const first = await seedWith(undefined)
      expect(first).toMatchObject({
        regions: 1,
        // The shop's channel and the 陪诊 services' own.
        salesChannels: 2,
        publishableKeys: 1,
        stockLocations: 1,
        shippingOptions: 2,
        users: 1,
        // The 陪诊 services are reference data: bookings are priced from them.
        products: ESCORT_SERVICES.length,
        priceLists: 0,
        demoMembers: 0,
      })
      expect(first.categories).toBeGreaterThan(0)
      expect(await seedWith(undefined)).toEqual(first)
      // Any value other than 1 is not a request for demo data.
      expect(await seedWith("0")).toEqual(first)

      const [admin] = await getContainer().resolve(Modules.USER).listUsers({})
      expect(admin.email).toBe("admin@health.local")
    })

    it("with SEED_DEMO=1 adds the demo catalogue and member once, keeping the reference data", async () => {
      const reference = await seedWith(undefined)
      const demo = await seedWith("1")
      expect(demo).toMatchObject({
        ...reference,
        products: ESCORT_SERVICES.length + 8,
        priceLists: 1,
        demoMembers: 1,
      })
      expect(await seedWith("1")).toEqual(demo)
      // Turning SEED_DEMO off later removes nothing and adds nothing.
      expect(await seedWith(undefined)).toEqual(demo)
    })
  },
})
