import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { createPublishableKey } from "../helpers/actors"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(120_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")

    beforeEach(async () => {
      store = { headers: { "x-publishable-api-key": await createPublishableKey(getContainer()) } }
    })

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const requestCode = (phone: string) =>
      api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
    const latestCode = (phone: string) => LogSmsSender.latestTo(phone)?.params.code as string
    const allowResend = (phone: string) => redis.del(`${prefix}:otp:cooldown:${phone}`)
    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)

    it("texts a code, and the first sign-in with it registers a phone-only member", async () => {
      const sent = await requestCode("138 0013 8000")
      expect(sent.status).toBe(201)
      expect(sent.data).toEqual({ sent: true, expires_in: 300 })
      const code = latestCode("+8613800138000")
      expect(code).toMatch(/^\d{6}$/)

      const wrong = await failure(
        api.post("/auth/customer/phone", {
          phone: "13800138000",
          code: code === "000000" ? "111111" : "000000",
        })
      )
      expect(wrong.status).toBe(401)
      expect(wrong.data.message).toBe("验证码不正确，还可尝试 4 次")

      const signedIn = await api.post("/auth/customer/phone", { phone: "13800138000", code })
      expect(signedIn.data.registered).toBe(true)
      const me = await api.get("/store/customers/me", {
        headers: { ...store.headers, authorization: `Bearer ${signedIn.data.token}` },
      })
      expect(me.data.customer).toMatchObject({
        phone: "+8613800138000",
        email: null,
        has_account: true,
      })

      const reused = await failure(api.post("/auth/customer/phone", { phone: "13800138000", code }))
      expect(reused.status).toBe(401)
      expect(reused.data.message).toBe("验证码已失效，请重新获取")

      await allowResend("+8613800138000")
      await requestCode("+86 138-0013-8000")
      const again = await api.post("/auth/customer/phone", {
        phone: "+8613800138000",
        code: latestCode("+8613800138000"),
      })
      expect(again.data.registered).toBe(false)
      const meAgain = await api.get("/store/customers/me", {
        headers: { ...store.headers, authorization: `Bearer ${again.data.token}` },
      })
      expect(meAgain.data.customer.id).toBe(me.data.customer.id)
    })

    it("locks a code after five wrong tries", async () => {
      await requestCode("13900139000")
      const code = latestCode("+8613900139000")
      const wrong = code === "000000" ? "111111" : "000000"
      for (let i = 0; i < 4; i++) {
        await failure(api.post("/auth/customer/phone", { phone: "13900139000", code: wrong }))
      }
      const fifth = await failure(
        api.post("/auth/customer/phone", { phone: "13900139000", code: wrong })
      )
      expect(fifth.data.message).toBe("验证码错误次数过多，请重新获取")
      const right = await failure(api.post("/auth/customer/phone", { phone: "13900139000", code }))
      expect(right.status).toBe(401)
    })

    it("limits how often codes are sent and explains bad numbers", async () => {
      expect((await requestCode("13700137000")).status).toBe(201)
      const tooSoon = await failure(requestCode("13700137000"))
      expect(tooSoon.status).toBe(429)
      expect(tooSoon.data.message).toMatch(/^验证码发送过于频繁，请 \d+ 秒后再试$/)
      expect(Number(tooSoon.headers["retry-after"])).toBeGreaterThan(0)

      const badNumber = await failure(requestCode("12345"))
      expect(badNumber.status).toBe(400)
      expect(badNumber.data.message).toBe("请输入正确的中国大陆手机号")

      const badPurpose = await failure(
        api.post("/store/auth/sms-codes", { phone: "13700137001", purpose: "x" }, store)
      )
      expect(badPurpose.status).toBe(400)
    })

    it("signs a mini-program user in with a wx.login code, registering them once", async () => {
      const standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      try {
        const first = await api.post("/auth/customer/wechat", { code: "wx-code-alice.1" })
        expect(first.data.registered).toBe(true)
        const me = await api.get("/store/customers/me", {
          headers: { ...store.headers, authorization: `Bearer ${first.data.token}` },
        })
        expect(me.data.customer).toMatchObject({ email: null, phone: null, has_account: true })
        expect(me.data.customer.metadata.signup_method).toBe("wechat")
        expect(me.data.customer.metadata.wechat_openid).toMatch(/^o/)

        const second = await api.post("/auth/customer/wechat", { code: "wx-code-alice.2" })
        expect(second.data.registered).toBe(false)

        const reused = await failure(api.post("/auth/customer/wechat", { code: "wx-code-alice.2" }))
        expect(reused.status).toBe(401)
        expect(reused.data.message).toBe("微信登录凭证无效或已过期，请重试")

        const missing = await failure(api.post("/auth/customer/wechat", {}))
        expect(missing.status).toBe(401)
        expect(missing.data.message).toContain("code")
      } finally {
        standin.process.kill()
      }
    })

    it("binds the number a mini-program member shares with 手机号快速验证, once per code", async () => {
      const standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      try {
        const signIn = async (code: string) => {
          const { data } = await api.post("/auth/customer/wechat", { code })
          return { headers: { ...store.headers, authorization: `Bearer ${data.token}` } }
        }
        const bob = await signIn("wx-code-bob.1")
        const bind = (code: unknown, as = bob) =>
          failure(api.post("/store/customers/me/phone/wechat", { code }, as))

        const bound = await api.post(
          "/store/customers/me/phone/wechat",
          { code: "wx-phone-15900159000.1" },
          bob
        )
        expect(bound.status).toBe(200)
        expect(bound.data.customer.phone).toBe("+8615900159000")
        const calls = await (await fetch(`${standin.url}/__standin/phone-number-calls`)).json()
        expect(calls).toEqual([{ code: "wx-phone-15900159000.1", ok: true }])

        // The number now signs in to the same member with an SMS code.
        expect((await failure(requestCode("15900159000"))).status).toBe(201)
        const byPhone = await api.post("/auth/customer/phone", {
          phone: "15900159000",
          code: latestCode("+8615900159000"),
        })
        const me = await api.get("/store/customers/me", {
          headers: { ...store.headers, authorization: `Bearer ${byPhone.data.token}` },
        })
        expect(me.data.customer.metadata.wechat_openid).toMatch(/^o/)
        expect(me.data.customer.phone).toBe("+8615900159000")

        const reused = await bind("wx-phone-15900159000.1")
        expect(reused.status).toBe(400)
        expect(reused.data.message).toBe("微信手机号授权已失效，请重新点击“微信手机号快捷绑定”")

        const abroad = await bind("wx-phone-intl-61234567.1")
        expect(abroad.status).toBe(400)
        expect(abroad.data.message).toBe(
          "目前仅支持绑定中国大陆手机号，请使用短信验证码绑定其他号码"
        )

        // Another member's number stays theirs.
        const carol = await signIn("wx-code-carol.1")
        const taken = await bind("wx-phone-15900159000.2", carol)
        expect(taken.status).toBe(409)
        expect(taken.data.message).toContain("该手机号已绑定其他账号")

        const missing = await bind(undefined)
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain("缺少微信手机号授权码")
        const anonymous = await failure(
          api.post("/store/customers/me/phone/wechat", { code: "wx-phone-13700137001.1" }, store)
        )
        expect(anonymous.status).toBe(401)

        // WeChat not answering: a 502 that sends the member to the SMS code instead.
        standin.process.kill()
        const down = await bind("wx-phone-13700137002.1", carol)
        expect(down.status).toBe(502)
        expect(down.data.message).toBe("微信暂时无法验证手机号，请稍后再试，或使用短信验证码绑定")
      } finally {
        standin.process.kill()
      }
    })

    it("does not let staff accounts sign in by phone", async () => {
      await requestCode("13600136000")
      const staff = await failure(
        api.post("/auth/user/phone", { phone: "13600136000", code: latestCode("+8613600136000") })
      )
      expect([400, 401]).toContain(staff.status)
      expect(staff.data.message).toBe("此账号不能用这种方式登录：员工账号只能用邮箱和密码登录")
    })
  },
})
