import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

const prefix = `test-${randomUUID()}`
process.env.QUEUE_PREFIX = prefix
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }

// 11010519491231002X: a valid mainland ID number (GB 11643 check digit X).
const ID_NUMBER = "11010519491231002X"

const booking = (overrides: Record<string, unknown> = {}) => ({
  service_id: "prod_half_day",
  service_name: "半日陪诊",
  hospital_id: "hosp-xiangya",
  hospital_name: "中南大学湘雅医院",
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: ID_NUMBER },
  meeting_point: "门诊楼一楼大厅",
  needs: ["轮椅", "方言：长沙话"],
  price_fen: 19900,
  ...overrides,
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    beforeEach(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, key, "alice@example.com")
      bob = await registerCustomer(api, key, "bob@example.com")
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)

    /** Operations add an escort; the escort signs in with an SMS code. */
    const signInEscort = async (phone: string, city = "长沙市"): Promise<Headers> => {
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
      return { headers: { authorization: `Bearer ${data.token}` } }
    }

    const paidBooking = async (overrides: Record<string, unknown> = {}) => {
      const { data } = await api.post("/store/escort-bookings", booking(overrides), alice)
      await api.post(`/admin/escort-bookings/${data.booking.id}/mark-paid`, {}, admin)
      return data.booking.id as string
    }

    it("books with the ID number masked, and refuses bad input in Chinese", async () => {
      const created = await api.post("/store/escort-bookings", booking(), alice)
      expect(created.status).toBe(201)
      expect(created.data.booking).toMatchObject({
        status: "pending_payment",
        status_label: "待支付",
        person: { name: "张桂兰", id_number: "1101**********002X" },
        price_fen: 19900,
        time_window: { start: "08:00", end: "12:00" },
      })
      expect(JSON.stringify(created.data)).not.toContain(ID_NUMBER)

      // At rest the ID number is sealed: the row holds no plain digits.
      const rows = await getContainer()
        .resolve("__pg_connection__")
        .raw(`select * from escort_booking where id = ?`, [created.data.booking.id])
      expect(JSON.stringify(rows.rows[0])).not.toContain("19491231")

      const badChecksum = await failure(
        api.post(
          "/store/escort-bookings",
          booking({ person: { name: "张桂兰", id_number: "110105194912310021" } }),
          alice
        )
      )
      expect(badChecksum.status).toBe(400)
      expect(badChecksum.data.message).toContain("请填写正确的 18 位身份证号")

      const backwards = await failure(
        api.post(
          "/store/escort-bookings",
          booking({ time_window: { start: "12:00", end: "08:00" } }),
          alice
        )
      )
      expect(backwards.status).toBe(400)
      expect(backwards.data.message).toContain("结束时间应晚于开始时间")

      const noHospital = await failure(
        api.post("/store/escort-bookings", booking({ hospital_name: "" }), alice)
      )
      expect(noHospital.status).toBe(400)
      expect(noHospital.data.message).toContain("请选择医院")

      const floatPrice = await failure(
        api.post("/store/escort-bookings", booking({ price_fen: 199.5 }), alice)
      )
      expect(floatPrice.status).toBe(400)
      expect(floatPrice.data.message).toContain("价格应为正整数（分）")

      const anonymous = await failure(api.post("/store/escort-bookings", booking(), store))
      expect(anonymous.status).toBe(401)
    })

    it("shows a member only their own bookings: another member gets 404", async () => {
      const { data } = await api.post("/store/escort-bookings", booking(), alice)
      const id = data.booking.id
      const theirs = await failure(api.get(`/store/escort-bookings/${id}`, bob))
      expect(theirs.status).toBe(404)
      const confirmOther = await failure(api.post(`/store/escort-bookings/${id}/confirm`, {}, bob))
      expect(confirmOther.status).toBe(404)
      expect((await api.get("/store/escort-bookings", bob)).data.bookings).toEqual([])
      const own = await api.get("/store/escort-bookings", alice)
      expect(own.data.bookings.map((b: { id: string }) => b.id)).toEqual([id])
    })

    it("lets exactly one of 20 escorts accepting at once take a task", async () => {
      const id = await paidBooking()
      const escorts: Headers[] = []
      for (let i = 0; i < 20; i++)
        escorts.push(await signInEscort(`1390000${String(i).padStart(4, "0")}`))

      const open = await api.get("/escort/tasks?status=open", escorts[0])
      const task = open.data.tasks.find((t: { id: string }) => t.id === id)
      // Open tasks show the surname only and no ID number.
      expect(task.person).toEqual({ name: "张**" })

      const answers = await Promise.all(
        escorts.map((headers) =>
          api.post(`/escort/tasks/${id}/accept`, {}, headers).catch((e: any) => e.response)
        )
      )
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(19)
      const refused = answers.find((a) => a.status === 409)
      expect(refused.data.message).toBe("该订单已被其他陪诊员接单")

      const winner = escorts[answers.findIndex((a) => a.status === 200)]
      const mine = await api.get("/escort/tasks?status=mine", winner)
      expect(mine.data.tasks).toHaveLength(1)
      expect(mine.data.tasks[0].person).toEqual({ name: "张桂兰", id_number: "1101**********002X" })

      const loser = escorts[answers.findIndex((a) => a.status === 409)]
      expect((await api.get("/escort/tasks?status=mine", loser)).data.tasks).toEqual([])
      const notTheirs = await failure(
        api.post(`/escort/tasks/${id}/progress`, { status: "departed" }, loser)
      )
      expect(notTheirs.status).toBe(404)
    })

    it("refuses a second task in an overlapping window for the same escort", async () => {
      const escort = await signInEscort("13700000001")
      const first = await paidBooking()
      const overlapping = await paidBooking({ time_window: { start: "10:00", end: "14:00" } })
      const later = await paidBooking({ time_window: { start: "13:00", end: "17:00" } })
      expect((await api.post(`/escort/tasks/${first}/accept`, {}, escort)).status).toBe(200)
      const refused = await failure(api.post(`/escort/tasks/${overlapping}/accept`, {}, escort))
      expect(refused.status).toBe(409)
      expect(refused.data.message).toBe("您在该时段已有陪诊任务，不能重复接单")
      expect((await api.post(`/escort/tasks/${later}/accept`, {}, escort)).status).toBe(200)
    })

    it("moves through every step in order, refusing skips and going back, and the member sees the timeline", async () => {
      const escort = await signInEscort("13600000001")
      const id = await paidBooking()
      const unpaidEscortView = await failure(
        api.post(`/escort/tasks/${id}/progress`, { status: "departed" }, escort)
      )
      expect(unpaidEscortView.status).toBe(404)
      await api.post(`/escort/tasks/${id}/accept`, {}, escort)

      const skip = await failure(
        api.post(`/escort/tasks/${id}/progress`, { status: "arrived" }, escort)
      )
      expect(skip.status).toBe(409)
      expect(skip.data.message).toBe("请先完成「已出发」，不能跳过步骤直接到「已到达」")

      const early = await failure(api.post(`/store/escort-bookings/${id}/confirm`, {}, alice))
      expect(early.status).toBe(409)
      expect(early.data.message).toBe("订单当前为「已接单」，服务完成后才能确认")

      const location = { lat: 28.2137, lng: 112.9855 }
      await api.post(`/escort/tasks/${id}/progress`, { status: "departed", location }, escort)
      await api.post(
        `/escort/tasks/${id}/progress`,
        { status: "arrived", note: "已到门诊楼" },
        escort
      )

      const back = await failure(
        api.post(`/escort/tasks/${id}/progress`, { status: "departed" }, escort)
      )
      expect(back.status).toBe(409)
      expect(back.data.message).toBe("订单已是「已到达」，不能回到「已出发」")

      const report = await api.post(
        `/escort/tasks/${id}/reports`,
        { type: "patient_unwell", text: "患者候诊时头晕，已通知护士", location },
        escort
      )
      expect(report.status).toBe(201)
      expect(report.data.report).toMatchObject({ flagged: true, report_type: "patient_unwell" })

      await api.post(`/escort/tasks/${id}/progress`, { status: "accompanying" }, escort)
      await api.post(`/escort/tasks/${id}/progress`, { status: "completed" }, escort)
      const again = await failure(
        api.post(`/escort/tasks/${id}/progress`, { status: "completed" }, escort)
      )
      expect(again.status).toBe(409)

      const confirmed = await api.post(`/store/escort-bookings/${id}/confirm`, {}, alice)
      expect(confirmed.data.booking.status).toBe("confirmed")

      const { data } = await api.get(`/store/escort-bookings/${id}`, alice)
      expect(data.booking.person.id_number).toBe("1101**********002X")
      expect(
        data.booking.events.map((e: { status: string; flagged: boolean }) => [e.status, e.flagged])
      ).toEqual([
        ["pending_payment", false],
        ["awaiting_escort", false],
        ["accepted", false],
        ["departed", false],
        ["arrived", false],
        ["arrived", true],
        ["accompanying", false],
        ["completed", false],
        ["confirmed", false],
      ])
      expect(data.booking.events[3].location).toEqual(location)
      const times = data.booking.events.map((e: { at: string }) => Date.parse(e.at))
      expect([...times].sort((a, b) => a - b)).toEqual(times)
      expect(data.booking.events.map((e: { status_label: string }) => e.status_label)).toContain(
        "陪同就医"
      )

      const done = await api.get("/escort/tasks?status=done", escort)
      expect(done.data.tasks.map((t: { id: string }) => t.id)).toEqual([id])
    })

    it("signs in only escorts operations added, refuses shoppers' tokens on escort routes, audits admin reads", async () => {
      await redis.del(`${prefix}:otp:cooldown:+8613500000009`)
      await api.post("/store/auth/sms-codes", { phone: "13500000009", purpose: "login" }, store)
      const code = LogSmsSender.latestTo("+8613500000009")?.params.code as string
      const stranger = await failure(api.post("/auth/escort/phone", { phone: "13500000009", code }))
      expect(stranger.status).toBe(401)
      expect(stranger.data.message).toBe("该手机号不是在岗的陪诊员，请联系运营")

      const shopper = await failure(api.get("/escort/tasks?status=open", alice))
      expect(shopper.status).toBe(401)

      const escort = await signInEscort("13500000001")
      const badStatus = await failure(api.get("/escort/tasks?status=all", escort))
      expect(badStatus.status).toBe(400)
      expect(badStatus.data.message).toContain("status 只能是 open、mine 或 done")

      const id = await paidBooking()
      const twice = await failure(api.post(`/admin/escort-bookings/${id}/mark-paid`, {}, admin))
      expect(twice.status).toBe(409)

      const read = await api.get(`/admin/escort-bookings/${id}`, admin)
      expect(read.data.booking.person.id_number).toBe("1101**********002X")
      const pg = getContainer().resolve("__pg_connection__")
      const rows = await eventually(
        () => pg.raw(`select action, path from audit_entry where action = 'escort_booking.read'`),
        (r: { rows: unknown[] }) => r.rows.length > 0
      )
      expect(rows.rows).toEqual([
        { action: "escort_booking.read", path: `/admin/escort-bookings/${id}` },
      ])
    })
  },
})
