import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { DomainEvent } from "../../src/lib/events/domain-events"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { ensureEscortServices } from "../../src/scripts/seed/reference-escort-services"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }
type TimelineEvent = { id: string; status: string; status_label: string; at: string }

const booking = (variantId: string) => ({
  variant_id: variantId,
  extras: [],
  hospital_id: "hosp-xiangya",
  hospital_name: "中南大学湘雅医院",
  department: "心血管内科",
  city: "长沙市",
  date: addDays(shanghaiToday(), 5),
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: "11010519491231002X" },
  meeting_point: "门诊楼一楼大厅",
  consents: ESCORT_CONSENTS,
  needs: [],
})

/**
 * An SSE client as a browser's EventSource reads the stream: frames split by a blank line,
 * `id:` / `event:` / `data:` fields, comments ignored. `next(n)` waits for the next n events,
 * failing if they take longer than a push should (well under the 15 s heartbeat re-read).
 */
async function openTimeline(url: string, headers: Record<string, string>) {
  const abort = new AbortController()
  const response = await fetch(url, { headers, signal: abort.signal })
  const events: (TimelineEvent & { sse_id: string; sse_event: string })[] = []
  let taken = 0
  let buffer = ""
  const reading = (async () => {
    if (!response.ok || !response.body) return
    const decoder = new TextDecoder()
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const field = (name: string) =>
            frame
              .split("\n")
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2)
          const data = field("data")
          if (data) {
            events.push({ ...JSON.parse(data), sse_id: field("id"), sse_event: field("event") })
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return {
    response,
    async next(count: number, withinMs = 5_000) {
      const deadline = Date.now() + withinMs
      while (events.length < taken + count) {
        if (Date.now() > deadline) {
          throw new Error(`got ${events.length - taken} of ${count} events within ${withinMs} ms`)
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      const batch = events.slice(taken, taken + count)
      taken += count
      return batch
    },
    async close() {
      abort.abort()
      await reading
    },
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    // Every booking's consent versions are checked against the CMS's.
    useConsentCms()
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    const baseUrl = () => (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    it("pushes each step to the owner's stream as the escort moves the task, and resumes after Last-Event-ID", async () => {
      const key = await createPublishableKey(getContainer())
      const store = { headers: { "x-publishable-api-key": key } }
      const admin = await adminHeaders(getContainer(), api)
      const alice = await registerCustomer(api, key, "alice-live@example.com")
      const bob = await registerCustomer(api, key, "bob-live@example.com")

      await api.post(
        "/admin/escorts",
        { phone: "13800001111", name: "陪诊员李", city: "长沙市" },
        admin
      )
      await api.post("/store/auth/sms-codes", { phone: "13800001111", purpose: "login" }, store)
      const code = LogSmsSender.latestTo("+8613800001111")?.params.code as string
      const signedIn = await api.post("/auth/escort/phone", { phone: "13800001111", code })
      const escort: Headers = { headers: { authorization: `Bearer ${signedIn.data.token}` } }

      await ensureEscortServices(getContainer())
      const { services } = (await api.get("/store/escort-services", store)).data
      const { data } = await api.post(
        "/store/escort-bookings",
        booking(services[0].variant_id),
        alice
      )
      const id = data.booking.id as string
      await api.post(`/admin/escort-bookings/${id}/mark-paid`, {}, admin)
      const url = `${baseUrl()}/store/escort-bookings/${id}/events/stream`

      const theirs = await fetch(url, { headers: bob.headers })
      expect(theirs.status).toBe(404)
      expect((await theirs.json()).message).toBe("未找到该陪诊订单")
      expect((await fetch(url, { headers: store.headers })).status).toBe(401)

      const live = await openTimeline(url, alice.headers)
      expect(live.response.status).toBe(200)
      expect(live.response.headers.get("content-type")).toContain("text/event-stream")
      expect(live.response.headers.get("x-accel-buffering")).toBe("no")
      expect(live.response.headers.get("cache-control")).toContain("no-cache")
      try {
        // What happened before the stream opened comes first, in order.
        const before = await live.next(2)
        expect(before.map((e) => [e.status, e.status_label])).toEqual([
          ["pending_payment", "待支付"],
          ["awaiting_escort", "待接单"],
        ])
        expect(before.every((e) => e.sse_id === e.id && e.sse_event === "timeline")).toBe(true)

        await api.post(`/escort/tasks/${id}/accept`, {}, escort)
        expect((await live.next(1)).map((e) => e.status)).toEqual(["accepted"])
        for (const status of ["departed", "arrived", "accompanying", "completed"]) {
          await api.post(`/escort/tasks/${id}/progress`, { status }, escort)
          expect((await live.next(1)).map((e) => e.status)).toEqual([status])
          if (status === "accompanying") {
            // An SOP step recorded during 陪同就医 reaches the open stream the same way.
            await api.post(`/escort/tasks/${id}/sop-steps`, { step: "挂号" }, escort)
            const [step] = await live.next(1)
            expect([step.status, (step as { sop_step?: string }).sop_step]).toEqual([
              "sop_step",
              "挂号",
            ])
          }
        }
      } finally {
        await live.close()
      }

      const { data: read } = await api.get(`/store/escort-bookings/${id}`, alice)
      const timeline = read.booking.events as TimelineEvent[]
      const arrived = timeline.find((e) => e.status === "arrived")!

      // A reconnecting EventSource sends the last id it saw: only what came after it follows.
      const resumed = await openTimeline(url, { ...alice.headers, "last-event-id": arrived.id })
      try {
        expect((await resumed.next(3)).map((e) => e.status)).toEqual([
          "accompanying",
          "sop_step",
          "completed",
        ])
      } finally {
        await resumed.close()
      }

      await api.post(`/store/escort-bookings/${id}/confirm`, {}, alice)
      // Clients that cannot set headers on the first request use the query.
      const byQuery = await openTimeline(`${url}?last_event_id=${arrived.id}`, alice.headers)
      try {
        expect((await byQuery.next(4)).map((e) => e.status)).toEqual([
          "accompanying",
          "sop_step",
          "completed",
          "confirmed",
        ])
      } finally {
        await byQuery.close()
      }
    })

    it("pushes 待接单 as soon as the booking's payment is announced", async () => {
      const key = await createPublishableKey(getContainer())
      const store = { headers: { "x-publishable-api-key": key } }
      const admin = await adminHeaders(getContainer(), api)
      const carol = await registerCustomer(api, key, "carol-live@example.com")
      await ensureEscortServices(getContainer())
      const { services } = (await api.get("/store/escort-services", store)).data
      const { data } = await api.post(
        "/store/escort-bookings",
        booking(services[0].variant_id),
        carol
      )
      const id = data.booking.id as string
      const url = `${baseUrl()}/store/escort-bookings/${id}/events/stream`

      const live = await openTimeline(url, carol.headers)
      try {
        expect((await live.next(1)).map((e) => e.status)).toEqual(["pending_payment"])
        // Staff's mark-paid writes the step without a push; the paid event (as the order
        // subscriber emits it) is what reaches the stream, long before its heartbeat re-read.
        await api.post(`/admin/escort-bookings/${id}/mark-paid`, {}, admin)
        await getContainer()
          .resolve(Modules.EVENT_BUS)
          .emit({ name: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT, data: { id } })
        expect((await live.next(1, 8_000)).map((e) => e.status)).toEqual(["awaiting_escort"])
      } finally {
        await live.close()
      }
    })
  },
})
