import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import seed from "../../src/scripts/seed"
import { clearCmsCache } from "../../src/lib/cms/cms-reader"
import {
  addDays,
  describeSlot,
  shanghaiToday,
} from "../../src/modules/appointment/rules/appointment-calendar"
import { bookOrderCollectionAppointment } from "../../src/workflows/appointments/book-order-collection-appointment"
import { AppointmentJob } from "../../src/lib/queue/jobs"
import { appointmentsQueue } from "../../src/queues/appointments-queue"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { BEIJING_ADDRESS, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// Reminders go 1.5 s after booking instead of the evening before.
process.env.APPOINTMENT_REMINDER_DELAY_MS = "1500"
// Every request reads the stand-in CMS, so a test can take it down.
process.env.CMS_CACHE_TTL_MS = "0"

type Headers = { headers: Record<string, string> }
type Appointment = { id: string; status: string; date: string; slot: string; history: object[] }
type Message = { title: string; body: string; link: string | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const SITES: Record<string, object> = {
  "site-yueyang": {
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    phone: "0730-8888888",
    hours: "08:30-17:30",
    capacity_per_slot: 3,
    active: true,
  },
  "site-small": {
    name: "君山区采集点",
    city: "岳阳市",
    district: "君山区",
    address: "君山大道 8 号",
    capacity_per_slot: 1,
    active: true,
  },
}

const SESSIONS: Record<string, object> = {
  "session-tcm": {
    title: "中医专家义诊",
    starts_at: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString(),
    place: "岳阳市中医院门诊楼",
    capacity: 1,
  },
  "session-past": {
    title: "上月义诊",
    starts_at: new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
    capacity: 10,
  },
}

/** Speaks Strapi 5's REST shape for the two content types commerce reads. */
function startCmsStandIn(state: { down: boolean }) {
  const entry = (documentId: string, fields: object, index: number) => ({
    id: index + 1,
    documentId,
    ...fields,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    publishedAt: "2026-11-01T00:00:00.000Z",
  })
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    const send = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (state.down) return send(502, { data: null, error: { status: 502, message: "Bad Gateway" } })
    const [, api, type, documentId] = url.pathname.split("/")
    const table = type === "collection-sites" ? SITES : type === "clinic-sessions" ? SESSIONS : null
    if (api !== "api" || !table) return send(404, { data: null, error: { status: 404 } })
    if (!documentId) {
      const data = Object.entries(table).map(([id, fields], i) => entry(id, fields, i))
      return send(200, {
        data,
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
      })
    }
    const fields = table[documentId]
    if (!fields) {
      return send(404, {
        data: null,
        error: { status: 404, name: "NotFoundError", message: "Not Found", details: {} },
      })
    }
    send(200, { data: entry(documentId, fields, 0), meta: {} })
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let service: Headers
    let cms: Server
    const cmsState = { down: false }
    const noThrow = { validateStatus: () => true }
    // Beijing's today, fixed when each test starts: a test that ran across Beijing midnight
    // (16:00 UTC) chose one date and then expected the next day's.
    let today = shanghaiToday()
    beforeEach(() => {
      today = shanghaiToday()
    })
    const day = (offset: number) => addDays(today, offset)

    beforeAll(async () => {
      cms = startCmsStandIn(cmsState)
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      service = await adminHeaders(container, api as never, "service@health.local", ["service"])
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    const inbox = async (who: Headers) =>
      (await api.get("/store/inbox", who)).data.messages as Message[]

    it("books a slot, shows remaining places, and refuses bad requests in Chinese", async () => {
      const member = await registerCustomer(api as never, publishableKey, "book@example.com")
      const anonymous = await api.get("/store/appointments", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)

      const date = day(3)
      const { data: booked, status } = await api.post(
        "/store/appointments",
        {
          site_id: "site-yueyang",
          date,
          slot: "09:00-10:00",
          person_name: "王小明",
          person_phone: "138 0013 8000",
        },
        member
      )
      expect(status).toBe(201)
      expect(booked.appointment).toMatchObject({
        status: "pending",
        status_label: "待确认",
        date,
        slot: "09:00-10:00",
        site: {
          id: "site-yueyang",
          name: "岳阳楼区采集点",
          address: "岳阳市 岳阳楼区 洞庭南路 1 号",
        },
        person: { name: "王小明", phone: "+8613800138000" },
      })

      const { data: availability } = await api.get(
        `/store/appointments/availability?site_id=site-yueyang&from=${date}&days=2`,
        member
      )
      expect(availability.site).toMatchObject({ name: "岳阳楼区采集点", capacity_per_slot: 3 })
      expect(availability.days).toHaveLength(2)
      expect(availability.days[0].slots[0]).toEqual({
        slot: "09:00-10:00",
        capacity: 3,
        remaining: 2,
        bookable: true,
      })

      const listed = (await api.get("/store/appointments", member)).data.appointments
      expect(listed.map((a: Appointment) => a.id)).toEqual([booked.appointment.id])

      const refuse = async (body: object, code: number, message: string | RegExp) => {
        const { status, data } = await api.post("/store/appointments", body, {
          ...member,
          ...noThrow,
        })
        expect([status, data.message]).toEqual([code, expect.stringMatching(message)])
      }
      await refuse({ date, slot: "09:00-10:00" }, 400, /请选择采集点/)
      await refuse(
        { site_id: "site-yueyang", date: "2026-02-30", slot: "09:00-10:00" },
        400,
        /日期/
      )
      await refuse({ site_id: "site-yueyang", date, slot: "9点" }, 400, /请选择时段/)
      await refuse(
        { site_id: "site-yueyang", date, slot: "10:00-11:00", person_phone: "12345" },
        400,
        /11 位手机号/
      )
      await refuse(
        { site_id: "site-yueyang", date: day(-1), slot: "09:00-10:00" },
        400,
        /该时段已过/
      )
      await refuse(
        { site_id: "site-yueyang", date: day(45), slot: "09:00-10:00" },
        400,
        /最多可预约 30 天内/
      )
      await refuse(
        { site_id: "site-yueyang", date, slot: "09:30-10:30" },
        400,
        /没有 09:30-10:30 这个时段/
      )
      await refuse({ site_id: "site-gone", date, slot: "09:00-10:00" }, 400, /没有找到这个采集点/)
      await refuse(
        { site_id: "site-small", date, slot: "09:00-10:00" },
        409,
        /同一时段只能预约一次/
      )

      // The CMS is down: a clear 503, not a 500.
      cmsState.down = true
      try {
        await refuse(
          { site_id: "site-yueyang", date, slot: "11:00-12:00" },
          503,
          "采集点和义诊信息暂时无法读取，请稍后再试"
        )
        const unavailable = await api.get("/store/appointments/availability?site_id=site-yueyang", {
          ...member,
          ...noThrow,
        })
        expect(unavailable.status).toBe(503)
      } finally {
        cmsState.down = false
      }
    })

    it("gives the last place to exactly one of two members booking at the same moment", async () => {
      const [a, b] = await Promise.all([
        registerCustomer(api as never, publishableKey, "race-a@example.com"),
        registerCustomer(api as never, publishableKey, "race-b@example.com"),
      ])
      const body = { site_id: "site-small", date: day(4), slot: "14:00-15:00" }
      const answers = await Promise.all(
        [a, b].map((who) => api.post("/store/appointments", body, { ...who, ...noThrow }))
      )
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409])
      const loser = answers.find((r) => r.status === 409)!
      expect(loser.data.message).toBe(
        `${describeSlot(body.date, body.slot)} 已约满，请选择其他时段或日期`
      )
      const { data } = await api.get(
        `/store/appointments/availability?site_id=site-small&from=${body.date}&days=1`,
        a
      )
      const slot = data.days[0].slots.find((s: { slot: string }) => s.slot === body.slot)
      expect(slot).toMatchObject({ remaining: 0, bookable: false })
    })

    it("reminds the member, moves the reminder on reschedule and drops it on cancel", async () => {
      const member = await registerCustomer(api as never, publishableKey, "remind@example.com")
      const book = async (date: string, slot: string) =>
        (await api.post("/store/appointments", { site_id: "site-yueyang", date, slot }, member))
          .data.appointment as Appointment

      // Cancelled straight away: its reminder never comes.
      const dropped = await book(day(6), "16:00-17:00")
      const { data: cancelled } = await api.post(
        `/store/appointments/${dropped.id}/cancel`,
        { reason: "临时有事" },
        member
      )
      expect(cancelled.appointment).toMatchObject({ status: "cancelled", cancelled_by: "customer" })

      const kept = await book(day(5), "10:00-11:00")
      const { data: moved } = await api.post(
        `/store/appointments/${kept.id}/reschedule`,
        { date: day(7), slot: "15:00-16:00" },
        member
      )
      expect(moved.appointment).toMatchObject({
        status: "rescheduled",
        date: day(7),
        slot: "15:00-16:00",
      })
      const messages = await eventually(
        () => inbox(member),
        (list) => list.some((m) => m.body.includes(describeSlot(day(7), "15:00-16:00")))
      )
      const reminder = messages.find((m) => m.body.includes(describeSlot(day(7), "15:00-16:00")))!
      expect(reminder.title).toBe(`预约提醒：${describeSlot(day(7), "15:00-16:00")}`)
      expect(reminder.body).toContain("岳阳楼区采集点")
      expect(reminder.link).toBe("/account/appointments")
      await sleep(2000)
      const after = await inbox(member)
      expect(after.filter((m) => m.title.startsWith("预约提醒"))).toHaveLength(1)
      expect(after.some((m) => m.body.includes(describeSlot(day(6), "16:00-17:00")))).toBe(false)
      expect(after.some((m) => m.body.includes(describeSlot(day(5), "10:00-11:00")))).toBe(false)

      // A cancelled appointment stays cancelled; the old slot is free again.
      const again = await api.post(
        `/store/appointments/${dropped.id}/reschedule`,
        { date: day(8), slot: "09:00-10:00" },
        { ...member, ...noThrow }
      )
      expect([again.status, again.data.message]).toEqual([400, "该预约已取消，如需到店请重新预约"])
      const same = await api.post(
        `/store/appointments/${kept.id}/reschedule`,
        { date: day(7), slot: "15:00-16:00" },
        { ...member, ...noThrow }
      )
      expect(same.status).toBe(400)
      expect(same.data.message).toContain("新时段与原预约相同")
    })

    it("lets customer service run the day: confirm, reschedule, complete, cancel", async () => {
      const member = await registerCustomer(api as never, publishableKey, "staff-day@example.com")
      const date = day(9)
      const { data } = await api.post(
        "/store/appointments",
        { site_id: "site-yueyang", date, slot: "11:00-12:00", person_name: "李四" },
        member
      )
      const id = data.appointment.id as string

      const { data: dayView } = await api.get(`/admin/appointments?date=${date}`, service)
      expect(dayView.slots).toContain("11:00-12:00")
      expect(dayView.sites.map((s: { id: string }) => s.id)).toEqual(
        expect.arrayContaining(["site-yueyang", "site-small"])
      )
      expect(dayView.appointments.map((a: Appointment) => a.id)).toEqual([id])
      expect(dayView.appointments[0].person).toEqual({ name: "李四", phone: null })
      const filtered = await api.get(`/admin/appointments?date=${date}&status=cancelled`, service)
      expect(filtered.data.appointments).toEqual([])
      const badQuery = await api.get(`/admin/appointments?status=lost`, { ...service, ...noThrow })
      expect(badQuery.status).toBe(400)
      expect(badQuery.data.message).toContain("未知的预约状态")

      const act = (action: string, body: object = {}) =>
        api.post(`/admin/appointments/${id}/${action}`, body, { ...service, ...noThrow })
      expect((await act("confirm")).data.appointment.status).toBe("confirmed")
      expect((await act("confirm")).data.message).toBe("该预约已确认")
      const noSlot = await act("reschedule", {})
      expect([noSlot.status, noSlot.data.message]).toEqual([400, "改期请选择新的日期和时段"])
      const moved = await act("reschedule", { date: day(10), slot: "09:00-10:00" })
      expect(moved.data.appointment).toMatchObject({ status: "rescheduled", date: day(10) })
      expect((await act("confirm")).data.appointment.status).toBe("confirmed")
      expect((await act("complete")).data.appointment.status).toBe("completed")
      expect((await act("cancel")).data.message).toBe("该预约已完成，不能再修改")
      expect((await act("teleport")).status).toBe(404)

      const history = (await api.get(`/store/appointments/${id}`, member)).data.appointment.history
      expect(history.map((h: { status: string }) => h.status)).toEqual([
        "pending",
        "confirmed",
        "rescheduled",
        "confirmed",
        "completed",
      ])
      const notices = await eventually(
        () => inbox(member),
        (list) => list.filter((m) => ["预约已确认", "预约已改期"].includes(m.title)).length >= 3
      )
      expect(notices.map((m) => m.title)).toEqual(
        expect.arrayContaining(["预约已确认", "预约已改期"])
      )

      // Cancelled by staff, with a reason the member sees.
      const { data: other } = await api.post(
        "/store/appointments",
        { site_id: "site-yueyang", date, slot: "14:00-15:00" },
        member
      )
      const cancelled = await api.post(
        `/admin/appointments/${other.appointment.id}/cancel`,
        { reason: "采集点临时停电" },
        service
      )
      expect(cancelled.data.appointment).toMatchObject({
        status: "cancelled",
        cancelled_by: "staff",
        cancel_reason: "采集点临时停电",
      })
    })

    it("signs members up for a clinic session, waitlists the rest and promotes them in order", async () => {
      const [first, second, third] = await Promise.all(
        ["clinic-1", "clinic-2", "clinic-3"].map((name) =>
          registerCustomer(api as never, publishableKey, `${name}@example.com`)
        )
      )
      const signUp = (who: Headers) =>
        api.post("/store/clinic-sessions/session-tcm/signups", {}, { ...who, ...noThrow })
      const one = await signUp(first)
      expect(one.status).toBe(201)
      expect(one.data).toMatchObject({
        confirmed_count: 1,
        waitlist_count: 0,
        signup: { status: "confirmed", status_label: "已报名" },
      })
      expect((await signUp(second)).data.signup).toMatchObject({
        status: "waitlisted",
        waitlist_position: 1,
      })
      expect((await signUp(third)).data.signup.waitlist_position).toBe(2)
      const twice = await signUp(second)
      expect([twice.status, twice.data.message]).toEqual([
        409,
        "您已在这场义诊的候补名单中，有名额时会通知您",
      ])
      const past = await api.post(
        "/store/clinic-sessions/session-past/signups",
        {},
        {
          ...first,
          ...noThrow,
        }
      )
      expect([past.status, past.data.message]).toEqual([
        400,
        "这场义诊已开始或已结束，不能再报名，请关注之后的场次",
      ])
      const unknown = await api.post(
        "/store/clinic-sessions/session-none/signups",
        {},
        {
          ...first,
          ...noThrow,
        }
      )
      expect(unknown.status).toBe(404)

      const { data: left } = await api.post(
        "/store/clinic-sessions/session-tcm/signups/cancel",
        {},
        first
      )
      expect(left.signup.status).toBe("cancelled")
      const state = (await api.get("/store/clinic-sessions/session-tcm/signups", second)).data
      expect(state.signup).toMatchObject({ status: "confirmed", waitlist_position: null })
      expect(
        (await api.get("/store/clinic-sessions/session-tcm/signups", third)).data.signup
      ).toMatchObject({ status: "waitlisted", waitlist_position: 1 })
      const promoted = await eventually(
        () => inbox(second),
        (list) => list.some((m) => m.title === "候补成功：中医专家义诊")
      )
      expect(promoted.find((m) => m.title.startsWith("候补成功"))!.body).toContain(
        "岳阳市中医院门诊楼"
      )
      expect((await inbox(third)).some((m) => m.title.startsWith("候补成功"))).toBe(false)

      const mine = (await api.get("/store/clinic-signups", first)).data.signups
      expect(mine).toEqual([
        expect.objectContaining({
          status: "cancelled",
          session: expect.objectContaining({ title: "中医专家义诊" }),
        }),
      ])
      const { data: roster } = await api.get("/admin/clinic-sessions/session-tcm/signups", service)
      expect(
        roster.signups.map((s: { customer: { email: string }; status: string }) => [
          s.customer.email,
          s.status,
        ])
      ).toEqual([
        ["clinic-1@example.com", "cancelled"],
        ["clinic-2@example.com", "confirmed"],
        ["clinic-3@example.com", "waitlisted"],
      ])

      // The roster's list of sessions: the CMS's, with who signed up and who waits.
      const listed = (await api.get("/admin/clinic-sessions", service)).data
      expect(listed.cms_available).toBe(true)
      expect(listed.sessions.map((s: { id: string }) => s.id)).toEqual([
        "session-past",
        "session-tcm",
      ])
      expect(listed.sessions[1]).toEqual({
        id: "session-tcm",
        title: "中医专家义诊",
        starts_at: (SESSIONS["session-tcm"] as { starts_at: string }).starts_at,
        place: "岳阳市中医院门诊楼",
        capacity: 1,
        confirmed_count: 1,
        waitlist_count: 1,
      })
      // With the CMS down, the sessions members signed up for are still there.
      cmsState.down = true
      clearCmsCache()
      try {
        const fallback = (await api.get("/admin/clinic-sessions", service)).data
        expect(fallback.cms_available).toBe(false)
        expect(fallback.sessions).toEqual([
          expect.objectContaining({
            id: "session-tcm",
            title: "中医专家义诊",
            capacity: null,
            confirmed_count: 1,
            waitlist_count: 1,
          }),
        ])
      } finally {
        cmsState.down = false
        clearCmsCache()
      }
      // Members never reach the roster.
      const member = (await api.get("/admin/clinic-sessions", { ...second, ...noThrow })).status
      expect(member).toBe(401)
    })

    /**
     * Checkout as the storefronts keep it: the kit's line carries its test method (on-site
     * with the chosen slot in the line's metadata and the on-site shipping option, or a kit by
     * post with a courier when no slot is given), offline payment (a 岳阳 address), completion.
     */
    async function checkoutOnSite(
      buyer: Headers,
      choice: object | null,
      address: Record<string, string> = YUEYANG_ADDRESS
    ) {
      const { data: regions } = await api.get("/store/regions", buyer)
      const { data: list } = await api.get(
        "/store/products?handle=sports-gene-test&fields=*variants",
        buyer
      )
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id, email: "onsite@example.com" },
        buyer
      )
      const cartId = created.cart.id as string
      await api.post(
        `/store/carts/${cartId}/line-items`,
        {
          variant_id: list.products[0].variants[0].id,
          quantity: 1,
          metadata: choice
            ? { test_method: "on_site", collection: choice }
            : { test_method: "mail_in" },
        },
        buyer
      )
      await api.post(
        `/store/carts/${cartId}`,
        { shipping_address: address, billing_address: address, metadata: { note: "kept" } },
        buyer
      )
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
        buyer
      )
      const onSite = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code === "on-site-collection"
      )
      expect(onSite?.name).toBe("采集点现场采集")
      const courier = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code !== "on-site-collection"
      )
      await api.post(
        `/store/carts/${cartId}/shipping-methods`,
        { option_id: (choice ? onSite : courier).id },
        buyer
      )
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        buyer
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      return api.post(`/store/carts/${cartId}/complete`, {}, { ...buyer, ...noThrow })
    }

    const appointmentsOfOrder = async (who: Headers, orderId: string) =>
      ((await api.get("/store/appointments", who)).data.appointments as Appointment[]).filter(
        (a) => (a as Appointment & { order_id: string | null }).order_id === orderId
      )

    it("books the slot chosen at checkout for the buyer with the order, once, even when the event comes again", async () => {
      const member = await registerCustomer(api as never, publishableKey, "onsite@example.com")
      const choice = {
        site_id: "site-yueyang",
        site_name: "岳阳楼区采集点",
        date: day(13),
        slot: "10:00-11:00",
      }
      const completed = await checkoutOnSite(member, choice)
      expect([completed.status, completed.data.type]).toEqual([200, "order"])
      const order = completed.data.order
      // Medusa copies the cart's and its lines' metadata onto the order; the slot stays on
      // the line, none on the order. (The member's order list shows metadata.)
      const { data: placed } = await api.get(
        `/store/orders?id=${order.id}&fields=id,metadata,items.metadata`,
        member
      )
      expect(
        placed.orders.map((o: { metadata: object; items: { metadata: object }[] }) => [
          o.metadata,
          o.items.map((item) => item.metadata),
        ])
      ).toEqual([[{ note: "kept" }, [{ test_method: "on_site", collection: choice }]]])

      const booked = await eventually(
        () => appointmentsOfOrder(member, order.id),
        (list) => list.length > 0
      )
      expect(booked).toHaveLength(1)
      expect(booked[0]).toMatchObject({
        status: "pending",
        date: day(13),
        slot: "10:00-11:00",
        site: { id: "site-yueyang", name: "岳阳楼区采集点" },
        person: { name: "王小", phone: "+8613800000001" },
      })
      // Customer service sees it in the day view.
      const { data: dayView } = await api.get(`/admin/appointments?date=${day(13)}`, service)
      expect(dayView.appointments.map((a: Appointment) => a.id)).toContain(booked[0].id)

      // The event again, and the booking itself again (as a retried job would): still one.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({
          name: "order.placed",
          data: { id: order.id },
        })
      const again = await bookOrderCollectionAppointment(getContainer(), order.id)
      expect(again).toMatchObject({
        outcome: "handled",
        order_id: order.id,
        bookings: [{ outcome: "booked", appointment_id: booked[0].id, already_booked: true }],
      })
      await sleep(2000)
      expect(await appointmentsOfOrder(member, order.id)).toHaveLength(1)
      const { data: availability } = await api.get(
        `/store/appointments/availability?site_id=site-yueyang&from=${day(13)}&days=1`,
        member
      )
      expect(
        availability.days[0].slots.find((s: { slot: string }) => s.slot === "10:00-11:00")
      ).toMatchObject({ remaining: 2 })
      // Nothing to book for an order whose kit goes by post.
      const plain = await checkoutOnSite(member, null)
      expect(plain.data.type).toBe("order")
      expect(await bookOrderCollectionAppointment(getContainer(), plain.data.order.id)).toEqual({
        outcome: "none",
      })
    })

    it("refuses an unpaid checkout whose slot filled up; a paid order whose slot filled up is kept and the member picks again", async () => {
      const member = await registerCustomer(api as never, publishableKey, "late@example.com")
      const other = await registerCustomer(api as never, publishableKey, "early@example.com")
      const choice = {
        site_id: "site-small",
        site_name: "君山区采集点",
        date: day(14),
        slot: "15:00-16:00",
      }
      // Someone else takes the only place between choosing and paying.
      const { site_name: _name, ...booking } = choice
      const taken = await api.post("/store/appointments", booking, other)
      expect(taken.status).toBe(201)

      // Offline payment: nothing has moved yet, so the full slot is refused before any order.
      const refused = await checkoutOnSite(member, choice)
      expect([refused.status, refused.data.message]).toEqual([
        400,
        `「运动基因检测」${describeSlot(choice.date, choice.slot)} 已约满，请选择其他时段或日期`,
      ])

      // Money taken online (WeChat) while the slot filled up still becomes an order with the
      // line's choice on it. That order is written here onto a placed order's line rather
      // than by running a WeChat payment.
      const completed = await checkoutOnSite(member, null)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order
      await getContainer()
        .resolve(Modules.ORDER)
        .updateOrderLineItems(order.items[0].id, {
          metadata: { test_method: "on_site", collection: choice },
        })
      // The order's placing already queued its one booking job (its job id is the order's):
      // the job runs here again, as the queue runs it.
      const runBookingJob = appointmentsQueue.handlers[AppointmentJob.ORDER_COLLECTION] as (
        job: { order_id: string },
        context: { container: unknown }
      ) => Promise<unknown>
      await runBookingJob({ order_id: order.id }, { container: getContainer() })
      const messages = await eventually(
        () => inbox(member),
        (list) => list.some((m) => m.title === "现场采集预约未成功，请重新选择时段")
      )
      const notice = messages.find((m) => m.title === "现场采集预约未成功，请重新选择时段")!
      expect(notice.link).toBe(`/account/appointments/book?order_id=${order.id}`)
      expect(notice.body).toContain(`订单 #${order.display_id}`)
      expect(notice.body).toContain(describeSlot(choice.date, choice.slot))
      expect(notice.body).toContain("已约满")
      expect(await appointmentsOfOrder(member, order.id)).toEqual([])
      const { data: orderNow } = await api.get(`/store/orders/${order.id}`, member)
      expect(orderNow.order.status).toBe("pending")

      // A replay tells the member once.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({
          name: "order.placed",
          data: { id: order.id },
        })
      await sleep(1500)
      const after = await inbox(member)
      expect(after.filter((m) => m.title.startsWith("现场采集预约未成功"))).toHaveLength(1)

      // From 我的预约 the member books another slot for the order.
      const { status } = await api.post(
        "/store/appointments",
        { site_id: "site-yueyang", date: day(14), slot: "15:00-16:00", order_id: order.id },
        member
      )
      expect(status).toBe(201)
      expect(await appointmentsOfOrder(member, order.id)).toHaveLength(1)
    })

    it("refuses at completion a malformed slot choice, and one on a guest's cart", async () => {
      const member = await registerCustomer(api as never, publishableKey, "bad-choice@example.com")
      const bad = await checkoutOnSite(member, {
        site_id: "site-yueyang",
        date: "明天",
        slot: "上午",
      })
      expect([bad.status, bad.data.message]).toEqual([
        400,
        "「运动基因检测」现场采集的预约信息不完整，请重新选择采集点、日期和时段",
      ])
      const guest = { headers: { "x-publishable-api-key": publishableKey } }
      const anonymous = await checkoutOnSite(guest, {
        site_id: "site-yueyang",
        date: day(15),
        slot: "09:00-10:00",
      })
      expect([anonymous.status, anonymous.data.message]).toEqual([
        400,
        "现场采集需登录会员后预约时段，请先登录，或选择寄送采样盒",
      ])
    })

    it("takes offline payment for a 岳阳 collection site even when the address is elsewhere", async () => {
      const member = await registerCustomer(api as never, publishableKey, "visitor@example.com")
      const atYueyang = await checkoutOnSite(
        member,
        { site_id: "site-yueyang", date: day(16), slot: "14:00-15:00" },
        BEIJING_ADDRESS
      )
      expect([atYueyang.status, atYueyang.data.type]).toEqual([200, "order"])
      // A site the CMS does not know is not in 岳阳: online payment only.
      const unknown = await checkoutOnSite(
        member,
        { site_id: "site-gone", date: day(16), slot: "15:00-16:00" },
        BEIJING_ADDRESS
      )
      expect([unknown.status, unknown.data.message]).toEqual([
        400,
        "线下支付仅限岳阳地区的订单，请选择微信支付",
      ])
    })

    it("never lets one member read or change another member's appointment", async () => {
      const a = await registerCustomer(api as never, publishableKey, "owner-a@example.com")
      const b = await registerCustomer(api as never, publishableKey, "other-b@example.com")
      const { data } = await api.post(
        "/store/appointments",
        { site_id: "site-yueyang", date: day(11), slot: "09:00-10:00", person_name: "甲" },
        a
      )
      const id = data.appointment.id as string
      const asB = { ...b, ...noThrow }
      const attempts = await Promise.all([
        api.get(`/store/appointments/${id}`, asB),
        api.post(`/store/appointments/${id}/cancel`, {}, asB),
        api.post(
          `/store/appointments/${id}/reschedule`,
          { date: day(12), slot: "10:00-11:00" },
          asB
        ),
      ])
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404)
        expect(JSON.stringify(attempt.data)).not.toContain("甲")
      }
      expect((await api.get("/store/appointments", b)).data.appointments).toEqual([])
      const cancelNothing = await api.post(
        "/store/clinic-sessions/session-tcm/signups/cancel",
        {},
        asB
      )
      expect(cancelNothing.status).toBe(404)
      const untouched = (await api.get(`/store/appointments/${id}`, a)).data.appointment
      expect(untouched).toMatchObject({ status: "pending", date: day(11), slot: "09:00-10:00" })
      // A member is not staff.
      const asAdmin = await api.get(`/admin/appointments`, { ...a, ...noThrow })
      expect(asAdmin.status).toBe(401)
    })
  },
})
