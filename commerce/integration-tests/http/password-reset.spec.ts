import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { SmtpInbox, type ReceivedMail } from "../helpers/smtp-inbox"

jest.setTimeout(180_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
const STOREFRONT = "https://shop.example.test"
process.env.STOREFRONT_PUBLIC_URL = STOREFRONT
// The built admin calls "/" (its own origin); mails need the absolute public origin.
const COMMERCE = "https://api.shop.example.test"
process.env.COMMERCE_PUBLIC_URL = COMMERCE

const noThrow = { validateStatus: () => true }
const RULE = "密码至少 8 位，且需同时包含字母和数字"
const LINK_INVALID = "重置密码的链接无效、已过期或已使用，请重新申请重置密码"

// The SMTP server the app sends to must listen before the app reads its configuration,
// which the runner's own beforeAll (registered after this one) does.
let inbox: SmtpInbox
beforeAll(async () => {
  inbox = await SmtpInbox.start()
  process.env.SMTP_HOST = "127.0.0.1"
  process.env.SMTP_PORT = String(inbox.port)
  process.env.EMAIL_FROM = "健康服务平台 <no-reply@shop.example.test>"
})
afterAll(async () => {
  await inbox?.close()
})

/** The one link a reset mail carries, the same in its text and HTML parts. */
function resetLinkIn(mail: ReceivedMail): URL {
  const links: string[] = mail.text.match(/https?:\/\/\S+reset-password\?\S+/g) ?? []
  expect(links).toHaveLength(1)
  const [link = ""] = links
  expect(mail.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`)
  return new URL(link)
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    // Every reset request of this file comes from one address; the last test spends the rest.
    let requestsFromThisAddress = 0

    const requestReset = (actor: "customer" | "user", identifier: unknown) => {
      requestsFromThisAddress += 1
      return api.post(`/auth/${actor}/emailpass/reset-password`, { identifier }, noThrow)
    }
    const setPassword = (actor: "customer" | "user", token: string, password: string) =>
      api.post(
        `/auth/${actor}/emailpass/update`,
        { password },
        { headers: { authorization: `Bearer ${token}` }, ...noThrow }
      )
    const signIn = (actor: "customer" | "user", email: string, password: string) =>
      api.post(`/auth/${actor}/emailpass`, { email, password }, noThrow)

    beforeAll(async () => {
      publishableKey = await createPublishableKey(getContainer())
    })

    it("mails a member a link to the storefront's reset page; its token sets a new password once", async () => {
      await registerCustomer(api as never, publishableKey, "li.na@example.com")

      const requested = await requestReset("customer", "li.na@example.com")
      expect(requested.status).toBe(201)

      const mail = await inbox.waitFor("li.na@example.com")
      expect(mail.from).toBe('"健康服务平台" <no-reply@shop.example.test>')
      expect(mail.subject).toBe("重置您的健康服务平台登录密码")
      expect(mail.text).toContain("请在 15 分钟内打开下面的链接设置新密码")
      expect(mail.text).toContain("链接只能使用一次，15 分钟后失效")
      const link = resetLinkIn(mail)
      expect(`${link.origin}${link.pathname}`).toBe(`${STOREFRONT}/account/reset-password`)
      expect(link.searchParams.get("email")).toBe("li.na@example.com")
      const token = link.searchParams.get("token")!

      // The policy is checked before the token is spent: a weak password leaves it usable.
      const weak = await setPassword("customer", token, "password")
      expect([weak.status, weak.data.message]).toEqual([400, RULE])
      const reset = await setPassword("customer", token, "NewSecret678")
      expect([reset.status, reset.data]).toEqual([200, { success: true }])

      const withNew = await signIn("customer", "li.na@example.com", "NewSecret678")
      expect(withNew.data.token).toEqual(expect.any(String))
      const withOld = await signIn("customer", "li.na@example.com", "Secret12345")
      expect([withOld.status, withOld.data.message]).toEqual([401, "邮箱或密码不正确"])

      const reused = await setPassword("customer", token, "Another9876")
      expect([reused.status, reused.data.message]).toEqual([401, LINK_INVALID])
      expect((await signIn("customer", "li.na@example.com", "NewSecret678")).status).toBe(200)

      // The notification is on record without the link: staff can read the module's table.
      const [notification] = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ to: "li.na@example.com" })
      expect(notification).toMatchObject({
        channel: "email",
        template: "password-reset",
        status: "success",
        data: { audience: "member" },
      })
      expect(JSON.stringify(notification)).not.toContain(token)
    })

    it("mails staff a link to the admin's own reset page, which sets the staff password", async () => {
      await adminHeaders(getContainer(), api as never, "wang.staff@example.com", [])
      expect((await requestReset("user", "wang.staff@example.com")).status).toBe(201)

      const mail = await inbox.waitFor("wang.staff@example.com")
      expect(mail.subject).toBe("重置您的健康服务平台管理后台登录密码")
      expect(mail.text).toContain("管理后台账号")
      const link = resetLinkIn(mail)
      expect(`${link.origin}${link.pathname}`).toBe(`${COMMERCE}/app/reset-password`)
      expect(link.searchParams.get("email")).toBe("wang.staff@example.com")
      const token = link.searchParams.get("token")!

      // A member's reset route does not take a staff token.
      const crossed = await setPassword("customer", token, "StaffNew2468")
      expect([crossed.status, crossed.data.message]).toEqual([401, LINK_INVALID])
      const reset = await setPassword("user", token, "StaffNew2468")
      expect(reset.status).toBe(200)
      const signedIn = await signIn("user", "wang.staff@example.com", "StaffNew2468")
      expect(signedIn.status).toBe(200)
      const me = await api.get("/admin/users/me", {
        headers: { authorization: `Bearer ${signedIn.data.token}` },
      })
      expect(me.data.user.email).toBe("wang.staff@example.com")
    })

    it("answers an unknown email exactly like a known one and mails nobody", async () => {
      await registerCustomer(api as never, publishableKey, "known@example.com")
      const unknown = await requestReset("customer", "nobody@example.com")
      const known = await requestReset("customer", "known@example.com")
      expect([unknown.status, unknown.data]).toEqual([known.status, known.data])
      expect(unknown.status).toBe(201)

      await inbox.waitFor("known@example.com")
      // The known address's mail went out after the unknown request was handled.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(inbox.to("nobody@example.com")).toEqual([])
    })

    it("refuses a wrong, expired, superseded or sign-in token in Chinese, leaving the password", async () => {
      await registerCustomer(api as never, publishableKey, "zhao@example.com")
      const container = getContainer()
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const auth = container.resolve(Modules.AUTH)
      const resetToken = (jti: string, expiresIn: number) =>
        generateJwtToken(
          {
            entity_id: "zhao@example.com",
            provider: "emailpass",
            actor_type: "customer",
            purpose: "reset",
          },
          { secret: http.jwtSecret as string, expiresIn, jwtOptions: { jwtid: jti } }
        )

      const garbage = await setPassword("customer", "not-a-token", "Fresh12345")
      expect([garbage.status, garbage.data.message]).toEqual([401, LINK_INVALID])

      // Medusa's 15 minutes are up (here: a one-second token) although the JWT still runs.
      const shortLived = await auth.createPasswordResetToken({
        provider: "emailpass",
        entity_id: "zhao@example.com",
        ttl_seconds: 1,
      })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const expiredRow = await setPassword(
        "customer",
        resetToken(shortLived.jti, 900),
        "Fresh12345"
      )
      expect([expiredRow.status, expiredRow.data.message]).toEqual([401, LINK_INVALID])

      // The JWT itself has expired.
      const live = await auth.createPasswordResetToken({
        provider: "emailpass",
        entity_id: "zhao@example.com",
        ttl_seconds: 900,
      })
      const expiredJwt = await setPassword("customer", resetToken(live.jti, -60), "Fresh12345")
      expect([expiredJwt.status, expiredJwt.data.message]).toEqual([401, LINK_INVALID])

      // Asking again sends a new link and the earlier one stops working.
      expect((await requestReset("customer", "zhao@example.com")).status).toBe(201)
      const first = resetLinkIn(await inbox.waitFor("zhao@example.com", 1))
      expect((await requestReset("customer", "zhao@example.com")).status).toBe(201)
      const second = resetLinkIn(await inbox.waitFor("zhao@example.com", 2))
      const superseded = await setPassword(
        "customer",
        first.searchParams.get("token")!,
        "Fresh12345"
      )
      expect([superseded.status, superseded.data.message]).toEqual([401, LINK_INVALID])

      // A sign-in token is not a reset token.
      const session = await signIn("customer", "zhao@example.com", "Secret12345")
      const withSession = await setPassword("customer", session.data.token, "Fresh12345")
      expect([withSession.status, withSession.data.message]).toEqual([401, LINK_INVALID])

      expect((await signIn("customer", "zhao@example.com", "Secret12345")).status).toBe(200)
      expect(
        (await setPassword("customer", second.searchParams.get("token")!, "Fresh12345")).status
      ).toBe(200)
    })

    it("limits reset requests per email and per address, whether the email exists or not", async () => {
      for (const email of ["limit@example.com", "ghost@example.com"]) {
        if (email === "limit@example.com") {
          await registerCustomer(api as never, publishableKey, email)
        }
        for (let i = 0; i < 5; i++) {
          expect((await requestReset("customer", email)).status).toBe(201)
        }
        const refused = await requestReset("customer", email.toUpperCase())
        expect(refused.status).toBe(429)
        expect(refused.headers["retry-after"]).toMatch(/^\d+$/)
        expect(refused.data.message).toMatch(/^重置密码的请求过于频繁，请 \d+ 分钟后再试/)
      }
      await inbox.waitFor("limit@example.com", 5)

      // 20 requests an hour from one address, across all emails.
      while (requestsFromThisAddress < 20) {
        expect(
          (await requestReset("customer", `other-${requestsFromThisAddress}@example.com`)).status
        ).toBe(201)
      }
      const refused = await requestReset("customer", "fresh-address-test@example.com")
      expect([refused.status, refused.data.type]).toEqual([429, "too_many_requests"])
    })
  },
})
