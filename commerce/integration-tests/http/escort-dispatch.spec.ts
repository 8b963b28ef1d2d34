import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { bookingChanges } from "../../src/lib/escort-live/booking-change-channel"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../src/modules/escort-dispatch"
import type EscortDispatchModuleService from "../../src/modules/escort-dispatch/service"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
// The dispatch sweep (expiry, offering paid tasks) runs twice a second instead of every 30 s.
process.env.ESCORT_DISPATCH_SWEEP_MS = "500"
const ON_DUTY = "+8613900009999"
process.env.ESCORT_ONDUTY_PHONES = ON_DUTY

type Headers = { headers: Record<string, string> }

// Service dates are fixed days well ahead, so "today" (Beijing or UTC) never matters:
// 2027-01-04 is a Monday, 2027-01-09 a Saturday.
const MONDAY = "2027-01-04"
const TUESDAY = "2027-01-05"
const SATURDAY = "2027-01-09"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let phoneSeq = 0

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    beforeEach(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const escortModule = () => getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
    const dispatchModule = () =>
      getContainer().resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)

    /** Operations add an escort; the escort signs in with an SMS code. */
    const signInEscort = async (city: string) => {
      const phone = `1380000${String(++phoneSeq).padStart(4, "0")}`
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city },
        admin
      )
      expect(created.status).toBe(201)
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return {
        id: created.data.escort.id as string,
        name: created.data.escort.name as string,
        auth: { headers: { authorization: `Bearer ${data.token}` } } as Headers,
      }
    }

    /** A booking waiting for payment (待支付), of `customerId`. */
    const unpaidBooking = async (
      city: string,
      date = MONDAY,
      start = "09:00",
      end = "11:00",
      customerId = "cus_dispatch"
    ) =>
      escortModule().createBooking(
        {
          customer_id: customerId,
          service_id: "prod_half_day",
          service_name: "半日陪诊",
          variant_id: "variant_half_day",
          extras: [],
          hospital_id: "hosp-xiangya",
          hospital_name: "中南大学湘雅医院",
          department_name: "心血管内科",
          city,
          service_date: date,
          start_time: start,
          end_time: end,
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          needs: [],
          price_fen: 19900,
        },
        { actor_type: "customer", actor_id: customerId }
      )

    /** A paid booking (待接单); payment itself is the escort-bookings spec's business. */
    const paidBooking = async (
      city: string,
      date = MONDAY,
      start = "09:00",
      end = "11:00"
    ): Promise<string> => {
      const booking = await unpaidBooking(city, date, start, end)
      await escortModule().markPaid(booking.id, { actor_type: "staff", actor_id: "user_test" })
      return booking.id
    }

    const offeredTo = async (escort: Headers) =>
      (await api.get("/escort/tasks?status=offered", escort)).data.tasks as any[]

    it("auto-dispatch offers the best escort, moves on when they decline or let it expire, and only the offered escort can accept", async () => {
      const city = "株洲市"
      // Four escorts of the city; the fourth is off that Monday and is never offered it.
      const a = await signInEscort(city)
      const b = await signInEscort(city)
      const c = await signInEscort(city)
      const off = await signInEscort(city)
      await api.put(
        "/escort/schedule",
        { weekdays: [1, 2, 3, 4, 5], start_time: "08:00", end_time: "18:00", days_off: [MONDAY] },
        off.auth
      )
      // Experience with this hospital (a service done while the city was still in grab mode)
      // ranks c first, then a and b (a tie broken by id).
      const done = await paidBooking(city, "2026-12-01", "09:00", "11:00")
      await escortModule().updateEscortBookings({
        id: done,
        status: "confirmed",
        escort_id: c.id,
      })

      const badMode = await failure(
        api.post("/admin/escort-dispatch/settings", { city, mode: "fast" }, admin)
      )
      expect(badMode.status).toBe(400)
      expect(badMode.data.message).toContain("派单模式只能是 grab（抢单）或 auto（自动派单）")
      const badMinutes = await failure(
        api.post(
          "/admin/escort-dispatch/settings",
          { city, mode: "auto", accept_minutes: 0.5 },
          admin
        )
      )
      expect(badMinutes.status).toBe(400)
      expect(badMinutes.data.message).toContain("接单时限应为 1–240 之间的整数（分钟）")
      const set = await api.post(
        "/admin/escort-dispatch/settings",
        { city, mode: "auto", accept_minutes: 5 },
        admin
      )
      expect(set.data.setting).toEqual({ city, mode: "auto", accept_minutes: 5 })
      const listed = await api.get("/admin/escort-dispatch/settings", admin)
      expect(listed.data.settings).toContainEqual({ city, mode: "auto", accept_minutes: 5 })

      const before = Date.now()
      const id = await paidBooking(city)
      const [offerC] = await eventually(
        () => offeredTo(c.auth),
        (tasks) => tasks.some((t) => t.id === id)
      )
      expect(offerC.person).toEqual({ name: "张**" })
      const deadline = Date.parse(offerC.offer.expires_at)
      expect(deadline).toBeGreaterThanOrEqual(before + 5 * 60_000 - 1000)
      expect(deadline).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000)
      expect(await offeredTo(a.auth)).toEqual([])

      // In an auto city nothing is open to grab, and a task not offered to you cannot be taken.
      expect((await api.get("/escort/tasks?status=open", a.auth)).data.tasks).toEqual([])
      const grab = await failure(api.post(`/escort/tasks/${id}/accept`, {}, a.auth))
      expect(grab.status).toBe(409)
      expect(grab.data.message).toBe("该任务由平台派单，未派给您，不能接单")
      const notMine = await failure(api.post(`/escort/tasks/${id}/decline`, {}, a.auth))
      expect(notMine.status).toBe(404)

      // c declines: the next best (a) is offered it at once.
      expect((await api.post(`/escort/tasks/${id}/decline`, {}, c.auth)).status).toBe(200)
      expect(await offeredTo(c.auth)).toEqual([])
      expect((await offeredTo(a.auth)).map((t) => t.id)).toEqual([id])
      const afterDecline = await failure(api.post(`/escort/tasks/${id}/accept`, {}, c.auth))
      expect(afterDecline.status).toBe(409)
      expect(afterDecline.data.message).toBe("您已拒绝该派单，不能再接单")

      // a lets the deadline pass: the sweep expires the offer and offers it to b.
      const [live] = await dispatchModule().listDispatchOffers({
        booking_id: id,
        status: "offered",
      })
      expect(live.escort_id).toBe(a.id)
      await dispatchModule().updateDispatchOffers({
        id: live.id,
        expires_at: new Date(Date.now() - 1000),
      })
      await eventually(
        () => offeredTo(b.auth),
        (tasks) => tasks.some((t) => t.id === id)
      )
      const late = await failure(api.post(`/escort/tasks/${id}/accept`, {}, a.auth))
      expect(late.status).toBe(409)
      expect(late.data.message).toBe("派单已超时或已改派，不能再接单")

      const accepted = await api.post(`/escort/tasks/${id}/accept`, {}, b.auth)
      expect(accepted.status).toBe(200)
      expect(accepted.data.task.status).toBe("accepted")
      expect(await offeredTo(b.auth)).toEqual([])
      const offers = await dispatchModule().listDispatchOffers(
        { booking_id: id },
        { order: { round: "ASC" } }
      )
      expect(offers.map((o) => [o.escort_id, o.status, o.round])).toEqual([
        [c.id, "declined", 1],
        [a.id, "expired", 2],
        [b.id, "accepted", 3],
      ])
      expect(offers.some((o) => o.escort_id === off.id)).toBe(false)
    })

    it("keeps escorts to their schedule and never double-books one, even under parallel requests", async () => {
      const city = "湘潭市"
      const escort = await signInEscort(city)
      const backwards = await failure(
        api.put(
          "/escort/schedule",
          { weekdays: [1], start_time: "18:00", end_time: "08:00" },
          escort.auth
        )
      )
      expect(backwards.status).toBe(400)
      expect(backwards.data.message).toContain("排班结束时间应晚于开始时间")
      const badDay = await failure(
        api.put(
          "/escort/schedule",
          { weekdays: [0, 8], start_time: "08:00", end_time: "18:00" },
          escort.auth
        )
      )
      expect(badDay.status).toBe(400)
      expect(badDay.data.message).toContain("可接单星期应为 1（周一）到 7（周日）的数组")

      expect((await api.get("/escort/schedule", escort.auth)).data.schedule).toBeNull()
      const saved = await api.put(
        "/escort/schedule",
        {
          weekdays: [5, 1, 2, 3, 4],
          start_time: "08:00",
          end_time: "17:00",
          days_off: [TUESDAY],
        },
        escort.auth
      )
      expect(saved.data.schedule).toEqual({
        escort_id: escort.id,
        weekdays: [1, 2, 3, 4, 5],
        start_time: "08:00",
        end_time: "17:00",
        days_off: [TUESDAY],
      })
      expect((await api.get(`/admin/escort-dispatch/schedules/${escort.id}`, admin)).data).toEqual(
        saved.data
      )

      const refusals = [
        [await paidBooking(city, SATURDAY), "陪诊员周六不在排班内，不能接该任务"],
        [await paidBooking(city, TUESDAY), `陪诊员 ${TUESDAY} 休息，不能接该任务`],
        [
          await paidBooking(city, MONDAY, "16:00", "18:00"),
          "任务时段 16:00–18:00 超出陪诊员排班时间 08:00–17:00",
        ],
      ]
      for (const [id, message] of refusals) {
        const refused = await failure(api.post(`/escort/tasks/${id}/accept`, {}, escort.auth))
        expect(refused.status).toBe(409)
        expect(refused.data.message).toBe(message)
        const assigned = await failure(
          api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: escort.id }, admin)
        )
        expect(assigned.status).toBe(409)
        expect(assigned.data.message).toBe(message)
      }

      // Three overlapping tasks, taken at once by the escort's two phones and by staff: one wins.
      const first = await paidBooking(city, MONDAY, "09:00", "11:00")
      const second = await paidBooking(city, MONDAY, "10:00", "12:00")
      const third = await paidBooking(city, MONDAY, "10:30", "11:30")
      const answers = await Promise.all([
        failure(api.post(`/escort/tasks/${first}/accept`, {}, escort.auth)),
        failure(api.post(`/escort/tasks/${second}/accept`, {}, escort.auth)),
        failure(
          api.post(`/admin/escort-bookings/${third}/assign`, { escort_id: escort.id }, admin)
        ),
      ])
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409])
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(refused.data.message).toBe("您在该时段已有陪诊任务，不能重复接单")
      }
      const mine = (await api.get("/escort/tasks?status=mine", escort.auth)).data.tasks
      expect(mine).toHaveLength(1)
      // A refused assignment leaves no trace on the booking or its timeline.
      const losers = [first, second, third].filter((id) => id !== mine[0].id)
      for (const id of losers) {
        const row = await escortModule().ownedBooking(id)
        expect([row.status, row.escort_id]).toEqual(["awaiting_escort", null])
        const events = await escortModule().bookingEvents(id)
        expect(events.map((e) => e.status)).toEqual(["pending_payment", "awaiting_escort"])
      }
    })

    it("lets staff assign and reassign a booking, on its timeline and in the audit log", async () => {
      const city = "衡阳市"
      const first = await signInEscort(city)
      const second = await signInEscort(city)
      const elsewhere = await signInEscort("长沙市")
      const id = await paidBooking(city)

      const badBody = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: 42 }, admin)
      )
      expect(badBody.status).toBe(400)
      expect(badBody.data.message).toContain("请选择陪诊员")
      const unknown = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: "esc_NOPE" }, admin)
      )
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("未找到该陪诊员")
      const otherCity = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: elsewhere.id }, admin)
      )
      expect(otherCity.status).toBe(409)
      expect(otherCity.data.message).toBe("陪诊员所在城市（长沙市）与订单城市（衡阳市）不同")

      const assigned = await api.post(
        `/admin/escort-bookings/${id}/assign`,
        { escort_id: first.id },
        admin
      )
      expect(assigned.data.booking).toMatchObject({ id, status: "accepted", escort_id: first.id })
      expect((await api.get("/escort/tasks?status=mine", first.auth)).data.tasks).toHaveLength(1)
      const again = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: first.id }, admin)
      )
      expect(again.status).toBe(409)
      expect(again.data.message).toBe("该订单已由这位陪诊员负责")

      const reassigned = await api.post(
        `/admin/escort-bookings/${id}/assign`,
        { escort_id: second.id },
        admin
      )
      expect(reassigned.data.booking).toMatchObject({ status: "accepted", escort_id: second.id })
      expect((await api.get("/escort/tasks?status=mine", first.auth)).data.tasks).toEqual([])
      expect((await api.get("/escort/tasks?status=mine", second.auth)).data.tasks).toHaveLength(1)

      const staffNotes = (await escortModule().bookingEvents(id))
        .filter((e) => e.actor_type === "staff" && e.status === "accepted")
        .map((e) => e.note)
      expect(staffNotes).toEqual([`运营指派：${first.name}`, `运营改派：${second.name}`])

      // Under way, a booking is no longer reassigned.
      await api.post(`/escort/tasks/${id}/progress`, { status: "departed" }, second.auth)
      const underWay = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: first.id }, admin)
      )
      expect(underWay.status).toBe(409)
      expect(underWay.data.message).toBe("订单当前为「已出发」，只有待接单或已接单的订单可以指派")

      const pg = getContainer().resolve("__pg_connection__")
      const rows = await eventually(
        () =>
          pg.raw(`select action, details from audit_entry where action = 'escort_booking.assign'`),
        (r: { rows: unknown[] }) => r.rows.length >= 2
      )
      expect(rows.rows.map((r: any) => r.details.escort_id).sort()).toEqual(
        [first.id, second.id].sort()
      )
    })
    it("counts an SOP step (挂号, 候诊, …) as progress: no 没有进度更新 alert while steps keep coming", async () => {
      const city = "常德市"
      const escort = await signInEscort(city)
      const id = await paidBooking(city, "2026-12-01", "09:00", "11:00")
      expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort.auth)).status).toBe(200)
      for (const status of ["departed", "arrived", "accompanying"]) {
        await api.post(`/escort/tasks/${id}/progress`, { status }, escort.auth)
      }
      await api.post(`/escort/tasks/${id}/sop-steps`, { step: "挂号" }, escort.auth)
      const pg = getContainer().resolve("__pg_connection__")
      const backdate = (which: "=" | "<>") =>
        pg.raw(
          `update escort_booking_event set created_at = now() - interval '3 hours'
            where booking_id = ? and status ${which} 'sop_step'`,
          [id]
        )
      const noProgress = async () =>
        ((await api.get("/admin/escort-dispatch/alerts", admin)).data.alerts as any[]).filter(
          (alert) => alert.booking_id === id && alert.kind === "no_progress"
        )
      // 陪同就医 began three hours ago, but the 挂号 step was just now.
      await backdate("<>")
      // Proving an absence: let three sweeps (every 500 ms) run.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await noProgress()).toEqual([])
      // Three hours without a step either: now it is an anomaly.
      await backdate("=")
      const [alert] = await eventually(noProgress, (rows) => rows.length === 1)
      expect(alert.message).toBe("服务中超过 120 分钟没有进度更新")
    })
    it("raises each anomaly once on the dispatch board, texts the on-duty staff once, and lets staff resolve it", async () => {
      const city = "邵阳市"
      const escort = await signInEscort(city)
      // A service that began (Beijing) on 2026-12-01 at 09:00 whose escort never set out.
      const id = await paidBooking(city, "2026-12-01", "09:00", "11:00")
      expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort.auth)).status).toBe(200)
      await api.post(
        `/escort/tasks/${id}/reports`,
        { type: "患者不适", text: "老人在候诊时头晕，已通知家属" },
        escort.auth
      )
      const board = async () =>
        ((await api.get("/admin/escort-dispatch/alerts", admin)).data.alerts as any[]).filter(
          (alert) => alert.booking_id === id
        )
      const alerts = await eventually(
        board,
        (rows) => rows.length === 3 && rows.every((r) => r.sms_sent_at)
      )
      expect(alerts.map((a) => [a.kind, a.kind_label]).sort()).toEqual([
        ["not_arrived", "未按时到达"],
        ["not_departed", "未按时出发"],
        ["report", "陪诊员报备"],
      ])
      expect(alerts.find((a) => a.kind === "not_arrived").message).toBe(
        "服务已于 2026-12-01 09:00 开始，陪诊员仍未到达"
      )

      // Later sweeps raise and text nothing more for the same booking.
      const texts = () =>
        LogSmsSender.outbox.filter(
          (sms) => sms.phone === ON_DUTY && sms.params.booking === id.slice(-8)
        )
      expect(texts()).toHaveLength(3)
      expect(texts()[0]).toMatchObject({ template: "escort-alert", params: { city } })
      const alertRows = async () =>
        (
          await getContainer()
            .resolve("__pg_connection__")
            .raw(`select count(*)::int as n from escort_dispatch_alert where booking_id = ?`, [id])
        ).rows[0].n
      // Proving an absence: let three more sweeps (every 500 ms) run, then count again.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await alertRows()).toBe(3)
      expect(texts()).toHaveLength(3)

      const report = alerts.find((a) => a.kind === "report")
      // The 报备 is an incident: it opened a case by itself, once; the lateness alerts did not.
      const cases = await eventually(
        async () =>
          (await api.get(`/admin/escort-cases?booking_id=${id}`, admin)).data.cases as any[],
        (rows) => rows.length > 0
      )
      expect(cases.map((c) => [c.source, c.source_id])).toEqual([["report", report.id]])
      const noNote = await failure(
        api.post(`/admin/escort-dispatch/alerts/${report.id}/resolve`, { note: " " }, admin)
      )
      expect(noNote.status).toBe(400)
      expect(noNote.data.message).toContain("请填写处理说明（不超过 500 字）")
      const resolved = await api.post(
        `/admin/escort-dispatch/alerts/${report.id}/resolve`,
        { note: "已电话联系家属，陪诊员陪同老人急诊" },
        admin
      )
      expect(resolved.data.alert).toMatchObject({
        resolution_note: "已电话联系家属，陪诊员陪同老人急诊",
      })
      expect(resolved.data.alert.resolved_at).not.toBeNull()
      const twice = await failure(
        api.post(`/admin/escort-dispatch/alerts/${report.id}/resolve`, { note: "再次" }, admin)
      )
      expect(twice.status).toBe(409)
      expect(twice.data.message).toBe("该告警已处理")
      expect((await board()).map((a) => a.kind).sort()).toEqual(["not_arrived", "not_departed"])
      const all = (await api.get("/admin/escort-dispatch/alerts?status=resolved", admin)).data
        .alerts
      expect(all.map((a: any) => a.id)).toContain(report.id)
      const badStatus = await failure(api.get("/admin/escort-dispatch/alerts?status=late", admin))
      expect(badStatus.status).toBe(400)
      expect(badStatus.data.message).toContain("status 只能是 open、resolved 或 all")
    })

    it("texts an anomaly once to whoever the admin's roster has on duty now, else the env list", async () => {
      const city = "衡阳市"
      const ON_SHIFT = "+8613700001111"
      const OFF_SHIFT = "+8613700002222"
      // Beijing's weekday now (1 = Monday): the on-duty line covers every day all day
      // (00:00 to 00:00 runs past midnight), the other only a day that is not today.
      const today = ((new Date(Date.now() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1
      const otherDay = (today % 7) + 1
      const roster = {
        shifts: [
          {
            phone: "137 0000 1111",
            name: "值班张",
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            start_time: "00:00",
            end_time: "00:00",
          },
          {
            phone: OFF_SHIFT,
            name: "值班李",
            weekdays: [otherDay],
            start_time: "00:00",
            end_time: "00:00",
          },
        ],
      }
      const badPhone = await failure(
        api.put(
          "/admin/escort-dispatch/roster",
          { shifts: [{ ...roster.shifts[0], phone: "12345" }] },
          admin
        )
      )
      expect(badPhone.status).toBe(400)
      expect(badPhone.data.message).toContain("值班手机号应为 11 位中国大陆手机号")
      const noDays = await failure(
        api.put(
          "/admin/escort-dispatch/roster",
          { shifts: [{ ...roster.shifts[0], weekdays: [] }] },
          admin
        )
      )
      expect(noDays.status).toBe(400)
      expect(noDays.data.message).toContain("至少选一天")
      // 陪诊调度 (escort area) edits it; finance has no business here.
      const finance = await adminHeaders(getContainer(), api, "fin-roster@health.local", [
        "finance",
      ])
      expect(
        (await failure(api.put("/admin/escort-dispatch/roster", roster, finance))).status
      ).toBe(403)
      const dispatcher = await adminHeaders(getContainer(), api, "dispatch@health.local", [
        "escort_dispatch",
      ])
      const saved = await api.put("/admin/escort-dispatch/roster", roster, dispatcher)
      expect(saved.data.shifts.map((s: any) => [s.phone, s.name])).toEqual(
        expect.arrayContaining([
          [ON_SHIFT, "值班张"],
          [OFF_SHIFT, "值班李"],
        ])
      )
      expect(saved.data.on_duty_now).toEqual({ phones: [ON_SHIFT], source: "roster" })
      expect((await api.get("/admin/escort-dispatch/roster", admin)).data.shifts).toHaveLength(2)

      const textsAbout = (bookingId: string) =>
        LogSmsSender.outbox.filter(
          (sms) => sms.template === "escort-alert" && sms.params.booking === bookingId.slice(-8)
        )
      const escort = await signInEscort(city)
      const late = await paidBooking(city, "2026-12-01", "09:00", "11:00")
      await api.post(`/escort/tasks/${late}/accept`, {}, escort.auth)
      await eventually(
        async () => textsAbout(late),
        (texts) => texts.length === 2
      )
      // Both anomalies (not departed, not arrived) to the one on duty, nobody else.
      expect(textsAbout(late).map((sms) => sms.phone)).toEqual([ON_SHIFT, ON_SHIFT])

      // An empty roster: the env list takes the alerts again.
      const cleared = await api.put("/admin/escort-dispatch/roster", { shifts: [] }, admin)
      expect(cleared.data.on_duty_now).toEqual({ phones: [ON_DUTY], source: "fallback" })
      const later = await paidBooking(city, "2026-12-02", "09:00", "11:00")
      await api.post(`/escort/tasks/${later}/accept`, {}, escort.auth)
      await eventually(
        async () => textsAbout(later),
        (texts) => texts.length === 2
      )
      expect(textsAbout(later).map((sms) => sms.phone)).toEqual([ON_DUTY, ON_DUTY])
      expect(textsAbout(late)).toHaveLength(2)
    })

    it("lists the dispatch board by status and city, with late and unaccepted tasks marked and no patient data", async () => {
      const city = "娄底市"
      const escort = await signInEscort(city)
      const unaccepted = await paidBooking(city, MONDAY, "14:00", "16:00")
      // Paid 40 minutes ago and still nobody took it (the limit is 30).
      await getContainer()
        .resolve("__pg_connection__")
        .raw(
          `update escort_booking_event set created_at = now() - interval '40 minutes'
           where booking_id = ? and status = 'awaiting_escort'`,
          [unaccepted]
        )
      const overdue = await paidBooking(city, "2026-12-01", "09:00", "11:00")
      expect((await api.post(`/escort/tasks/${overdue}/accept`, {}, escort.auth)).status).toBe(200)
      const onTime = await paidBooking(city, MONDAY, "09:00", "11:00")
      expect((await api.post(`/escort/tasks/${onTime}/accept`, {}, escort.auth)).status).toBe(200)
      await paidBooking("益阳市")

      const board = (
        await api.get(`/admin/escort-bookings?city=${encodeURIComponent(city)}`, admin)
      ).data
      expect(board.bookings.map((b: any) => b.id)).toEqual([overdue, onTime, unaccepted])
      const row = (id: string) => board.bookings.find((b: any) => b.id === id)
      expect(row(overdue).late.map((l: any) => l.kind)).toEqual(["not_departed", "not_arrived"])
      expect(row(unaccepted).late).toEqual([
        { kind: "not_accepted", message: "已付款超过 30 分钟仍无人接单" },
      ])
      expect(row(onTime).late).toEqual([])
      expect(row(onTime)).toMatchObject({
        status: "accepted",
        status_label: "已接单",
        escort: { id: escort.id, name: escort.name },
        hospital: { name: "中南大学湘雅医院" },
        time_window: { start: "09:00", end: "11:00" },
        price_fen: 19900,
      })
      expect(row(unaccepted).escort).toBeNull()
      // The board carries no served person: their name and ID stay in the audited detail.
      expect(JSON.stringify(board)).not.toContain("张桂兰")
      expect(JSON.stringify(board)).not.toContain("1101")
      expect(board.counts).toEqual({ awaiting_escort: 1, accepted: 2 })

      const late = (
        await api.get(`/admin/escort-bookings?city=${encodeURIComponent(city)}&late=1`, admin)
      ).data.bookings
      expect(late.map((b: any) => b.id)).toEqual([overdue, unaccepted])
      const accepted = (
        await api.get(
          `/admin/escort-bookings?city=${encodeURIComponent(city)}&status=accepted`,
          admin
        )
      ).data.bookings
      expect(accepted.map((b: any) => b.id)).toEqual([overdue, onTime])
      const everywhere = (await api.get("/admin/escort-bookings", admin)).data.bookings
      expect(everywhere.some((b: any) => b.city === "益阳市")).toBe(true)

      const badStatus = await failure(api.get("/admin/escort-bookings?status=lost", admin))
      expect(badStatus.status).toBe(400)
      expect(badStatus.data.message).toContain("status 只能是 active、all 或")
      const badLate = await failure(api.get("/admin/escort-bookings?late=yes", admin))
      expect(badLate.status).toBe(400)
      expect(badLate.data.message).toContain("late 只能是 0 或 1")
    })

    it("reassigns in one step: a refused reassignment leaves the first escort on the task, and of two at once exactly one wins", async () => {
      const city = "永州市"
      const first = await signInEscort(city)
      const second = await signInEscort(city)
      const third = await signInEscort(city)
      const id = await paidBooking(city, MONDAY, "09:00", "11:00")
      await api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: first.id }, admin)

      // The second escort is busy then: the reassignment is refused and nothing moved.
      const busy = await paidBooking(city, MONDAY, "10:00", "12:00")
      expect((await api.post(`/escort/tasks/${busy}/accept`, {}, second.auth)).status).toBe(200)
      const refused = await failure(
        api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: second.id }, admin)
      )
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe("您在该时段已有陪诊任务，不能重复接单")
      const kept = await escortModule().ownedBooking(id)
      expect([kept.status, kept.escort_id]).toEqual(["accepted", first.id])
      const timeline = async () =>
        (await escortModule().bookingEvents(id)).map((e) => [e.status, e.actor_type, e.note])
      expect(await timeline()).toEqual([
        ["pending_payment", "customer", null],
        ["awaiting_escort", "staff", "运营已登记收款"],
        ["accepted", "escort", null],
        ["accepted", "staff", `运营指派：${first.name}`],
      ])

      // Two dispatchers reassign it to the third escort at once, while an escort of the city
      // keeps trying to grab it: it moves once, and is never open to grab on the way.
      const grabber = await signInEscort(city)
      const [answers, grabs] = await Promise.all([
        Promise.all(
          [1, 2].map(() =>
            failure(api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: third.id }, admin))
          )
        ),
        Promise.all(
          [1, 2, 3, 4, 5].map(() =>
            failure(api.post(`/escort/tasks/${id}/accept`, {}, grabber.auth))
          )
        ),
      ])
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
      expect(grabs.map((g) => g.status)).toEqual([409, 409, 409, 409, 409])
      const moved = await escortModule().ownedBooking(id)
      expect([moved.status, moved.escort_id]).toEqual(["accepted", third.id])
      const notes = (await timeline()).filter(([, actor]) => actor === "staff").map(([, , n]) => n)
      expect(notes).toEqual([
        "运营已登记收款",
        `运营指派：${first.name}`,
        `运营改派：${third.name}`,
      ])
      expect((await api.get("/escort/tasks?status=mine", first.auth)).data.tasks).toEqual([])
      expect(
        (await api.get("/escort/tasks?status=mine", third.auth)).data.tasks.map((t: any) => t.id)
      ).toEqual([id])

      // Reassigning to two different escorts at once: exactly one gets it, never both or none.
      const fourth = await signInEscort(city)
      const races = await Promise.all(
        [first, fourth].map((to) =>
          failure(api.post(`/admin/escort-bookings/${id}/assign`, { escort_id: to.id }, admin))
        )
      )
      expect(races.map((r) => r.status).sort()).toEqual([200, 409])
      const winner = races[0].status === 200 ? first : fourth
      const settled = await escortModule().ownedBooking(id)
      expect([settled.status, settled.escort_id]).toEqual(["accepted", winner.id])
      const holders = []
      for (const who of [first, second, third, fourth, grabber]) {
        const mine = (await api.get("/escort/tasks?status=mine", who.auth)).data.tasks
        if (mine.some((t: any) => t.id === id)) holders.push(who.id)
      }
      expect(holders).toEqual([winner.id])
    })

    it("pushes staff-recorded payment, 报备 and the member's confirmation to open timelines at once", async () => {
      const city = "怀化市"
      const escort = await signInEscort(city)
      const member = await registerCustomer(
        api as never,
        store.headers["x-publishable-api-key"],
        `live-${randomUUID()}@example.com`
      )
      const me = (await api.get("/store/customers/me", member)).data.customer.id as string
      const booking = await unpaidBooking(city, MONDAY, "09:00", "11:00", me)
      let pokes = 0
      const stop = await bookingChanges().subscribe(booking.id, () => pokes++)
      try {
        // Far sooner than the stream's 15 s heartbeat re-read.
        const poked = (after: number) =>
          eventually(
            async () => pokes,
            (n) => n > after,
            5_000
          )
        const paid = await api.post(`/admin/escort-bookings/${booking.id}/mark-paid`, {}, admin)
        expect(paid.data.booking.status).toBe("awaiting_escort")
        await poked(0)

        expect((await api.post(`/escort/tasks/${booking.id}/accept`, {}, escort.auth)).status).toBe(
          200
        )
        let before = pokes
        const report = await api.post(
          `/escort/tasks/${booking.id}/reports`,
          { type: "路况延误", text: "道路拥堵，预计晚到 10 分钟" },
          escort.auth
        )
        expect(report.status).toBe(201)
        expect(report.data.report).toMatchObject({ flagged: true, report_type: "路况延误" })
        await poked(before)
        // The board hears of the 报备 from the sweep it starts.
        await eventually(
          async () =>
            ((await api.get("/admin/escort-dispatch/alerts", admin)).data.alerts as any[]).filter(
              (a) => a.booking_id === booking.id && a.kind === "report"
            ),
          (alerts) => alerts.length === 1
        )

        for (const status of ["departed", "arrived", "accompanying", "completed"]) {
          await api.post(`/escort/tasks/${booking.id}/progress`, { status }, escort.auth)
        }
        before = pokes
        const confirmed = await api.post(`/store/escort-bookings/${booking.id}/confirm`, {}, member)
        expect(confirmed.data.booking.status).toBe("confirmed")
        await poked(before)
      } finally {
        await stop()
      }
    })
  },
})
