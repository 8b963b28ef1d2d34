import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import webpush from "web-push"
import { createPublishableKey, registerCustomer } from "../helpers/actors"
import { startWebPushStandin, type WebPushStandin } from "../helpers/web-push-standin"
import { kitStatusNotice } from "../../src/notifications/kits.zh-CN"
import { notifyMember } from "../../src/notifications/notify-member"
import { WEB_PUSH_SUBSCRIPTION_MODULE } from "../../src/modules/web-push-subscription"
import type WebPushSubscriptionModuleService from "../../src/modules/web-push-subscription/service"

jest.setTimeout(120_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
// 消息提醒 (web push): this server's VAPID identity; the push service is a stand-in below.
const vapid = webpush.generateVAPIDKeys()
process.env.WEB_PUSH_VAPID_PUBLIC_KEY = vapid.publicKey
process.env.WEB_PUSH_VAPID_PRIVATE_KEY = vapid.privateKey
process.env.WEB_PUSH_SUBJECT = "mailto:ops@health.local"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")

    beforeEach(async () => {
      publishableKey = await createPublishableKey(getContainer())
    })

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const bearer = (token: string) => ({
      headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${token}` },
    })
    /** Texts a code for `purpose`, lifting the resend pause a previous code left behind. */
    const textedCode = async (digits: string, purpose: "login" | "bind") => {
      await redis.del(`${prefix}:otp:cooldown:+86${digits}`)
      const sent = await api.post(
        "/store/auth/sms-codes",
        { phone: digits, purpose },
        { headers: { "x-publishable-api-key": publishableKey } }
      )
      expect(sent.status).toBe(201)
      return LogSmsSender.latestTo(`+86${digits}`)?.params.code as string
    }
    /** The email of the member a sign-in token opens, so a token is proven to be theirs. */
    const emailOf = async (token: string) =>
      (await api.get("/store/customers/me", bearer(token))).data.customer.email
    const otherThan = (code: string) => (code === "000000" ? "111111" : "000000")
    const phoneMember = async (digits: string) => {
      const code = await textedCode(digits, "login")
      const { data } = await api.post("/auth/customer/phone", { phone: digits, code })
      return bearer(data.token)
    }

    describe("brute-force limits on passwords", () => {
      it("makes an address wait after 5 wrong tries at an account, even with the right password", async () => {
        await registerCustomer(api, publishableKey, "guess@health.local")
        await registerCustomer(api, publishableKey, "bystander@health.local")
        const signIn = (email: string, password: string) =>
          failure(api.post("/auth/customer/emailpass", { email, password }))
        for (let attempt = 0; attempt < 5; attempt++) {
          expect((await signIn("guess@health.local", `Wrong${attempt}xx`)).status).toBe(401)
        }
        const locked = await signIn("GUESS@health.local", "Secret12345")
        expect(locked.status).toBe(429)
        expect(locked.headers["retry-after"]).toBe("1")
        expect(locked.data.message).toBe(
          "密码错误次数过多，为保护账号安全请 1 秒后再试，或使用手机验证码登录"
        )
        // Another member on the same address is not affected.
        const other = await api.post("/auth/customer/emailpass", {
          email: "bystander@health.local",
          password: "Secret12345",
        })
        expect(await emailOf(other.data.token)).toBe("bystander@health.local")
      })

      it("locks the password change after 5 wrong current passwords", async () => {
        const member = await registerCustomer(api, publishableKey, "pw-guess@health.local")
        const change = (current: string) =>
          failure(
            api.post(
              "/store/customers/me/password",
              { current_password: current, new_password: "NewSecret678" },
              member
            )
          )
        for (let attempt = 0; attempt < 5; attempt++) {
          expect((await change(`Wrong${attempt}xx`)).status).toBe(400)
        }
        const locked = await change("Secret12345")
        expect(locked.status).toBe(429)
        expect(locked.data.message).toContain("或退出后用短信验证码登录并重设密码")
      })
    })

    describe("POST /store/customers/me/password", () => {
      it("changes the password after checking the current one", async () => {
        const member = await registerCustomer(api, publishableKey, "pw-ok@health.local")
        const changed = await api.post(
          "/store/customers/me/password",
          { current_password: "Secret12345", new_password: "NewSecret678" },
          member
        )
        expect(changed.status).toBe(200)
        expect(changed.data).toEqual({ success: true })

        const withNew = await api.post("/auth/customer/emailpass", {
          email: "pw-ok@health.local",
          password: "NewSecret678",
        })
        expect(await emailOf(withNew.data.token)).toBe("pw-ok@health.local")
        const withOld = await failure(
          api.post("/auth/customer/emailpass", {
            email: "pw-ok@health.local",
            password: "Secret12345",
          })
        )
        expect(withOld.status).toBe(401)
      })

      it("refuses a wrong current password and keeps the old one", async () => {
        const member = await registerCustomer(api, publishableKey, "pw-wrong@health.local")
        const refused = await failure(
          api.post(
            "/store/customers/me/password",
            { current_password: "NotMyPassword", new_password: "NewSecret678" },
            member
          )
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("当前密码不正确")
        const withOld = await api.post("/auth/customer/emailpass", {
          email: "pw-wrong@health.local",
          password: "Secret12345",
        })
        expect(await emailOf(withOld.data.token)).toBe("pw-wrong@health.local")
      })

      it("refuses a new password shorter than 8 characters or equal to the current one", async () => {
        const member = await registerCustomer(api, publishableKey, "pw-short@health.local")
        const short = await failure(
          api.post(
            "/store/customers/me/password",
            { current_password: "Secret12345", new_password: "short7!" },
            member
          )
        )
        expect(short.status).toBe(400)
        expect(short.data.message).toContain("新密码至少 8 位")

        const same = await failure(
          api.post(
            "/store/customers/me/password",
            { current_password: "Secret12345", new_password: "Secret12345" },
            member
          )
        )
        expect(same.status).toBe(400)
        expect(same.data.message).toContain("新密码不能与当前密码相同")
      })

      it("tells a member who signed up by phone that they have no password", async () => {
        const member = await phoneMember("13700137100")
        const refused = await failure(
          api.post(
            "/store/customers/me/password",
            { current_password: "anything1", new_password: "NewSecret678" },
            member
          )
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe(
          "您的账号通过手机号或微信注册，没有登录密码，请继续使用短信验证码登录"
        )
      })
    })

    describe("POST /store/customers/me/phone", () => {
      it("binds a number with its code, and that number then signs in to the same member", async () => {
        const member = await registerCustomer(api, publishableKey, "bind-ok@health.local")
        const code = await textedCode("13800138100", "bind")

        const wrong = await failure(
          api.post(
            "/store/customers/me/phone",
            { phone: "13800138100", code: otherThan(code) },
            member
          )
        )
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toBe("验证码不正确，还可尝试 4 次")

        const bound = await api.post(
          "/store/customers/me/phone",
          { phone: "138 0013 8100", code },
          member
        )
        expect(bound.status).toBe(200)
        expect(bound.data.customer).toMatchObject({
          email: "bind-ok@health.local",
          phone: "+8613800138100",
        })

        const reused = await failure(
          api.post("/store/customers/me/phone", { phone: "13800138100", code }, member)
        )
        expect(reused.status).toBe(400)
        expect(reused.data.message).toBe("验证码已失效，请重新获取")

        const signIn = await api.post("/auth/customer/phone", {
          phone: "13800138100",
          code: await textedCode("13800138100", "login"),
        })
        expect(signIn.data.registered).toBe(false)
        const me = await api.get("/store/customers/me", bearer(signIn.data.token))
        expect(me.data.customer.id).toBe(bound.data.customer.id)
      })

      it("refuses a login code: binding needs a code texted for binding", async () => {
        const member = await registerCustomer(api, publishableKey, "bind-purpose@health.local")
        const loginCode = await textedCode("13800138101", "login")
        const refused = await failure(
          api.post("/store/customers/me/phone", { phone: "13800138101", code: loginCode }, member)
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("验证码已失效，请重新获取")
      })

      it("refuses, with 409, a number another member signs in with", async () => {
        await phoneMember("13900139100")
        const member = await registerCustomer(api, publishableKey, "bind-taken@health.local")
        const code = await textedCode("13900139100", "bind")
        const taken = await failure(
          api.post("/store/customers/me/phone", { phone: "13900139100", code }, member)
        )
        expect(taken.status).toBe(409)
        expect(taken.data.message).toBe(
          "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号"
        )
        const me = await api.get("/store/customers/me", member)
        expect(me.data.customer.phone).toBeNull()
      })

      it("moves a phone member's sign-in to the new number", async () => {
        const member = await phoneMember("13600136100")
        const code = await textedCode("13600136101", "bind")
        const moved = await api.post(
          "/store/customers/me/phone",
          { phone: "13600136101", code },
          member
        )
        expect(moved.data.customer.phone).toBe("+8613600136101")

        const newNumber = await api.post("/auth/customer/phone", {
          phone: "13600136101",
          code: await textedCode("13600136101", "login"),
        })
        expect(newNumber.data.registered).toBe(false)
        const oldNumber = await api.post("/auth/customer/phone", {
          phone: "13600136100",
          code: await textedCode("13600136100", "login"),
        })
        expect(oldNumber.data.registered).toBe(true)
      })

      it("explains a malformed number or code", async () => {
        const member = await registerCustomer(api, publishableKey, "bind-bad@health.local")
        const badPhone = await failure(
          api.post("/store/customers/me/phone", { phone: "12345", code: "123456" }, member)
        )
        expect(badPhone.status).toBe(400)
        expect(badPhone.data.message).toBe("请输入正确的中国大陆手机号")
        const badCode = await failure(
          api.post("/store/customers/me/phone", { phone: "13800138102", code: "12" }, member)
        )
        expect(badCode.status).toBe(400)
        expect(badCode.data.message).toContain("请输入 6 位数字验证码")
      })
    })

    describe("POST /store/customers/me (profile)", () => {
      it("keeps profile fields in metadata beside what the server wrote at sign-up", async () => {
        const member = await phoneMember("13500135100")
        const saved = await api.post(
          "/store/customers/me",
          {
            last_name: "张",
            first_name: "三",
            metadata: { birth_date: "1990-05-20", occupation: "教师" },
          },
          member
        )
        expect(saved.data.customer).toMatchObject({
          last_name: "张",
          first_name: "三",
          metadata: { signup_method: "phone", birth_date: "1990-05-20", occupation: "教师" },
        })

        const cleared = await api.post(
          "/store/customers/me",
          { metadata: { occupation: "" } },
          member
        )
        expect(cleared.data.customer.metadata).toEqual({
          signup_method: "phone",
          birth_date: "1990-05-20",
        })
      })

      it("refuses a phone without a code, foreign metadata and impossible birth dates", async () => {
        const member = await registerCustomer(api, publishableKey, "profile-guard@health.local")
        const phone = await failure(
          api.post("/store/customers/me", { phone: "+8613800138999" }, member)
        )
        expect(phone.status).toBe(400)
        expect(phone.data.message).toBe("手机号需通过短信验证码绑定")

        const foreign = await failure(
          api.post("/store/customers/me", { metadata: { signup_method: "x" } }, member)
        )
        expect(foreign.status).toBe(400)
        expect(foreign.data.message).toBe("资料中只能修改出生日期和职业")

        for (const birth_date of ["1990-02-30", "20-01-1990", "2999-01-01"]) {
          const date = await failure(
            api.post("/store/customers/me", { metadata: { birth_date } }, member)
          )
          expect(date.status).toBe(400)
          expect(date.data.message).toBe("出生日期格式应为 YYYY-MM-DD，且不晚于今天")
        }
      })
    })

    describe("POST /store/customers/me/addresses (what the address book relies on)", () => {
      it("keeps one default shipping address, whether added or chosen later", async () => {
        const member = await registerCustomer(api, publishableKey, "addresses@health.local")
        const address = (street: string, isDefault: boolean) => ({
          last_name: "王",
          first_name: "小",
          phone: "13800138000",
          province: "湖南省",
          city: "岳阳市",
          address_2: "岳阳楼区",
          address_1: street,
          country_code: "cn",
          is_default_shipping: isDefault,
        })
        await api.post("/store/customers/me/addresses", address("南湖大道 1 号", true), member)
        await api.post("/store/customers/me/addresses", address("巴陵中路 2 号", true), member)
        const defaultStreets = async () => {
          const { data } = await api.get("/store/customers/me/addresses", member)
          expect(data.addresses).toHaveLength(2)
          return data.addresses
            .filter((a: any) => a.is_default_shipping)
            .map((a: any) => a.address_1)
        }
        expect(await defaultStreets()).toEqual(["巴陵中路 2 号"])

        const { data } = await api.get("/store/customers/me/addresses", member)
        const first = data.addresses.find((a: any) => a.address_1 === "南湖大道 1 号")
        await api.post(
          `/store/customers/me/addresses/${first.id}`,
          { is_default_shipping: true },
          member
        )
        expect(await defaultStreets()).toEqual(["南湖大道 1 号"])
      })
    })

    describe("消息提醒 (web push): subscriptions and delivery through a push service", () => {
      let pushService: WebPushStandin
      beforeAll(async () => {
        pushService = await startWebPushStandin()
        // The app runs in this process and reads these when it checks or sends a push.
        process.env.WEB_PUSH_EXTRA_ENDPOINT_ORIGINS = pushService.origin
        process.env.WEB_PUSH_EXTRA_CA_FILE = pushService.caFile
      })
      afterAll(async () => {
        delete process.env.WEB_PUSH_EXTRA_ENDPOINT_ORIGINS
        delete process.env.WEB_PUSH_EXTRA_CA_FILE
        await pushService.stop()
      })

      const customerIdOf = async (member: object) =>
        (await api.get("/store/customers/me", member)).data.customer.id as string
      const reportReady = (kitId: string, eventId: string) =>
        kitStatusNotice({
          kit_id: kitId,
          event_id: eventId,
          status: "report_ready",
          product_title: "全基因组检测",
          relation_label: null,
          note: null,
        })!
      const endpointsOf = async (customerId: string) =>
        (
          await getContainer()
            .resolve<WebPushSubscriptionModuleService>(WEB_PUSH_SUBSCRIPTION_MODULE)
            .subscriptionsOf(customerId)
        )
          .map((row) => row.endpoint)
          .sort()

      it("gives browsers the VAPID public key with the publishable key alone", async () => {
        const { data } = await api.get("/store/web-push/public-key", {
          headers: { "x-publishable-api-key": publishableKey },
        })
        expect(data).toEqual({ public_key: vapid.publicKey })
      })

      it("pushes an inbox notice, encrypted, to each browser the member switched on; a 410 forgets that browser", async () => {
        const member = await registerCustomer(api, publishableKey, "push-member@health.local")
        const customerId = await customerIdOf(member)
        const phone = pushService.subscribe()
        const laptop = pushService.subscribe()
        for (const browser of [phone, laptop]) {
          const saved = await api.post("/store/web-push/subscriptions", browser.json, member)
          expect(saved.status).toBe(200)
          expect(saved.data.web_push_subscription).toEqual({
            id: expect.stringMatching(/^wpsub_/),
            endpoint: browser.json.endpoint,
          })
        }

        const outcome = await notifyMember(
          getContainer(),
          customerId,
          reportReady("kit_push_1", "evt_push_1")
        )
        expect(outcome).toMatchObject({ feed: "sent", web_push: "sent" })
        expect(pushService.refused).toEqual([])
        const first = pushService.received.filter((push) =>
          [phone.id, laptop.id].includes(push.subscription_id)
        )
        expect(first.map((push) => push.subscription_id).sort()).toEqual(
          [phone.id, laptop.id].sort()
        )
        for (const push of first) {
          // Decrypted by the stand-in with the browser's private key: the inbox message itself.
          expect(push.payload).toEqual({
            title: "全基因组检测：报告已出",
            body: "您的检测报告已出，可在“健康档案”中查看和下载。",
            link: "/account/health/kits/kit_push_1",
            tag: "kit-status:evt_push_1",
          })
          expect(push.vapid).toMatchObject({ aud: pushService.origin, public_key: vapid.publicKey })
        }
        const inbox = await api.get("/store/inbox", member)
        expect(inbox.data.messages.map((m: any) => m.title)).toContain("全基因组检测：报告已出")

        // The same notice again (a redelivered event): the inbox and the browsers hear nothing new.
        const again = await notifyMember(
          getContainer(),
          customerId,
          reportReady("kit_push_1", "evt_push_1")
        )
        expect(again.feed).toBe("already_sent")
        expect(pushService.received.filter((p) => p.subscription_id === phone.id)).toHaveLength(1)

        // The laptop's browser dropped its subscription: the push service answers 410 Gone.
        pushService.expire(laptop.id)
        const next = await notifyMember(
          getContainer(),
          customerId,
          reportReady("kit_push_2", "evt_push_2")
        )
        expect(next.web_push).toBe("sent")
        expect(await endpointsOf(customerId)).toEqual([phone.json.endpoint])
        expect(
          pushService.received.filter((p) => p.payload.tag === "kit-status:evt_push_2")
        ).toEqual([expect.objectContaining({ subscription_id: phone.id })])

        // Switched off on the phone too: nothing is pushed any more.
        const removed = await api.delete("/store/web-push/subscriptions", {
          ...member,
          data: { endpoint: phone.json.endpoint },
        })
        expect(removed.data).toEqual({ endpoint: phone.json.endpoint, deleted: true })
        const quiet = await notifyMember(
          getContainer(),
          customerId,
          reportReady("kit_push_3", "evt_push_3")
        )
        expect(quiet).toMatchObject({ feed: "sent", web_push: "no_subscription" })
        expect(pushService.received.some((p) => p.payload.tag === "kit-status:evt_push_3")).toBe(
          false
        )
      })

      it("hands a browser over to the member who signs in there next, and lets no one else remove it", async () => {
        const first = await registerCustomer(api, publishableKey, "push-first@health.local")
        const second = await registerCustomer(api, publishableKey, "push-second@health.local")
        const browser = pushService.subscribe()
        await api.post("/store/web-push/subscriptions", browser.json, first)
        const notMine = await api.delete("/store/web-push/subscriptions", {
          ...second,
          data: { endpoint: browser.json.endpoint },
        })
        expect(notMine.data.deleted).toBe(false)
        expect(await endpointsOf(await customerIdOf(first))).toEqual([browser.json.endpoint])

        await api.post("/store/web-push/subscriptions", browser.json, second)
        expect(await endpointsOf(await customerIdOf(first))).toEqual([])
        expect(await endpointsOf(await customerIdOf(second))).toEqual([browser.json.endpoint])
      })

      it("refuses, in Chinese, an endpoint that is not a push service and keys that are not P-256", async () => {
        const member = await registerCustomer(api, publishableKey, "push-guard@health.local")
        const browser = pushService.subscribe()
        const metadata = await failure(
          api.post(
            "/store/web-push/subscriptions",
            { ...browser.json, endpoint: "https://169.254.169.254/latest/meta-data" },
            member
          )
        )
        expect(metadata.status).toBe(400)
        expect(metadata.data.message).toContain("不支持该浏览器的推送服务")
        const badKeys = await failure(
          api.post(
            "/store/web-push/subscriptions",
            { ...browser.json, keys: { p256dh: "AAAA", auth: browser.json.keys.auth } },
            member
          )
        )
        expect(badKeys.status).toBe(400)
        expect(badKeys.data.message).toBe("浏览器的推送密钥无效，请刷新页面后重试")
        const missing = await failure(
          api.post("/store/web-push/subscriptions", { endpoint: browser.json.endpoint }, member)
        )
        expect(missing.status).toBe(400)
        const anonymous = await failure(
          api.post("/store/web-push/subscriptions", browser.json, {
            headers: { "x-publishable-api-key": publishableKey },
          })
        )
        expect(anonymous.status).toBe(401)
        expect(await endpointsOf(await customerIdOf(member))).toEqual([])
      })
    })

    it("answers 401 to members who are not signed in", async () => {
      const anonymous = { headers: { "x-publishable-api-key": publishableKey } }
      const password = await failure(
        api.post(
          "/store/customers/me/password",
          { current_password: "Secret12345", new_password: "NewSecret678" },
          anonymous
        )
      )
      expect(password.status).toBe(401)
      const phone = await failure(
        api.post("/store/customers/me/phone", { phone: "13800138000", code: "123456" }, anonymous)
      )
      expect(phone.status).toBe(401)
    })
  },
})
