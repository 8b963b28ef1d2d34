import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { createHash, randomUUID } from "crypto"
import { createServer } from "http"
import type { AddressInfo } from "net"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { DomainEvent } from "../../src/lib/events/domain-events"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../src/modules/wechat-official-account"
import type WechatOfficialAccountModuleService from "../../src/modules/wechat-official-account/service"
import { DEFAULT_COVER } from "../../src/modules/wechat-official-account/default-cover"
import { indexProductsWorkflow } from "../../src/workflows/search/index-products"
import kitReportReadyOfficialAccount from "../../src/subscribers/kit-report-ready-official-account"
import orderPlacedOfficialAccount from "../../src/subscribers/order-placed-official-account"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

// The stand-in's service account (scripts/wechat-api-standin.mjs defaults).
const OA_ENV = {
  WECHAT_OA_APPID: "wx7777777777777777",
  WECHAT_OA_SECRET: "wx-dev-oa-secret",
  WECHAT_OA_TOKEN: "wx-dev-oa-token",
  WECHAT_OA_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  WECHAT_OA_TEMPLATE_REPORT_READY: "tmpl-oa-report-ready",
  WECHAT_OA_TEMPLATE_ORDER_PAID: "tmpl-oa-order-paid",
}
const ACCOUNT = "gh_standin_oa"

type Delivery = { status: number; body: string; reply: string | null; reply_error?: string }
type TemplateMessage = {
  touser: string
  template_id: string
  url: string
  data: Record<string, { value: string }>
}

/** A field of a reply's XML (CDATA or text). */
const field = (xml: string | null, name: string) =>
  xml &&
  new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`)
    .exec(xml)
    ?.slice(1)
    .find((v) => v !== undefined)

/** The stand-in's unionid for the mini-program user of code "wx-code-<who>.n". */
const standinUnionid = (who: string) =>
  `u${createHash("sha256").update(`unionid:${who}`).digest("base64url").slice(0, 28)}`

const sign = (...parts: string[]) => createHash("sha1").update(parts.sort().join("")).digest("hex")

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let standin: Awaited<ReturnType<typeof startWechatStandin>>
    const saved: Record<string, string | undefined> = {}

    beforeAll(async () => {
      standin = await startWechatStandin()
      for (const [name, value] of Object.entries({ ...OA_ENV, WECHAT_API_BASE: standin.url })) {
        saved[name] = process.env[name]
        process.env[name] = value
      }
    })

    afterAll(() => {
      standin?.process.kill()
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    })

    const hookUrl = () => `${api.defaults.baseURL}/hooks/wechat/official-account`
    const standin$ = async <T>(path: string, body?: unknown): Promise<T> =>
      (
        await fetch(`${standin.url}${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json() as Promise<T>
    /** WeChat (the stand-in) pushes a message to our server URL, signed, sealed in "aes" mode. */
    const deliver = (mode: "plain" | "aes", message: Record<string, string | number>) =>
      standin$<Delivery>("/__standin/official-account/deliver", {
        server_url: hookUrl(),
        mode,
        message: { ToUserName: ACCOUNT, CreateTime: Math.floor(Date.now() / 1000), ...message },
      })
    const oa = () =>
      getContainer().resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
    const followerOf = async (openid: string) =>
      (await oa().listOfficialAccountFollowers({ openid }, { take: 1 }))[0]
    const signedQuery = (overrides: Record<string, string> = {}) => {
      const timestamp = String(Math.floor(Date.now() / 1000))
      const nonce = "n0nce"
      return new URLSearchParams({
        timestamp,
        nonce,
        signature: sign(OA_ENV.WECHAT_OA_TOKEN, timestamp, nonce),
        ...overrides,
      })
    }

    describe("server URL", () => {
      it("answers WeChat's verification with echostr, and 401 to a wrong or stale signature", async () => {
        const ok = await fetch(`${hookUrl()}?${signedQuery({ echostr: "echo-123" })}`)
        expect(ok.status).toBe(200)
        expect(await ok.text()).toBe("echo-123")

        const forged = await fetch(
          `${hookUrl()}?${signedQuery({ echostr: "x", signature: "0".repeat(40) })}`
        )
        expect(forged.status).toBe(401)
        const old = String(Math.floor(Date.now() / 1000) - 3600)
        const stale = await fetch(
          `${hookUrl()}?${new URLSearchParams({ timestamp: old, nonce: "n", signature: sign(OA_ENV.WECHAT_OA_TOKEN, old, "n"), echostr: "x" })}`
        )
        expect(stale.status).toBe(401)
      })

      it("refuses unsigned posts (401), malformed XML (400) and safe mode with a forged msg_signature (401)", async () => {
        const xml = `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[oAnyone1]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>`
        const post = (query: URLSearchParams, body: string) =>
          fetch(`${hookUrl()}?${query}`, {
            method: "POST",
            headers: { "content-type": "text/xml" },
            body,
          })
        expect((await post(signedQuery({ signature: "f".repeat(40) }), xml)).status).toBe(401)
        expect((await post(signedQuery(), "<xml><ToUserName>oops")).status).toBe(400)
        expect((await post(signedQuery(), "<xml><Content>no sender</Content></xml>")).status).toBe(
          400
        )
        const sealed = `<xml><Encrypt><![CDATA[AAAAAAAAAAAAAAAAAAAAAA==]]></Encrypt></xml>`
        expect(
          (await post(signedQuery({ encrypt_type: "aes", msg_signature: "a".repeat(40) }), sealed))
            .status
        ).toBe(401)
        // Signed correctly, but not WeChat's ciphertext: 400, not 500.
        const q = signedQuery({ encrypt_type: "aes" })
        q.set(
          "msg_signature",
          sign(
            OA_ENV.WECHAT_OA_TOKEN,
            q.get("timestamp")!,
            q.get("nonce")!,
            "AAAAAAAAAAAAAAAAAAAAAA=="
          )
        )
        expect((await post(q, sealed)).status).toBe(400)
      })
    })

    describe("followers, replies and the menu", () => {
      it("links a follower by unionid, replies to keywords and clicks once per message, and publishes the menu", async () => {
        const container = getContainer()
        const staff = await adminHeaders(container, api as never, "oa-ops@health.local", [
          "operations",
        ])

        // Rules: a keyword, a contained keyword, a click and the follow greeting.
        const rule = (body: object) => api.post("/admin/official-account/reply-rules", body, staff)
        await rule({ kind: "keyword", match: "报告", reply_text: "报告查询：请进入“健康档案”" })
        await rule({
          kind: "keyword",
          match: "客服",
          match_mode: "contains",
          reply_text: "客服热线 400-000-0000",
        })
        await rule({ kind: "click", match: "MENU_REPORT", reply_text: "点击了报告菜单" })
        await rule({ kind: "follow", reply_text: "欢迎关注健康服务平台" })
        const bad = await api
          .post(
            "/admin/official-account/reply-rules",
            { kind: "keyword", match: " ", reply_text: "x" },
            staff
          )
          .catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(
          (await api.get("/admin/official-account/reply-rules", staff)).data.reply_rules
        ).toHaveLength(4)

        // A mini-program member; the same person follows the account (same unionid).
        const key = await createPublishableKey(container)
        const { data: signIn } = await api.post("/auth/customer/wechat", {
          code: "wx-code-oa-member.1",
        })
        const member = {
          headers: { "x-publishable-api-key": key, authorization: `Bearer ${signIn.token}` },
        }
        const memberId = (await api.get("/store/customers/me", member)).data.customer.id
        await standin$("/__standin/official-account/users", {
          openid: "oOA-member-0001",
          unionid: standinUnionid("oa-member"),
        })

        const followed = await deliver("aes", {
          FromUserName: "oOA-member-0001",
          MsgType: "event",
          Event: "subscribe",
        })
        expect(followed.status).toBe(200)
        expect(followed.reply_error).toBeUndefined()
        expect(field(followed.reply, "ToUserName")).toBe("oOA-member-0001")
        expect(field(followed.reply, "FromUserName")).toBe(ACCOUNT)
        expect(field(followed.reply, "Content")).toBe("欢迎关注健康服务平台")
        expect(await followerOf("oOA-member-0001")).toMatchObject({
          customer_id: memberId,
          linked_by: "unionid",
          unionid: standinUnionid("oa-member"),
          subscribed: true,
        })

        // A keyword, in plain mode, then WeChat's retry of the same MsgId: the same reply, one row.
        const text = {
          FromUserName: "oOA-member-0001",
          MsgType: "text",
          Content: " 报告 ",
          MsgId: "6100000000000000001",
        }
        const first = await deliver("plain", text)
        expect(field(first.reply, "Content")).toBe("报告查询：请进入“健康档案”")
        const retry = await deliver("plain", text)
        expect(retry.reply).toBe(first.reply)
        expect(
          await oa().listOfficialAccountInboundMessages({ dedupe_key: "msg:6100000000000000001" })
        ).toHaveLength(1)
        const contains = await deliver("aes", {
          FromUserName: "oOA-member-0001",
          MsgType: "text",
          Content: "我想找人工客服",
          MsgId: "6100000000000000002",
        })
        expect(field(contains.reply, "Content")).toBe("客服热线 400-000-0000")
        const nothing = await deliver("plain", {
          FromUserName: "oOA-member-0001",
          MsgType: "text",
          Content: "你好",
          MsgId: "6100000000000000003",
        })
        expect(nothing).toMatchObject({ status: 200, body: "success", reply: null })

        const click = await deliver("aes", {
          FromUserName: "oOA-member-0001",
          MsgType: "event",
          Event: "CLICK",
          EventKey: "MENU_REPORT",
        })
        expect(field(click.reply, "Content")).toBe("点击了报告菜单")

        // The menu: WeChat's limits checked on save, then published through menu/create.
        const tooMany = await api
          .post(
            "/admin/official-account/menu",
            {
              button: [1, 2, 3, 4].map((n) => ({ name: `菜单${n}`, type: "click", key: `K${n}` })),
            },
            staff
          )
          .catch((e: any) => e.response)
        expect(tooMany.status).toBe(400)
        const button = [
          { name: "查报告", type: "click", key: "MENU_REPORT" },
          {
            name: "服务",
            sub_button: [
              { name: "预约采样", type: "view", url: "https://shop.example.cn/appointments" },
              { name: "在线咨询", type: "view", url: "https://shop.example.cn/consult" },
            ],
          },
        ]
        const saved = await api.post("/admin/official-account/menu", { button }, staff)
        expect(saved.data.menu).toMatchObject({ buttons: button, published_at: null })
        const published = await api.post("/admin/official-account/menu/publish", {}, staff)
        expect(published.data.menu).toMatchObject({ last_publish_errcode: 0 })
        expect(published.data.menu.published_at).toBeTruthy()
        const { menus } = await standin$<{ menus: { button: unknown; errcode: number }[] }>(
          "/__standin/official-account/menus"
        )
        expect(menus).toEqual([expect.objectContaining({ button, errcode: 0 })])

        // Staff without the customers area may not touch the account.
        const lab = await adminHeaders(container, api as never, "oa-lab@health.local", ["lab"])
        const refused = await api
          .get("/admin/official-account/menu", lab)
          .catch((e: any) => e.response)
        expect(refused.status).toBe(403)
      })

      it("sends a follower with no member a bind link that binds whoever signs in from it", async () => {
        const container = getContainer()
        const followed = await deliver("plain", {
          FromUserName: "oOA-stranger-01",
          MsgType: "event",
          Event: "subscribe",
        })
        const content = field(followed.reply, "Content")!
        expect(content).toContain("点击登录并绑定")
        const link = new URL(/href="([^"]+)"/.exec(content)![1].replace(/&amp;/g, "&"))
        expect(link.pathname).toBe("/account/sign-in")
        const token = link.searchParams.get("oa_bind")!
        expect((await followerOf("oOA-stranger-01")).customer_id).toBeNull()

        const key = await createPublishableKey(container)
        const member = await registerCustomer(api as never, key, "oa-bind@example.com")
        const other = await registerCustomer(api as never, key, "oa-bind-other@example.com")
        const forged = await api
          .post("/store/wechat/official-account/bind", { token: `${token}x` }, member)
          .catch((e: any) => e.response)
        expect(forged.status).toBe(400)
        expect(forged.data.message).toContain("绑定链接无效")
        const missing = await api
          .post("/store/wechat/official-account/bind", {}, member)
          .catch((e: any) => e.response)
        expect(missing.status).toBe(400)

        const bound = await api.post("/store/wechat/official-account/bind", { token }, member)
        expect(bound.data.official_account).toEqual({ bound: true, following: true })
        const memberId = (await api.get("/store/customers/me", member)).data.customer.id
        expect(await followerOf("oOA-stranger-01")).toMatchObject({
          customer_id: memberId,
          linked_by: "bind",
        })
        const taken = await api
          .post("/store/wechat/official-account/bind", { token }, other)
          .catch((e: any) => e.response)
        expect(taken.status).toBe(409)
        // The same member again is fine.
        expect(
          (await api.post("/store/wechat/official-account/bind", { token }, member)).status
        ).toBe(200)
      })
    })

    describe("template messages", () => {
      it("sends a following member a report-ready template message once, honouring opt-outs and unfollows", async () => {
        const container = getContainer()
        const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
        const events = container.resolve(Modules.EVENT_BUS)
        const staff = await adminHeaders(container, api as never, "oa-ops2@health.local", [
          "operations",
        ])
        const key = await createPublishableKey(container)

        // Followers linked by the bind link, one per member (the flow tested above).
        const followingMember = async (email: string, openid: string) => {
          const member = await registerCustomer(api as never, key, email)
          const followed = await deliver("plain", {
            FromUserName: openid,
            MsgType: "event",
            Event: "subscribe",
          })
          const content = field(followed.reply, "Content")!
          const token = new URL(
            /href="([^"]+)"/.exec(content)![1].replace(/&amp;/g, "&")
          ).searchParams.get("oa_bind")
          await api.post("/store/wechat/official-account/bind", { token }, member)
          return {
            headers: member,
            id: (await api.get("/store/customers/me", member)).data.customer.id as string,
          }
        }
        const a = await followingMember("oa-report-a@example.com", "oOA-report-a01")
        const b = await followingMember("oa-report-b@example.com", "oOA-report-b01")
        const c = await followingMember("oa-report-c@example.com", "oOA-report-c01")
        // B switched WeChat messages off; C unfollowed.
        await api.post("/store/customers/me/notification-preferences", { wechat: false }, b.headers)
        const left = await deliver("aes", {
          FromUserName: "oOA-report-c01",
          MsgType: "event",
          Event: "unsubscribe",
        })
        expect(left).toMatchObject({ status: 200, body: "success" })
        expect(await followerOf("oOA-report-c01")).toMatchObject({
          subscribed: false,
          customer_id: c.id,
        })

        const reportReady = async (customerId: string) => {
          const [kit] = await archive.createKitsForOrder({
            customer_id: customerId,
            order_id: `order_${customerId}`,
            collection_method: "mail_in",
            lines: [
              { line_item_id: `item_${customerId}`, product_title: "肿瘤易感基因检测", units: 1 },
            ],
          })
          await archive.transitionKit(kit.id, "activate", { actor_type: "system" })
          await archive.transitionKit(kit.id, "receive", { actor_type: "system" })
          const { event_id } = await archive.transitionKit(kit.id, "report", {
            actor_type: "system",
          })
          await events.emit({
            name: DomainEvent.KIT_STATUS_CHANGED,
            data: { kit_id: kit.id, event_id },
          })
          return { kit_id: kit.id, event_id }
        }
        const sent = async () =>
          (
            await standin$<{ messages: TemplateMessage[] }>(
              "/__standin/official-account/template-messages"
            )
          ).messages
        const sends = async () =>
          (await api.get("/admin/official-account/template-sends", staff)).data.template_sends as {
            customer_id: string
            outcome: string
            errcode: number | null
          }[]

        const reportA = await reportReady(a.id)
        await reportReady(b.id)
        await reportReady(c.id)
        const log = await eventually(sends, (rows) => rows.length >= 3)
        const outcomeOf = (id: string) => log.find((row) => row.customer_id === id)
        expect(outcomeOf(a.id)).toMatchObject({ outcome: "sent", errcode: 0 })
        expect(outcomeOf(b.id)).toMatchObject({ outcome: "opted_out" })
        expect(outcomeOf(c.id)).toMatchObject({ outcome: "not_following" })

        const messages = await sent()
        expect(messages).toEqual([
          expect.objectContaining({
            touser: "oOA-report-a01",
            template_id: "tmpl-oa-report-ready",
            data: expect.objectContaining({
              thing1: { value: "肿瘤易感基因检测" },
              phrase2: { value: "报告已出" },
            }),
          }),
        ])
        expect(messages[0].url).toMatch(new RegExp(`/account/health/kits/${reportA.kit_id}$`))
        expect(messages[0].data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

        // The event delivered again: nothing is sent twice.
        await kitReportReadyOfficialAccount({
          event: { name: DomainEvent.KIT_STATUS_CHANGED, data: reportA },
          container,
        } as never)
        expect(await sent()).toHaveLength(1)
        expect((await sends()).filter((row) => row.customer_id === a.id)).toHaveLength(1)
      })

      it("tells a following buyer their order is paid once, and logs a buyer who does not follow", async () => {
        const container = getContainer()
        const events = container.resolve(Modules.EVENT_BUS)
        const staff = await adminHeaders(container, api as never, "oa-ops3@health.local", [
          "operations",
        ])
        const key = await createPublishableKey(container)
        const buyer = await registerCustomer(api as never, key, "oa-paid-a@example.com")
        const stranger = await registerCustomer(api as never, key, "oa-paid-b@example.com")
        const idOf = async (headers: typeof buyer) =>
          (await api.get("/store/customers/me", headers)).data.customer.id as string
        const followed = await deliver("aes", {
          FromUserName: "oOA-paid-a01",
          MsgType: "event",
          Event: "subscribe",
        })
        const token = new URL(
          /href="([^"]+)"/.exec(field(followed.reply, "Content")!)![1].replace(/&amp;/g, "&")
        ).searchParams.get("oa_bind")
        await api.post("/store/wechat/official-account/bind", { token }, buyer)

        const orderFor = async (customerId: string, email: string) => {
          // As checkout leaves it: an order of the member's (paid online: no offline payment).
          const order = await container.resolve(Modules.ORDER).createOrders({
            customer_id: customerId,
            email,
            currency_code: "cny",
            items: [{ title: "肿瘤易感基因检测", quantity: 1, unit_price: 1999 }],
          })
          await events.emit({ name: "order.placed", data: { id: order.id } })
          return order.id
        }
        const buyerId = await idOf(buyer)
        const strangerId = await idOf(stranger)
        const paid = await orderFor(buyerId, "oa-paid-a@example.com")
        await orderFor(strangerId, "oa-paid-b@example.com")

        const sends = async () =>
          (
            (await api.get("/admin/official-account/template-sends", staff)).data
              .template_sends as { customer_id: string; outcome: string; template_id: string }[]
          ).filter((row) => [buyerId, strangerId].includes(row.customer_id))
        const log = await eventually(sends, (rows) => rows.length >= 2)
        expect(log).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              customer_id: buyerId,
              outcome: "sent",
              template_id: "tmpl-oa-order-paid",
            }),
            expect.objectContaining({ customer_id: strangerId, outcome: "not_following" }),
          ])
        )
        const paidMessages = async () =>
          (
            await standin$<{ messages: TemplateMessage[] }>(
              "/__standin/official-account/template-messages"
            )
          ).messages.filter((message) => message.template_id === "tmpl-oa-order-paid")
        const [message] = await paidMessages()
        expect(message).toMatchObject({
          touser: "oOA-paid-a01",
          data: { thing1: { value: "肿瘤易感基因检测" }, phrase2: { value: "支付成功" } },
        })
        expect(message.url).toMatch(new RegExp(`/account/orders/${paid}$`))

        // WeChat reports the delivery on the server URL (TEMPLATESENDJOBFINISH, by MsgID):
        // recorded on the send, counted on the admin's list; a second report changes nothing.
        const report = (status: string, msgId: number, createTime: number) =>
          deliver("aes", {
            FromUserName: "oOA-paid-a01",
            MsgType: "event",
            Event: "TEMPLATESENDJOBFINISH",
            MsgID: msgId,
            Status: status,
            CreateTime: createTime,
          })
        const msgid = (message as unknown as { msgid: number }).msgid
        const now = Math.floor(Date.now() / 1000)
        expect(await report("success", msgid, now)).toMatchObject({ status: 200, body: "success" })
        expect(await report("failed:user block", msgid, now + 1)).toMatchObject({ status: 200 })
        // A report of a message we never sent is answered and ignored.
        expect(await report("failed: system failed", 999, now + 2)).toMatchObject({ status: 200 })
        const listed = (await api.get("/admin/official-account/template-sends", staff)).data
        expect(
          listed.template_sends.find((row: { customer_id: string }) => row.customer_id === buyerId)
        ).toMatchObject({
          msg_id: String(msgid),
          delivery: "delivered",
          delivery_status: "success",
        })
        expect(listed.delivery_counts).toEqual({
          delivered: 1,
          user_blocked: 0,
          system_failed: 0,
          other: 0,
          pending: 0,
        })

        // The event delivered again: nothing is sent twice.
        await orderPlacedOfficialAccount({
          event: { name: "order.placed", data: { id: paid } },
          container,
        } as never)
        expect(await paidMessages()).toHaveLength(1)
        expect((await sends()).filter((row) => row.customer_id === buyerId)).toHaveLength(1)
      })
    })

    describe("群发 (mass send)", () => {
      it("sends micro-site content to all or a tag, keeps to the monthly limit and records WeChat's outcome", async () => {
        const container = getContainer()
        const staff = await adminHeaders(container, api as never, "oa-ops4@health.local", [
          "operations",
        ])
        // The CMS: two articles, one flagged 发布到微官网, and a flagged landing page.
        const entries: Record<string, Record<string, unknown>> = {
          "/api/articles/art-micro": {
            documentId: "art-micro",
            title: "秋季养生：润燥为先",
            slug: "autumn-care",
            summary: "秋季气候干燥，饮食起居宜润燥。",
            body: "## 饮食\n\n多吃梨、银耳。\n\n**起居**早睡早起。",
            publish_to_microsite: true,
            // Strapi's media: the thumbnail format is a PNG (WeChat's thumb must be a JPEG),
            // the original a small JPEG: the original becomes the cover.
            cover: {
              url: "/uploads/autumn.jpg",
              formats: { thumbnail: { url: "/uploads/thumbnail_autumn.png" } },
            },
          },
          "/api/articles/art-plain": {
            documentId: "art-plain",
            title: "仅官网文章",
            slug: "web-only",
            publish_to_microsite: false,
          },
          "/api/landing-pages/lp-micro": {
            documentId: "lp-micro",
            title: "基因检测专题",
            slug: "gene-test",
            seo_description: "了解你的基因",
            publish_to_microsite: true,
          },
        }
        const autumnJpeg = Buffer.concat([DEFAULT_COVER.bytes(), Buffer.from("autumn")])
        const pictures: Record<string, Buffer> = {
          "/uploads/autumn.jpg": autumnJpeg,
          "/uploads/thumbnail_autumn.png": Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
        }
        const cms = createServer((req, res) => {
          const picture = pictures[(req.url ?? "").split("?")[0]]
          if (picture) {
            res.writeHead(200, { "content-type": "image/jpeg" })
            return res.end(picture)
          }
          const entry = entries[(req.url ?? "").split("?")[0]]
          res.writeHead(entry ? 200 : 404, { "content-type": "application/json" })
          res.end(JSON.stringify(entry ? { data: entry } : { data: null, error: { status: 404 } }))
        })
        await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
        const previous = {
          CMS_URL: process.env.CMS_URL,
          WECHAT_OA_MASS_SEND_MONTHLY_LIMIT: process.env.WECHAT_OA_MASS_SEND_MONTHLY_LIMIT,
        }
        process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
        process.env.WECHAT_OA_MASS_SEND_MONTHLY_LIMIT = "2"
        try {
          const send = (body: Record<string, unknown>) =>
            api
              .post("/admin/official-account/mass-sends", body, staff)
              .catch((e: any) => e.response)
          const standinSends = async () =>
            (
              await standin$<{ mass_sends: Record<string, any>[] }>(
                "/__standin/official-account/mass-sends"
              )
            ).mass_sends
          const materials = async () =>
            (
              await standin$<{ materials: { media_id: string; type: string; sha256: string }[] }>(
                "/__standin/official-account/materials"
              )
            ).materials
          const materialsBefore = (await materials()).length
          const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex")

          // Only content flagged for the micro-site, and only content that exists.
          const notFlagged = await send({ content_type: "article", content_id: "art-plain" })
          expect(notFlagged.status).toBe(400)
          expect(notFlagged.data.message).toBe("该内容未设置“发布到微官网”，不能群发")
          const missing = await send({ content_type: "article", content_id: "art-gone" })
          expect(missing.status).toBe(404)
          const noTag = await send({
            content_type: "article",
            content_id: "art-micro",
            audience: "tag",
          })
          expect(noTag.status).toBe(400)

          const toAll = await send({ content_type: "article", content_id: "art-micro" })
          expect(toAll.status).toBe(201)
          expect(toAll.data.mass_send).toMatchObject({
            title: "秋季养生：润燥为先",
            audience: "all",
            status: "submitted",
            errcode: 0,
          })
          const toTag = await send({
            content_type: "landing_page",
            content_id: "lp-micro",
            audience: "tag",
            tag_id: 101,
          })
          expect(toTag.data.mass_send).toMatchObject({
            audience: "tag",
            tag_id: 101,
            status: "submitted",
          })
          const atWechat = await standinSends()
          expect(atWechat).toHaveLength(2)
          expect(atWechat[0]).toMatchObject({ filter: { is_to_all: true }, errcode: 0 })
          expect(atWechat[0].articles[0]).toMatchObject({
            title: "秋季养生：润燥为先",
            digest: "秋季气候干燥，饮食起居宜润燥。",
          })
          expect(atWechat[0].articles[0].content).toContain("<p>多吃梨、银耳。</p>")
          expect(atWechat[0].articles[0].content_source_url).toMatch(/\/articles\/autumn-care$/)
          expect(atWechat[1]).toMatchObject({ filter: { is_to_all: false, tag_id: 101 } })
          expect(atWechat[1].articles[0].content_source_url).toMatch(/\/landing\/gene-test$/)

          // Covers: the article's JPEG, the landing page (no picture) the built-in one, each
          // uploaded once as permanent thumb material and named by its news article.
          const uploaded = (await materials()).slice(materialsBefore)
          expect(uploaded.map((m) => [m.type, m.sha256])).toEqual([
            ["thumb", sha256(autumnJpeg)],
            ["thumb", sha256(DEFAULT_COVER.bytes())],
          ])
          expect(atWechat[0].articles[0].thumb_media_id).toBe(uploaded[0].media_id)
          expect(atWechat[1].articles[0].thumb_media_id).toBe(uploaded[1].media_id)
          expect(toAll.data.mass_send.thumb_media_id).toBe(uploaded[0].media_id)

          // Our limit (2 this month): refused before WeChat is asked, and recorded.
          const third = await send({ content_type: "article", content_id: "art-micro" })
          expect(third.status).toBe(409)
          expect(third.data.message).toContain("本月群发次数已用完")
          expect(await standinSends()).toHaveLength(2)

          // WeChat's own quota (45028) is recorded too, and answered the same way.
          process.env.WECHAT_OA_MASS_SEND_MONTHLY_LIMIT = "10"
          await standin$("/__standin/official-account/mass-quota", { limit: 2 })
          const overWechat = await send({ content_type: "article", content_id: "art-micro" })
          expect(overWechat.status).toBe(409)
          // The article's cover was not uploaded again.
          expect((await standinSends()).at(-1)?.articles[0].thumb_media_id).toBe(
            uploaded[0].media_id
          )
          expect((await materials()).length).toBe(materialsBefore + 2)

          // WeChat reports the finished job on the server URL, once (a repeat changes nothing).
          const finish = (status: string, sent: number) =>
            deliver("aes", {
              FromUserName: "oOA-mass-admin",
              MsgType: "event",
              Event: "MASSSENDJOBFINISH",
              MsgID: Number(toAll.data.mass_send.msg_id),
              Status: status,
              TotalCount: 120,
              FilterCount: 118,
              SentCount: sent,
              ErrorCount: 118 - sent,
            })
          expect(await finish("send success", 117)).toMatchObject({ status: 200, body: "success" })

          const list = (await api.get("/admin/official-account/mass-sends", staff)).data
          expect(list.count).toBe(4)
          const byId = (id: string) => list.mass_sends.find((m: { id: string }) => m.id === id)
          expect(byId(toAll.data.mass_send.id)).toMatchObject({
            status: "finished",
            job_status: "send success",
            total_count: 120,
            filter_count: 118,
            sent_count: 117,
            error_count: 1,
          })
          expect(byId(toTag.data.mass_send.id)).toMatchObject({
            status: "submitted",
            sent_count: null,
          })
          expect(
            list.mass_sends
              .filter((m: { status: string }) => m.status === "refused")
              .map((m: { errcode: number | null }) => m.errcode)
              .sort()
          ).toEqual([45028, null])
          await new Promise((resolve) => setTimeout(resolve, 1100))
          await finish("send fail", 0)
          expect(
            (await api.get("/admin/official-account/mass-sends", staff)).data.mass_sends.find(
              (m: { id: string }) => m.id === toAll.data.mass_send.id
            )
          ).toMatchObject({ status: "finished", sent_count: 117 })
        } finally {
          cms.close()
          for (const [name, value] of Object.entries(previous)) {
            if (value === undefined) delete process.env[name]
            else process.env[name] = value
          }
        }
      })
    })

    describe("微官网 products (发布到微官网)", () => {
      const MINI = { "x-storefront-channel": "miniprogram" }

      /** A sales channel with its publishable key and three products: two published, a draft. */
      async function shop(thumbnail?: string) {
        const container = getContainer()
        const {
          result: [channel],
        } = await createSalesChannelsWorkflow(container).run({
          input: { salesChannelsData: [{ name: "微官网测试" }] },
        })
        const {
          result: [key],
        } = await createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "微官网测试", type: "publishable", created_by: "test" }] },
        })
        await linkSalesChannelsToApiKeyWorkflow(container).run({
          input: { id: key.id, add: [channel.id] },
        })
        const product = (title: string, handle: string, status = ProductStatus.PUBLISHED) => ({
          title,
          handle,
          status,
          description: `${title}：一次采样，报告在线查看。`,
          thumbnail,
          options: [{ title: "规格", values: ["标准"] }],
          sales_channels: [{ id: channel.id }],
        })
        const { result } = await createProductsWorkflow(container).run({
          input: {
            products: [
              product("肺癌易感基因检测", "oa-lung"),
              product("胃癌易感基因检测", "oa-stomach"),
              product("肝癌易感基因检测", "oa-liver", ProductStatus.DRAFT),
            ],
          },
        })
        const [lung, stomach, liver] = result
        return { key: key.token, lung, stomach, liver }
      }

      it("shows the mini-program only products on the 微官网 (list, handle, id, search) while the web shows all", async () => {
        const container = getContainer()
        const { key, lung, stomach } = await shop()
        const web = { headers: { "x-publishable-api-key": key } }
        const mini = { headers: { "x-publishable-api-key": key, ...MINI } }
        const staff = await adminHeaders(container, api as never, "oa-catalog@health.local", [
          "operations",
        ])
        const flag = (id: string, who = staff) =>
          api.get(`/admin/products/${id}/microsite`, who).catch((e: any) => e.response)
        const setFlag = (id: string, body: unknown, who = staff) =>
          api.post(`/admin/products/${id}/microsite`, body, who).catch((e: any) => e.response)

        // Existing products are on the 微官网 until staff take them off.
        expect((await flag(stomach.id)).data.microsite).toEqual({
          product_id: stomach.id,
          shown: true,
        })
        const off = await setFlag(stomach.id, { shown: false })
        expect(off.data.microsite).toEqual({ product_id: stomach.id, shown: false })
        expect((await flag(stomach.id)).data.microsite.shown).toBe(false)
        const noChoice = await setFlag(stomach.id, {})
        expect(noChoice.status).toBe(400)
        expect(noChoice.data.message).toMatch(/[\u4e00-\u9fa5]/)
        expect((await setFlag("prod_missing", { shown: true })).status).toBe(404)
        const lab = await adminHeaders(container, api as never, "oa-catalog-lab@health.local", [
          "lab",
        ])
        expect((await setFlag(lung.id, { shown: false }, lab)).status).toBe(403)

        const titles = async (path: string, who: typeof web) =>
          ((await api.get(path, who)).data.products as { id: string }[]).map((p) => p.id).sort()
        expect(await titles("/store/products?fields=id", web)).toEqual([lung.id, stomach.id].sort())
        expect(await titles("/store/products?fields=id", mini)).toEqual([lung.id])
        expect(await titles("/store/products?fields=id&handle=oa-stomach", mini)).toEqual([])
        expect(await titles("/store/products?fields=id&handle=oa-stomach", web)).toEqual([
          stomach.id,
        ])
        expect(
          await titles(`/store/products?fields=id&id[]=${stomach.id}&id[]=${lung.id}`, mini)
        ).toEqual([lung.id])
        expect(await titles(`/store/products?fields=id&id=${stomach.id}`, mini)).toEqual([])

        const direct = await api
          .get(`/store/products/${stomach.id}`, mini)
          .catch((e: any) => e.response)
        expect(direct.status).toBe(404)
        expect(direct.data.message).toBe("该商品未在小程序上架")
        expect((await api.get(`/store/products/${stomach.id}`, web)).status).toBe(200)
        expect((await api.get(`/store/products/${lung.id}`, mini)).status).toBe(200)

        // Site search: the mini-program finds only what the 微官网 shows.
        await indexProductsWorkflow(container).run({ input: { ids: [lung.id, stomach.id] } })
        const found = async (who: typeof web, type = "&type=product") =>
          (
            (await api.get(`/store/search?q=${encodeURIComponent("易感基因")}${type}`, who)).data
              .hits as { type: string; id: string }[]
          )
            .filter((hit) => hit.type === "product")
            .map((hit) => hit.id)
            .sort()
        expect(await found(web)).toEqual([lung.id, stomach.id].sort())
        expect(await found(mini)).toEqual([lung.id])
        expect(await found(mini, "")).toEqual([lung.id])

        // Back on the 微官网: the mini-program lists it again.
        await setFlag(stomach.id, { shown: true })
        expect(await titles("/store/products?fields=id", mini)).toEqual(
          [lung.id, stomach.id].sort()
        )
      })

      it("群发 a product on the 微官网 as news linking to its page, its picture the cover uploaded once; refuses one off the 微官网", async () => {
        const container = getContainer()
        const picture = Buffer.concat([DEFAULT_COVER.bytes(), Buffer.from("lung-kit")])
        const pictures = createServer((_req, res) => {
          res.writeHead(200, { "content-type": "image/jpeg" })
          res.end(picture)
        })
        await new Promise<void>((resolve) => pictures.listen(0, "127.0.0.1", resolve))
        const pictureUrl = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}/lung.jpg`
        try {
          const { lung, stomach, liver } = await shop(pictureUrl)
          const staff = await adminHeaders(container, api as never, "oa-ops5@health.local", [
            "operations",
          ])
          await api.post(`/admin/products/${stomach.id}/microsite`, { shown: false }, staff)
          const send = (content_id: string) =>
            api
              .post(
                "/admin/official-account/mass-sends",
                { content_type: "product", content_id },
                staff
              )
              .catch((e: any) => e.response)

          const hidden = await send(stomach.id)
          expect(hidden.status).toBe(400)
          expect(hidden.data.message).toBe("该商品未设置“发布到微官网”，不能群发")
          expect((await send(liver.id)).status).toBe(404)
          expect((await send("prod_missing")).status).toBe(404)

          const materials = async () =>
            (
              await standin$<{ materials: { media_id: string; sha256: string }[] }>(
                "/__standin/official-account/materials"
              )
            ).materials
          // The stand-in outlives each test's database: the quota an earlier test used up is not ours.
          await standin$("/__standin/official-account/mass-quota", { limit: 100 })
          const before = (await materials()).length
          const sent = await send(lung.id)
          expect(sent.status).toBe(201)
          expect(sent.data.mass_send).toMatchObject({
            content_type: "product",
            content_id: lung.id,
            title: "肺癌易感基因检测",
            status: "submitted",
          })
          const again = await send(lung.id)
          expect(again.status).toBe(201)

          const uploaded = (await materials()).slice(before)
          expect(uploaded).toHaveLength(1)
          expect(uploaded[0].sha256).toBe(createHash("sha256").update(picture).digest("hex"))
          const atWechat = (
            await standin$<{ mass_sends: Record<string, any>[] }>(
              "/__standin/official-account/mass-sends"
            )
          ).mass_sends.slice(-2)
          for (const mass of atWechat) {
            expect(mass.articles[0]).toMatchObject({
              title: "肺癌易感基因检测",
              thumb_media_id: uploaded[0].media_id,
            })
            expect(mass.articles[0].content_source_url).toMatch(/\/products\/oa-lung$/)
            expect(mass.articles[0].content).toContain("一次采样，报告在线查看。")
          }
        } finally {
          pictures.close()
        }
      })
    })
  },
})
