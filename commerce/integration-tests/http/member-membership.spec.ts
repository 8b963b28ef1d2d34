import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"

jest.setTimeout(120_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let staff: { headers: Record<string, string> }
    let groupId: string

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      const [group] = await container
        .resolve(Modules.CUSTOMER)
        .listCustomerGroups({ name: "团体会员" })
      groupId = group.id
      staff = await adminHeaders(container, api, "membership-ops@health.local")
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const declare = (member: unknown, body: Record<string, unknown>) =>
      api.post("/store/customers/me/membership", body, member)
    const meOf = async (member: unknown) =>
      (await api.get("/store/customers/me", member as never)).data.customer
    /** Staff see the group's members as in the admin's customer group page. */
    const groupMemberIds = async () => {
      const { data } = await api.get(
        `/admin/customers?groups[]=${groupId}&fields=id&limit=100`,
        staff
      )
      return data.customers.map((c: { id: string }) => c.id)
    }
    const company = { company_name: "岳阳市第一人民医院", company_nature: "事业单位" }

    it("seeds the 团体会员 group and its price list once", async () => {
      await seed({ container: getContainer(), args: [] } as never)
      const container = getContainer()
      expect(
        await container.resolve(Modules.CUSTOMER).listCustomerGroups({ name: "团体会员" })
      ).toHaveLength(1)
      expect(
        (await container.resolve(Modules.PRICING).listPriceLists()).filter(
          (list) => list.title === "团体会员价"
        )
      ).toHaveLength(1)
    })

    it("puts a group registration in the 团体会员 group with its company", async () => {
      const member = await registerCustomer(api, publishableKey, "group@health.local")
      const declared = await declare(member, { type: "group", ...company })
      expect(declared.status).toBe(200)
      expect(declared.data.customer.metadata).toMatchObject({
        membership_type: "group",
        ...company,
      })
      expect(declared.data.customer.groups).toEqual([
        expect.objectContaining({ id: groupId, name: "团体会员" }),
      ])
      expect(await groupMemberIds()).toContain(declared.data.customer.id)

      // Declaring again (a new company name) keeps one membership.
      const again = await declare(member, {
        type: "group",
        ...company,
        company_name: "岳阳市教育局",
      })
      expect(again.data.customer.metadata.company_name).toBe("岳阳市教育局")
      expect(again.data.customer.groups).toHaveLength(1)
    })

    it("takes a member who switches back to 个人会员 out of the group and drops the company", async () => {
      const member = await registerCustomer(api, publishableKey, "switch@health.local")
      await declare(member, { type: "group", ...company })
      const { data } = await declare(member, { type: "individual" })
      expect(data.customer.groups).toEqual([])
      expect(data.customer.metadata.membership_type).toBe("individual")
      expect(data.customer.metadata).not.toHaveProperty("company_name")
      expect(data.customer.metadata).not.toHaveProperty("company_nature")
      expect(await groupMemberIds()).not.toContain(data.customer.id)
      // An individual who declares individual again changes nothing.
      expect((await declare(member, { type: "individual" })).status).toBe(200)
    })

    it("keeps birth date and occupation when the type changes", async () => {
      const member = await registerCustomer(api, publishableKey, "profile-kept@health.local")
      await api.post(
        "/store/customers/me",
        { metadata: { birth_date: "1990-05-20", occupation: "教师" } },
        member
      )
      await declare(member, { type: "group", ...company })
      expect((await meOf(member)).metadata).toMatchObject({
        birth_date: "1990-05-20",
        occupation: "教师",
        membership_type: "group",
      })
    })

    it("refuses membership keys through the profile route and at sign-up", async () => {
      const member = await registerCustomer(api, publishableKey, "sneaky@health.local")
      for (const metadata of [
        { membership_type: "group" },
        { company_name: "假单位" },
        { occupation: "教师", company_nature: "企业" },
      ]) {
        const refused = await failure(api.post("/store/customers/me", { metadata }, member))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("会员类型和单位信息请在“会员类型”中修改")
      }
      const me = await meOf(member)
      expect(me.metadata ?? {}).not.toHaveProperty("membership_type")
      expect(await groupMemberIds()).not.toContain(me.id)

      const { data } = await api.post("/auth/customer/emailpass/register", {
        email: "sneaky-signup@health.local",
        password: "Secret12345",
      })
      const atSignUp = await failure(
        api.post(
          "/store/customers",
          { email: "sneaky-signup@health.local", metadata: { membership_type: "group" } },
          {
            headers: {
              "x-publishable-api-key": publishableKey,
              authorization: `Bearer ${data.token}`,
            },
          }
        )
      )
      expect(atSignUp.status).toBe(400)
      expect(atSignUp.data.message).toBe("会员类型和单位信息请在“会员类型”中修改")
    })

    it("answers 400 in Chinese for a group without company name or nature, or an unknown type", async () => {
      const member = await registerCustomer(api, publishableKey, "incomplete@health.local")
      const cases: [Record<string, unknown>, string][] = [
        [{ type: "group", company_nature: "企业" }, "团体会员请填写单位名称"],
        [{ type: "group", company_name: "  ", company_nature: "企业" }, "团体会员请填写单位名称"],
        [{ type: "group", company_name: "某公司" }, "请选择单位性质"],
        [{ type: "group", company_name: "某公司", company_nature: "外企" }, "请选择单位性质"],
        [{ type: "vip" }, "请选择会员类型"],
        [{}, "请选择会员类型"],
      ]
      for (const [body, message] of cases) {
        const refused = await failure(declare(member, body))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain(message)
      }
      expect(await groupMemberIds()).not.toContain((await meOf(member)).id)
    })

    it("needs a signed-in member", async () => {
      const refused = await failure(
        api.post(
          "/store/customers/me/membership",
          { type: "individual" },
          { headers: { "x-publishable-api-key": publishableKey } }
        )
      )
      expect(refused.status).toBe(401)
    })

    it("shows a group member the 团体会员价 (9折) and others the list price", async () => {
      const store = { headers: { "x-publishable-api-key": publishableKey } }
      const { data: regions } = await api.get("/store/regions", store)
      const priceFor = async (member: { headers: Record<string, string> }) => {
        const { data } = await api.get(
          `/store/products?handle=drug-metabolism-gene-test&region_id=${regions.regions[0].id}&fields=*variants.calculated_price`,
          member
        )
        const standard = data.products[0].variants.find(
          (v: { title: string }) => v.title === "标准版 / 单人装"
        )
        return standard.calculated_price.calculated_amount
      }
      const group = await registerCustomer(api, publishableKey, "priced@health.local")
      const individual = await registerCustomer(api, publishableKey, "list@health.local")
      await declare(group, { type: "group", ...company })
      expect(await priceFor(group)).toBe(809)
      expect(await priceFor(individual)).toBe(899)
      expect(await priceFor(store)).toBe(899)

      await declare(group, { type: "individual" })
      expect(await priceFor(group)).toBe(899)
    })
  },
})
