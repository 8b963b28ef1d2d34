import webpush from "web-push"
import {
  startWebPushStandin,
  type WebPushStandin,
} from "../../../../integration-tests/helpers/web-push-standin"
import {
  PUSH_TTL_SECONDS,
  pushAgentFromEnv,
  sendToBrowsers,
} from "../../../modules/notification-web-push/send-to-browsers"
import type { WebPushSubscriptionRow } from "../../../modules/web-push-subscription/service"
import { checkPushSubscription } from "../check-push-subscription"
import { isAllowedPushEndpoint } from "../push-endpoint"
import { webPushSettingsFromEnv } from "../vapid-settings"
import { webPushMessageOf } from "../web-push-message"

const keys = webpush.generateVAPIDKeys()
const vapidEnv = {
  WEB_PUSH_VAPID_PUBLIC_KEY: keys.publicKey,
  WEB_PUSH_VAPID_PRIVATE_KEY: keys.privateKey,
  WEB_PUSH_SUBJECT: "mailto:ops@health.local",
}

describe("VAPID settings", () => {
  it("are on only with a P-256 pair and a mailto: or https: subject", () => {
    expect(webPushSettingsFromEnv(vapidEnv)).toEqual({
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      subject: "mailto:ops@health.local",
    })
    expect(webPushSettingsFromEnv({})).toBeNull()
    expect(webPushSettingsFromEnv({ ...vapidEnv, WEB_PUSH_SUBJECT: "ops@health.local" })).toBeNull()
    expect(
      webPushSettingsFromEnv({ ...vapidEnv, WEB_PUSH_VAPID_PRIVATE_KEY: keys.publicKey })
    ).toBeNull()
  })
})

describe("push endpoints the server may call", () => {
  it("are https on a known push service, or an origin named in the environment", () => {
    const allowed = (url: string, env = {}) => isAllowedPushEndpoint(url, env)
    expect(allowed("https://fcm.googleapis.com/fcm/send/abc:def")).toBe(true)
    expect(allowed("https://updates.push.services.mozilla.com/wpush/v2/gAAA")).toBe(true)
    expect(allowed("https://wns2-sg2p.notify.windows.com/w/?token=x")).toBe(true)
    expect(allowed("https://web.push.apple.com/QGx")).toBe(true)
    expect(allowed("http://fcm.googleapis.com/fcm/send/abc")).toBe(false)
    expect(allowed("https://fcm.googleapis.com:8443/fcm/send/abc")).toBe(false)
    expect(allowed("https://fcm.googleapis.com.attacker.example/x")).toBe(false)
    expect(allowed("https://user:pw@fcm.googleapis.com/x")).toBe(false)
    expect(allowed("https://169.254.169.254/latest/meta-data")).toBe(false)
    expect(allowed("not a url")).toBe(false)
    const env = { WEB_PUSH_EXTRA_ENDPOINT_ORIGINS: "https://127.0.0.1:4443/, https://push.example" }
    expect(allowed("https://127.0.0.1:4443/push/1", env)).toBe(true)
    expect(allowed("https://127.0.0.1:4444/push/1", env)).toBe(false)
  })

  it("refuse a subscription in Chinese when push is off, the host unknown or the keys malformed", () => {
    const good = {
      endpoint: "https://fcm.googleapis.com/fcm/send/abc",
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url"),
      auth: Buffer.alloc(16, 2).toString("base64url"),
    }
    expect(() => checkPushSubscription(good, vapidEnv)).not.toThrow()
    expect(() => checkPushSubscription(good, {})).toThrow("消息提醒暂未开放")
    expect(() =>
      checkPushSubscription({ ...good, endpoint: "https://169.254.169.254/x" }, vapidEnv)
    ).toThrow("不支持该浏览器的推送服务")
    expect(() => checkPushSubscription({ ...good, auth: "c2hvcnQ" }, vapidEnv)).toThrow(
      "浏览器的推送密钥无效"
    )
  })
})

describe("a member notice as web push", () => {
  it("carries the inbox message's title, body and in-shop link, tagged by the notice", () => {
    const notice = {
      template: "kit-status",
      key: "kit-status:evt_1",
      feed: {
        category: "kit",
        title: "基因检测：报告已出",
        body: "您的检测报告已出，可在“健康档案”中查看和下载。",
        link: "/account/health/kits/kit_1",
        dedupe_key: "kit-status:evt_1",
      },
    }
    expect(webPushMessageOf(notice)).toEqual({
      title: "基因检测：报告已出",
      body: "您的检测报告已出，可在“健康档案”中查看和下载。",
      link: "/account/health/kits/kit_1",
      tag: "kit-status:evt_1",
    })
    const offsite = webPushMessageOf({
      ...notice,
      feed: { ...notice.feed, link: "//evil.example/x", body: "长".repeat(2000) },
    })
    expect(offsite.link).toBe("/account/inbox")
    expect(offsite.body.length).toBe(600)
  })
})

describe("sending to a member's browsers", () => {
  let standin: WebPushStandin
  beforeAll(async () => {
    standin = await startWebPushStandin()
  })
  afterAll(() => standin.stop())

  const rowOf = (json: { endpoint: string; keys: { p256dh: string; auth: string } }, id: string) =>
    ({
      id,
      customer_id: "cus_1",
      endpoint: json.endpoint,
      p256dh: json.keys.p256dh,
      auth: json.keys.auth,
      user_agent: null,
      created_at: new Date(),
    }) satisfies WebPushSubscriptionRow

  it("encrypts to each browser's keys and signs with VAPID; a 410 says the browser is gone", async () => {
    const phone = standin.subscribe()
    const laptop = standin.subscribe()
    const left = standin.subscribe()
    standin.expire(left.id)
    const message = { title: "报告已出", body: "请查看", link: "/account/inbox", tag: "t1" }
    const agent = pushAgentFromEnv({ WEB_PUSH_EXTRA_CA_FILE: standin.caFile })
    const results = await sendToBrowsers(
      [
        rowOf(phone.json, "wpsub_phone"),
        rowOf(laptop.json, "wpsub_laptop"),
        rowOf(left.json, "wpsub_left"),
      ],
      message,
      webPushSettingsFromEnv(vapidEnv)!,
      { agent }
    )
    expect(results).toEqual([
      { subscription_id: "wpsub_phone", result: "delivered", status: 201 },
      { subscription_id: "wpsub_laptop", result: "delivered", status: 201 },
      expect.objectContaining({ subscription_id: "wpsub_left", result: "gone", status: 410 }),
    ])
    expect(standin.refused).toEqual([])
    expect(standin.received.map((r) => r.subscription_id).sort()).toEqual(
      [phone.id, laptop.id].sort()
    )
    for (const push of standin.received) {
      expect(push.payload).toEqual(message)
      expect(push.ttl).toBe(PUSH_TTL_SECONDS)
      expect(push.vapid).toMatchObject({
        aud: standin.origin,
        sub: "mailto:ops@health.local",
        public_key: keys.publicKey,
      })
    }
  })

  it("reports a push service it cannot trust or reach as failed, without throwing", async () => {
    const browser = standin.subscribe()
    const [untrusted] = await sendToBrowsers(
      [rowOf(browser.json, "wpsub_x")],
      { title: "t", body: "b", link: "/", tag: "t" },
      webPushSettingsFromEnv(vapidEnv)!
    )
    expect(untrusted).toMatchObject({ subscription_id: "wpsub_x", result: "failed" })
    expect(standin.received.some((r) => r.subscription_id === browser.id)).toBe(false)
  })
})
