import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import ccmq from "@health/contracts/ccmq.json"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
const webSecret = `web-${randomUUID()}`
process.env.SMS_PROVIDER = "log"
// The web server's shared secret: with it a test speaks for any shopper address.
process.env.WEB_FORWARD_SECRET = webSecret
// No proxy is trusted: every request here comes from 127.0.0.1, whatever X-Forwarded-For says.
delete process.env.TRUSTED_PROXIES
process.env.SMS_GLOBAL_HOURLY_LIMIT = "45"

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

    const outcome = (promise: Promise<any>): Promise<any> => promise.catch((e: any) => e.response)
    /** Headers of a request the web server makes for a shopper at `address`. */
    const from = (address: string) => ({
      "x-shopper-ip": address,
      "x-web-forward-secret": webSecret,
    })
    const requestCode = (phone: string, headers: Record<string, string>) =>
      outcome(
        api.post(
          "/store/auth/sms-codes",
          { phone, purpose: "login" },
          { headers: { "x-publishable-api-key": publishableKey, ...headers } }
        )
      )
    const memberSignIn = (email: string, password: string, headers: Record<string, string>) =>
      outcome(api.post("/auth/customer/emailpass", { email, password }, { headers }))
    const staffSignIn = (
      email: string,
      password: string,
      headers: Record<string, string>,
      path = "/auth/user/emailpass"
    ) => outcome(api.post(path, { email, password }, { headers }))
    const statuses = (responses: { status: number }[]) =>
      responses.map((r) => r.status).sort((a, b) => a - b)
    const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000))

    describe("visitors' constitution scorings (the anonymous report PDF)", () => {
      const sheet = {
        sex: "female",
        answers: Object.fromEntries(ccmq.items.map((item) => [item.id, 3])),
      }
      const assess = (headers: Record<string, string>) =>
        outcome(
          api.post("/store/constitution/assessments", sheet, {
            headers: { "x-publishable-api-key": publishableKey, ...headers },
          })
        )

      it("limits each address to 30 an hour, counted atomically, without touching others or members", async () => {
        const flood = await Promise.all(
          Array.from({ length: 36 }, () => assess(from("203.0.113.77")))
        )
        const codes = statuses(flood)
        expect(codes.filter((code) => code < 300)).toHaveLength(30)
        expect(codes.filter((code) => code === 429)).toHaveLength(6)
        const refused = flood.find((r) => r.status === 429)
        expect(refused.data.message).toMatch(/^体质辨识提交过于频繁，请 \d+ 分钟后再试/)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        // A rotated X-Forwarded-For from the same shopper changes nothing.
        const spoofed = await assess({ ...from("203.0.113.77"), "x-forwarded-for": "192.0.2.1" })
        expect(spoofed.status).toBe(429)
        // Another address is untouched, and so is a signed-in member on the flooded one.
        expect((await assess(from("203.0.113.78"))).status).toBeLessThan(300)
        const token = await registerCustomer(
          api as never,
          publishableKey,
          `assess-${randomUUID()}@health.local`
        )
        const member = await assess({ ...from("203.0.113.77"), ...token.headers })
        expect(member.status).toBeLessThan(300)
      })
    })

    describe("SMS codes", () => {
      it("counts a rotating X-Forwarded-For against the one real address", async () => {
        const sent = []
        for (let i = 0; i < 31; i++) {
          sent.push(
            await requestCode(`1370000${String(i).padStart(4, "0")}`, {
              "x-forwarded-for": `203.0.113.${i + 1}`,
              "x-real-ip": `203.0.113.${i + 1}`,
              "x-client-ip": `203.0.113.${i + 1}`,
            })
          )
        }
        expect(sent.slice(0, 30).map((r) => r.status)).toEqual(Array(30).fill(201))
        expect(sent[30].status).toBe(429)
        expect(sent[30].data.message).toBe("当前网络获取验证码过于频繁，请稍后再试")
        // The shopper the web server speaks for has a bucket of their own.
        expect((await requestCode("13700009999", from("198.51.100.1"))).status).toBe(201)
        // A wrong secret makes x-shopper-ip worthless: back in 127.0.0.1's spent bucket.
        const forged = await requestCode("13700009998", {
          "x-shopper-ip": "198.51.100.2",
          "x-web-forward-secret": "guessed",
        })
        expect(forged.status).toBe(429)
      })

      it("stops texting anyone once the hourly budget is spent, with a 503 in Chinese", async () => {
        let answer: any
        for (let i = 0; i < 50; i++) {
          answer = await requestCode(`1360000${String(i).padStart(4, "0")}`, from(`192.0.2.${i}`))
          if (answer.status !== 201) break
        }
        expect(answer.status).toBe(503)
        expect(answer.data.message).toBe("短信发送繁忙，请稍后再试")
        expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0)
      })
    })

    describe("member password sign-in", () => {
      it("compares five of 20 parallel wrong passwords for one account and address, more only as waits run out", async () => {
        await registerCustomer(api, publishableKey, "parallel@health.local")
        const started = Date.now()
        const guesses = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            memberSignIn("parallel@health.local", `Wrong${i}xxxx`, from("198.51.100.10"))
          )
        )
        // The fifth wrong try starts a wait of 1 s, the sixth one of 2 s, then 4 s…: a try
        // that reaches the server after a wait ran out is compared, as the policy says. On a
        // busy machine the 20 may take seconds to arrive; in T seconds at most
        // floor(log2(T + 1)) tries past the fifth can find no wait.
        const seconds = (Date.now() - started) / 1000
        const compared = statuses(guesses).filter((status) => status === 401).length
        expect(compared).toBeGreaterThanOrEqual(5)
        expect(compared).toBeLessThanOrEqual(5 + Math.floor(Math.log2(seconds + 1)))
        expect(statuses(guesses)).toEqual([
          ...Array(compared).fill(401),
          ...Array(20 - compared).fill(429),
        ])
        const refused = guesses.find((r) => r.status === 429)
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
        expect(refused.data.message).toMatch(
          /^密码错误次数过多，为保护账号安全请 \d+ 秒后再试，或使用手机验证码登录$/
        )
      })

      it("lets the owner sign in from another address while an attacker's address waits longer each time", async () => {
        await registerCustomer(api, publishableKey, "owner@health.local")
        const attacker = from("198.51.100.20")
        for (let i = 0; i < 5; i++) {
          expect((await memberSignIn("owner@health.local", `Wrong${i}xxxx`, attacker)).status).toBe(
            401
          )
        }
        const first = await memberSignIn("owner@health.local", "Secret12345", attacker)
        expect(first.status).toBe(429)
        expect(first.headers["retry-after"]).toBe("1")

        const owner = await memberSignIn("owner@health.local", "Secret12345", from("198.51.100.21"))
        expect(owner.status).toBe(200)
        expect(owner.data.token).toEqual(expect.any(String))

        await sleep(1.1)
        expect((await memberSignIn("owner@health.local", "Wrong5xxxx", attacker)).status).toBe(401)
        const second = await memberSignIn("owner@health.local", "Wrong6xxxx", attacker)
        expect(second.status).toBe(429)
        expect(second.headers["retry-after"]).toBe("2")
      })

      it("caps wrong passwords across accounts from one address, however X-Forwarded-For rotates", async () => {
        const sprayed = []
        for (let i = 0; i < 31; i++) {
          sprayed.push(
            await memberSignIn(`nobody${i}@health.local`, "Password123", {
              "x-forwarded-for": `203.0.113.${100 + i}`,
            })
          )
        }
        expect(sprayed.slice(0, 30).map((r) => r.status)).toEqual(Array(30).fill(401))
        expect(sprayed[30].status).toBe(429)
        expect(sprayed[30].data.message).toMatch(
          /^当前网络登录失败次数过多，请 \d+ 分钟后再试，或使用手机验证码登录$/
        )
        expect(Number(sprayed[30].headers["retry-after"])).toBeGreaterThan(3000)
      })
    })

    describe("staff password sign-in", () => {
      it("delays a staff account after three failures from one address, not from another", async () => {
        await adminHeaders(getContainer(), api, "boss@health.local")
        const attacker = from("198.51.100.30")
        for (let i = 0; i < 3; i++) {
          expect((await staffSignIn("boss@health.local", `Wrong${i}xxxx`, attacker)).status).toBe(
            401
          )
        }
        const refused = await staffSignIn("boss@health.local", "Admin12345", attacker)
        expect(refused.status).toBe(429)
        expect(refused.data.message).toMatch(/或联系超级管理员$/)
        // Express matches paths case-insensitively; the throttle must see the same requests.
        const respelled = await staffSignIn(
          "boss@health.local",
          "Admin12345",
          attacker,
          "/AUTH/User/EmailPass/"
        )
        expect(respelled.status).toBe(429)

        const owner = await staffSignIn("boss@health.local", "Admin12345", from("198.51.100.31"))
        expect(owner.status).toBe(200)
      })

      it("allows fewer wrong staff passwords per address than member ones", async () => {
        const address = from("198.51.100.40")
        const sprayed = []
        for (let i = 0; i < 11; i++) {
          sprayed.push(await staffSignIn(`staff${i}@health.local`, "Password123", address))
        }
        expect(sprayed.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(401))
        expect(sprayed[10].status).toBe(429)
        expect(sprayed[10].data.message).toMatch(/^当前网络登录失败次数过多/)
        // Members on that address keep their own, larger budget.
        expect((await memberSignIn("someone@health.local", "Password123", address)).status).toBe(
          401
        )
      })
    })

    describe("Redis keys", () => {
      it("leaves no key without a time to live", async () => {
        const keys = await redis.keys(`${prefix}:*`)
        const signInAndOtp = keys.filter((key) => /:(otp|signin|limit)/.test(key))
        expect(signInAndOtp.length).toBeGreaterThan(10)
        const ttls = await Promise.all(
          signInAndOtp.map(async (key) => [key, await redis.pttl(key)] as const)
        )
        // -1: no expiry (a short wait may have expired meanwhile: -2).
        expect(ttls.filter(([, ttl]) => ttl === -1 || ttl === 0)).toEqual([])
      })
    })
  },
})
