import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { randomUUID } from "crypto"
import { createPublishableKey, registerCustomer } from "../helpers/actors"

jest.setTimeout(180_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

const noThrow = { validateStatus: () => true }
const RULE = "密码至少 8 位，且需同时包含字母和数字"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string

    beforeAll(async () => {
      publishableKey = await createPublishableKey(getContainer())
    })

    /** A fresh email login's token, before any customer exists for it. */
    async function registrationToken(email: string) {
      const { data } = await api.post("/auth/customer/emailpass/register", {
        email,
        password: "Secret12345",
      })
      return {
        headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${data.token}` },
        ...noThrow,
      }
    }

    it("refuses at sign-up what only the server may set, each in Chinese", async () => {
      const signUp = await registrationToken("sneaky@example.com")
      const cases: [Record<string, unknown>, string | RegExp][] = [
        [{ phone: "+8613800138000" }, "手机号需通过短信验证码绑定"],
        [{ metadata: { signup_method: "wechat" } }, "资料中只能修改出生日期和职业"],
        [{ metadata: { wechat_openid: "o-someone-else" } }, "资料中只能修改出生日期和职业"],
        [{ metadata: { birth_date: "1990-02-30" } }, "出生日期格式应为 YYYY-MM-DD，且不晚于今天"],
        [{ metadata: { birth_date: "2999-01-01" } }, "出生日期格式应为 YYYY-MM-DD，且不晚于今天"],
        [{ metadata: { birth_date: "1990/05/20" } }, "出生日期格式应为 YYYY-MM-DD，且不晚于今天"],
        [{ company_name: "假单位" }, "会员类型和单位信息请在“会员类型”中修改"],
        // Medusa's own validator refuses keys it does not know before ours runs.
        [{ has_account: false }, /has_account/],
      ]
      for (const [extra, message] of cases) {
        const refused = await api.post(
          "/store/customers",
          { email: "sneaky@example.com", ...extra },
          signUp
        )
        expect([refused.status, refused.data.message]).toEqual([
          400,
          typeof message === "string" ? message : expect.stringMatching(message),
        ])
      }
      const customers = await getContainer()
        .resolve(Modules.CUSTOMER)
        .listCustomers({ email: "sneaky@example.com" })
      expect(customers).toEqual([])

      const { status, data } = await api.post(
        "/store/customers",
        {
          email: "sneaky@example.com",
          first_name: "小",
          last_name: "王",
          metadata: { birth_date: "1990-05-20", occupation: "教师" },
        },
        signUp
      )
      expect(status).toBe(200)
      expect(data.customer).toMatchObject({
        email: "sneaky@example.com",
        phone: null,
        metadata: { birth_date: "1990-05-20", occupation: "教师" },
      })
    })

    it("holds the profile route to the same allow-list", async () => {
      const member = await registerCustomer(api as never, publishableKey, "profile@example.com")
      const refused = await api.post(
        "/store/customers/me",
        { phone: "+8613800138000", metadata: { signup_method: "wechat" } },
        { ...member, ...noThrow }
      )
      expect([refused.status, refused.data.message]).toEqual([
        400,
        "资料中只能修改出生日期和职业；手机号需通过短信验证码绑定",
      ])
      const saved = await api.post(
        "/store/customers/me",
        { first_name: "三", metadata: { occupation: "医生" } },
        member
      )
      expect(saved.data.customer).toMatchObject({
        email: "profile@example.com",
        first_name: "三",
        metadata: { occupation: "医生" },
      })
    })

    it("registers members and staff only with a password of 8+ characters with letters and digits, however the path is spelled", async () => {
      for (const [path, password] of [
        ["/auth/customer/emailpass/register", "a"],
        ["/auth/customer/emailpass/register", "abcdefgh"],
        ["/auth/customer/emailpass/register", "12345678"],
        ["/AUTH/Customer/EmailPass/register/", "a1"],
        ["/auth/user/emailpass/register", "1"],
      ]) {
        const refused = await api.post(path, { email: "weak@example.com", password }, noThrow)
        expect([path, refused.status, refused.data.message]).toEqual([path, 400, RULE])
      }
      const identities = await getContainer()
        .resolve(Modules.AUTH)
        .listProviderIdentities({ entity_id: "weak@example.com" })
      expect(identities).toEqual([])

      const accepted = await api.post("/auth/customer/emailpass/register", {
        email: "strong@example.com",
        password: "abc12345",
      })
      expect(accepted.status).toBe(200)
    })

    it("applies the policy to a password reset and to a member's password change", async () => {
      const member = await registerCustomer(api as never, publishableKey, "reset@example.com")
      const container = getContainer()
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const { result: resetToken } = await generateResetPasswordTokenWorkflow(container).run({
        input: {
          entityId: "reset@example.com",
          actorType: "customer",
          provider: "emailpass",
          secret: http.jwtSecret as string,
        },
      })
      const reset = (password: string) =>
        api.post(
          "/auth/customer/emailpass/update",
          { password },
          { headers: { authorization: `Bearer ${resetToken}` }, ...noThrow }
        )
      const weak = await reset("password")
      expect([weak.status, weak.data.message]).toEqual([400, RULE])
      expect((await reset("NewSecret678")).status).toBe(200)
      const signedIn = await api.post("/auth/customer/emailpass", {
        email: "reset@example.com",
        password: "NewSecret678",
      })
      expect(signedIn.data.token).toEqual(expect.any(String))

      const change = await api.post(
        "/store/customers/me/password",
        { current_password: "NewSecret678", new_password: "onlyletters" },
        { ...member, ...noThrow }
      )
      expect(change.status).toBe(400)
      expect(change.data.message).toContain("新密码至少 8 位，且需同时包含字母和数字")
    })
  },
})
