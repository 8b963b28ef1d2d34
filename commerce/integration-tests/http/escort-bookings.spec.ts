import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer } from "http"
import Redis from "ioredis"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import seed from "../../src/scripts/seed"
import { expireUnpaidEscortBookings } from "../../src/workflows/escort/expire-unpaid-escort-bookings"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Headers = { headers: Record<string, string> }

// 11010519491231002X: a valid mainland ID number (GB 11643 check digit X).
const ID_NUMBER = "11010519491231002X"

/** Beijing's day and a one-hour window starting at the whole hour `hours` from now. */
const beijingIn = (hours: number) => {
  const at = new Date(Date.now() + (hours + 8) * 3_600_000)
  const hour = at.getUTCHours()
  return {
    date: at.toISOString().slice(0, 10),
    time_window: {
      start: `${String(hour).padStart(2, "0")}:00`,
      end: hour === 23 ? "23:59" : `${String(hour + 1).padStart(2, "0")}:00`,
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
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let halfDayVariant: string
    let sandbox: Sandbox
    const callbacks: { body: string; headers: Record<string, string> }[] = []
    let closeRecorder: (() => Promise<void>) | undefined

    beforeAll(async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // WeChat's callbacks reach this test's app through a recorder, so they can be replayed.
      const recorder = createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)])
          )
          callbacks.push({ body, headers })
          const hook = body.includes('"event_type":"REFUND.')
            ? "/hooks/wechatpay/refund"
            : "/hooks/payment/wechatpay_wechatpay"
          // The sandbox retries callbacks on its own clock, and one may arrive as the app
          // stops at the end of the file: answer as an unreachable merchant would.
          const status = await fetch(`${api.defaults.baseURL}${hook}`, {
            method: "POST",
            headers: { ...headers, host: "" },
            body,
          }).then(
            (answer) => answer.status,
            () => 502
          )
          res.writeHead(status)
          res.end()
        })
      })
      await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve))
      const { port } = recorder.address() as { port: number }
      sandbox.setNotifyUrl(`http://127.0.0.1:${port}/`)
      closeRecorder = () =>
        new Promise<void>((resolve) => {
          recorder.close(() => resolve())
          recorder.closeAllConnections()
        })
    })

    afterAll(async () => {
      await sandbox?.close()
      await closeRecorder?.()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    // Seeded once, before the runner snapshots the database: every test starts from this
    // state restored (the seed and two sign-ups took seconds of every test).
    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      const key = apiKey.token
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, key, "alice@example.com")
      bob = await registerCustomer(api, key, "bob@example.com")
      const { data } = await api.get("/store/escort-services", store)
      halfDayVariant = data.services.find(
        (s: { title: string }) => s.title === "半日陪诊"
      ).variant_id
    })

    const booking = (overrides: Record<string, unknown> = {}) => ({
      variant_id: halfDayVariant,
      extras: [],
      hospital_id: "hosp-xiangya",
      hospital_name: "中南大学湘雅医院",
      department: "心血管内科",
      city: "长沙市",
      date: "2026-12-20",
      time_window: { start: "08:00", end: "12:00" },
      person: { name: "张桂兰", id_number: ID_NUMBER },
      meeting_point: "门诊楼一楼大厅",
      consents: ESCORT_CONSENTS,
      needs: ["轮椅", "方言：长沙话"],
      ...overrides,
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
        service: { name: "半日陪诊" },
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

      // The server prices the booking: a client's price is refused, not trusted.
      const clientPrice = await failure(
        api.post("/store/escort-bookings", booking({ price_fen: 1 }), alice)
      )
      expect(clientPrice.status).toBe(400)
      expect(clientPrice.data.message).toContain("价格由系统按服务与附加项计算")

      const unknownVariant = await failure(
        api.post("/store/escort-bookings", booking({ variant_id: "variant_nope" }), alice)
      )
      expect(unknownVariant.status).toBe(400)
      expect(unknownVariant.data.message).toContain("请选择有效的陪诊服务")

      const unknownExtra = await failure(
        api.post("/store/escort-bookings", booking({ extras: ["massage"] }), alice)
      )
      expect(unknownExtra.status).toBe(400)
      expect(unknownExtra.data.message).toContain("该服务不提供附加项「massage」")

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

      const sopStep = (body: Record<string, unknown>, as = escort) =>
        api.post(`/escort/tasks/${id}/sop-steps`, body, as)
      const tooEarly = await failure(sopStep({ step: "挂号" }))
      expect(tooEarly.status).toBe(409)
      expect(tooEarly.data.message).toBe(
        "订单当前为「已到达」，只有在「陪同就医」中才能记录就医步骤"
      )

      await api.post(`/escort/tasks/${id}/progress`, { status: "accompanying" }, escort)
      // No SOP for this department in the catalogue: the default five steps.
      const registered = await sopStep({ step: "挂号", note: "已取 12 号", location })
      expect(registered.status).toBe(201)
      expect(registered.data.event).toMatchObject({
        status: "sop_step",
        sop_step: "挂号",
        note: "已取 12 号",
        location,
        flagged: false,
      })
      const twice = await Promise.all([
        failure(sopStep({ step: "候诊" })),
        failure(sopStep({ step: "候诊" })),
      ])
      expect(twice.map((r) => r.status).sort()).toEqual([201, 409])
      expect(twice.find((r) => r.status === 409).data.message).toBe(
        "「候诊」已记录过，不能重复记录"
      )
      const unknown = await failure(sopStep({ step: "住院" }))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toBe("就医步骤只能是 挂号、候诊、就诊、检查、缴费取药")
      const blank = await failure(sopStep({}))
      expect(blank.status).toBe(400)
      expect(blank.data.message).toBe("请选择就医步骤")
      const stranger = await signInEscort("13600000009")
      const notTheirs = await failure(sopStep({ step: "就诊" }, stranger))
      expect(notTheirs.status).toBe(404)

      await api.post(`/escort/tasks/${id}/progress`, { status: "completed" }, escort)
      const afterwards = await failure(sopStep({ step: "就诊" }))
      expect(afterwards.status).toBe(409)
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
        ["sop_step", false],
        ["sop_step", false],
        ["completed", false],
        ["confirmed", false],
      ])
      expect(data.booking.events.map((e: { sop_step: string | null }) => e.sop_step)).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "挂号",
        "候诊",
        null,
        null,
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

    // ---- catalogue prices, payment, cancellation (issue #20 items 1–2) ----------------------

    const bookingOf = async (id: string) =>
      (await api.get(`/store/escort-bookings/${id}`, alice)).data.booking
    const untilStatus = (id: string, status: string) =>
      eventually(
        () => bookingOf(id),
        (b: { status: string }) => b.status === status,
        30_000
      )
    const statusesOf = (b: { events: { status: string }[] }) => b.events.map((e) => e.status)

    /** Staff credit a member's available balance (an adjustment entry), in fen. */
    const creditBalance = async (who: Headers, fen: number) => {
      const { data } = await api.get("/store/affiliate/me", who)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(
          `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
           values (?, ?, 'available', 'adjustment', ?, ?)`,
          [`afle_${randomUUID()}`, data.affiliate.id, fen, randomUUID()]
        )
    }
    /** The member's available balance in fen (the API answers yuan). */
    const available = async (who: Headers) =>
      Math.round(
        (await api.get("/store/affiliate/me", who)).data.affiliate.balances.available * 100
      )

    const wechat = { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" }

    /** The WeChat trade of the booking's cart (its live session). */
    const tradeOf = async (cartId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "cart",
          fields: [
            "payment_collection.payment_sessions.data",
            "payment_collection.payment_sessions.status",
          ],
          filters: { id: cartId },
        })
      const sessions = (data[0].payment_collection?.payment_sessions ?? []) as {
        status: string
        data: Record<string, unknown>
      }[]
      const session = sessions.find((s) => s?.status !== "canceled")
      if (!session) throw new Error(`cart ${cartId} has no live payment session`)
      return session.data.out_trade_no as string
    }

    /** Books and pays by WeChat Pay through the sandbox; answers the booking and its trade. */
    const paidByWechat = async (overrides: Record<string, unknown> = {}) => {
      const { data } = await api.post("/store/escort-bookings", booking(overrides), alice)
      const id = data.booking.id as string
      const paid = await api.post(
        `/store/escort-bookings/${id}/pay`,
        { payment_method: wechat },
        alice
      )
      const trade = await tradeOf(paid.data.cart_id)
      await sandbox.pay(trade)
      await untilStatus(id, "awaiting_escort")
      return { id, trade, cartId: paid.data.cart_id as string }
    }

    /** Books and pays with store credit alone. */
    const paidByCredit = async (overrides: Record<string, unknown> = {}) => {
      const { data } = await api.post("/store/escort-bookings", booking(overrides), alice)
      const id = data.booking.id as string
      await creditBalance(alice, data.booking.price_fen)
      const paid = await api.post(
        `/store/escort-bookings/${id}/pay`,
        { payment_method: wechat, store_credit_fen: data.booking.price_fen },
        alice
      )
      expect(paid.data.action).toEqual({ kind: "none" })
      await untilStatus(id, "awaiting_escort")
      return { id, price_fen: data.booking.price_fen as number }
    }

    it("lists the services with prices and prices a booking on the server (hours over and extras)", async () => {
      const { data } = await api.get("/store/escort-services", store)
      expect(data.services.map((s: { title: string }) => s.title).sort()).toEqual(
        ["代取报告/代问诊", "住院陪护", "全日陪诊", "半日陪诊"].sort()
      )
      const halfDay = data.services.find((s: { title: string }) => s.title === "半日陪诊")
      expect(halfDay).toMatchObject({
        variant_id: halfDayVariant,
        price_fen: 19900,
        duration_hours: 4,
        extras: expect.arrayContaining([
          { code: "wheelchair", label: "轮椅协助", price_fen: 3000 },
        ]),
      })
      expect(Object.keys(halfDay)).toEqual(
        expect.arrayContaining([
          "id",
          "variant_id",
          "title",
          "description",
          "price_fen",
          "duration_hours",
          "extras",
        ])
      )
      // The shop's gene-test catalogue does not list them (their own sales channel).
      const shop = await api.get("/store/products?fields=id,title", store)
      expect(shop.data.products.map((p: { title: string }) => p.title)).not.toContain("半日陪诊")

      // 08:00–13:30 is 1.5 h over 4 h: two started hours at ¥50, plus wheelchair ¥30 and dialect ¥20.
      const created = await api.post(
        "/store/escort-bookings",
        booking({
          time_window: { start: "08:00", end: "13:30" },
          extras: ["wheelchair", "dialect"],
        }),
        alice
      )
      expect(created.data.booking).toMatchObject({
        price_fen: 19900 + 2 * 5000 + 3000 + 2000,
        extras: ["wheelchair", "dialect"],
        service: { name: "半日陪诊" },
      })
    })

    it("pays by WeChat Pay: the verified notification moves the booking to 待接单 exactly once, replays change nothing", async () => {
      const { data } = await api.post("/store/escort-bookings", booking(), alice)
      const id = data.booking.id

      const theirs = await failure(
        api.post(`/store/escort-bookings/${id}/pay`, { payment_method: wechat }, bob)
      )
      expect(theirs.status).toBe(404)
      const badChannel = await failure(
        api.post(
          `/store/escort-bookings/${id}/pay`,
          { payment_method: { provider_id: wechat.provider_id, channel: "tv" } },
          alice
        )
      )
      expect(badChannel.status).toBe(400)
      expect(badChannel.data.message).toContain("payment_method.channel")
      const badCredit = await failure(
        api.post(
          `/store/escort-bookings/${id}/pay`,
          { payment_method: wechat, store_credit_fen: 1.5 },
          alice
        )
      )
      expect(badCredit.status).toBe(400)
      expect(badCredit.data.message).toContain("余额抵扣金额须为非负整数（分）")

      const paid = await api.post(
        `/store/escort-bookings/${id}/pay`,
        { payment_method: wechat },
        alice
      )
      expect(paid.data.action).toMatchObject({ kind: "qr_code", code_url: expect.any(String) })
      const cartId = paid.data.cart_id
      expect((await api.get(`/store/carts/${cartId}/payment-status`, alice)).data.status).toBe(
        "waiting"
      )

      const trade = await tradeOf(cartId)
      callbacks.length = 0
      await sandbox.pay(trade)
      const waiting = await untilStatus(id, "awaiting_escort")
      expect(waiting.order_id).toEqual(expect.any(String))
      const status = await api.get(`/store/carts/${cartId}/payment-status`, alice)
      expect(status.data).toMatchObject({ status: "paid", order: { id: waiting.order_id } })

      // WeChat retries its callback: each replay is answered and changes nothing.
      const paidCallback = await eventually(
        async () => callbacks.find((c) => c.body.includes("TRANSACTION.SUCCESS")),
        (found) => found !== undefined
      )
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${api.defaults.baseURL}/hooks/payment/wechatpay_wechatpay`, {
          method: "POST",
          headers: { ...paidCallback!.headers, host: "" },
          body: paidCallback!.body,
        })
        expect(answer.status).toBeLessThan(300)
      }
      const after = await bookingOf(id)
      expect(statusesOf(after).filter((s: string) => s === "awaiting_escort")).toHaveLength(1)
      expect(after.order_id).toBe(waiting.order_id)

      const again = await failure(
        api.post(`/store/escort-bookings/${id}/pay`, { payment_method: wechat }, alice)
      )
      expect(again.status).toBe(409)
      expect(again.data.message).toBe("订单当前为「待接单」，不需要支付")
    })

    it("pays with store credit alone: the order is placed at once and the balance spent", async () => {
      await creditBalance(alice, 50000)
      const { data } = await api.post("/store/escort-bookings", booking(), alice)
      const paid = await api.post(
        `/store/escort-bookings/${data.booking.id}/pay`,
        { payment_method: wechat, store_credit_fen: 19900 },
        alice
      )
      expect(paid.data).toMatchObject({ action: { kind: "none" }, amount_fen: 0 })
      const waiting = await untilStatus(data.booking.id, "awaiting_escort")
      expect(waiting.order_id).toEqual(expect.any(String))
      expect(await available(alice)).toBe(50000 - 19900)
    })

    it("cancels by time before the service: full refund from 24 h, a 20% fee within 24 h, none under 2 h", async () => {
      // ≥ 24 h: free; paid by store credit, the whole credit comes back.
      const early = await paidByCredit(beijingIn(72))
      expect(await available(alice)).toBe(0)
      const free = await api.post(`/store/escort-bookings/${early.id}/cancel`, {}, alice)
      expect(free.data).toMatchObject({
        refund_fen: 19900,
        booking: { status: "refunded", refund_fen: 19900, cancel_fee_fen: 0 },
      })
      await eventually(
        () => available(alice),
        (fen) => fen === 19900
      )

      // < 2 h: no refund; the booking is cancelled and the escort released.
      const late = await paidByCredit(beijingIn(1))
      const none = await api.post(`/store/escort-bookings/${late.id}/cancel`, {}, alice)
      expect(none.data).toMatchObject({ refund_fen: 0, booking: { status: "cancelled" } })

      const theirs = await failure(api.post(`/store/escort-bookings/${late.id}/cancel`, {}, bob))
      expect(theirs.status).toBe(404)
    })

    it("refunds 80% through WeChat Pay within 24 h, once for two cancels at once, releasing the escort", async () => {
      const escort = await signInEscort("13800000077")
      const { id, trade } = await paidByWechat(beijingIn(12))
      expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort)).status).toBe(200)

      const [one, two] = await Promise.all([
        api.post(`/store/escort-bookings/${id}/cancel`, {}, alice),
        api.post(`/store/escort-bookings/${id}/cancel`, {}, alice),
      ])
      expect([one.status, two.status]).toEqual([200, 200])
      expect(one.data.refund_fen).toBe(19900 - 3980)
      expect(two.data.refund_fen).toBe(19900 - 3980)
      expect(sandbox.refundsOf(trade).map((r) => r.amount.refund)).toEqual([15920])

      const read = await bookingOf(id)
      expect(read).toMatchObject({ status: "refunded", escort_id: null, cancel_fee_fen: 3980 })
      expect(statusesOf(read).slice(-2)).toEqual(["cancelled", "refunded"])
      expect((await api.get("/escort/tasks?status=mine", escort)).data.tasks).toEqual([])

      // A finished state cannot be cancelled again into another refund.
      const third = await api.post(`/store/escort-bookings/${id}/cancel`, {}, alice)
      expect(third.data.refund_fen).toBe(15920)
      expect(sandbox.refundsOf(trade)).toHaveLength(1)
    })

    it("a dispute refund goes back through WeChat Pay first and the rest to the store credit that paid it, once", async () => {
      const escort = await signInEscort("13800000088")
      const serve = async (id: string) => {
        expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort)).status).toBe(200)
        for (const status of ["departed", "arrived", "accompanying", "completed"]) {
          await api.post(`/escort/tasks/${id}/progress`, { status }, escort)
        }
      }
      const disputeOf = async (bookingId: string) => {
        await api.post(
          `/store/escort-bookings/${bookingId}/dispute`,
          { reason: "服务不到位" },
          alice
        )
        const { disputes } = (await api.get("/admin/escort-income/disputes?status=open", admin))
          .data
        return disputes.find((d: { booking_id: string }) => d.booking_id === bookingId).id
      }
      const resolve = (disputeId: string, refund_fen: number) =>
        failure(
          api.post(
            `/admin/escort-income/disputes/${disputeId}/resolve`,
            { outcome: "refund", refund_fen, note: "核实属实" },
            admin
          )
        )

      // ¥99.00 of the balance and ¥100.00 by WeChat Pay.
      const before = await available(alice)
      const { data } = await api.post(
        "/store/escort-bookings",
        booking({ date: "2026-12-22" }),
        alice
      )
      const mixed = data.booking.id as string
      await creditBalance(alice, 9900)
      const paid = await api.post(
        `/store/escort-bookings/${mixed}/pay`,
        { payment_method: wechat, store_credit_fen: 9900 },
        alice
      )
      expect(paid.data.amount_fen).toBe(10000)
      const trade = await tradeOf(paid.data.cart_id)
      await sandbox.pay(trade)
      await untilStatus(mixed, "awaiting_escort")
      expect(await available(alice)).toBe(before)
      await serve(mixed)
      const mixedDispute = await disputeOf(mixed)

      // ¥150.00 back: all ¥100.00 the provider took, then ¥50.00 to the balance; twice at once: once.
      const both = await Promise.all([resolve(mixedDispute, 15000), resolve(mixedDispute, 15000)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      expect(both.find((r) => r.status === 200).data.refund).toEqual({
        through: "provider_and_store_credit",
        fen: 15000,
        provider_fen: 10000,
        store_credit_fen: 5000,
      })
      expect(sandbox.refundsOf(trade).map((r) => r.amount.refund)).toEqual([10000])
      expect(await available(alice)).toBe(before + 5000)
      const events = (await bookingOf(mixed)).events
      expect(events.at(-1)).toMatchObject({
        status: "dispute_resolved",
        note: "申诉已处理：退款 ¥150.00（原路退回 ¥100.00，退回账户余额 ¥50.00）。说明：核实属实",
      })

      // Paid wholly with store credit: the refund is the credit back, nothing to a provider.
      const credit = await paidByCredit({ date: "2026-12-23" })
      const afterPaying = await available(alice)
      await serve(credit.id)
      const creditDispute = await disputeOf(credit.id)
      const tooMuch = await resolve(creditDispute, credit.price_fen + 1)
      expect(tooMuch.status).toBe(400)
      const whole = await resolve(creditDispute, credit.price_fen)
      expect(whole.status).toBe(200)
      expect(whole.data.refund).toEqual({
        through: "store_credit",
        fen: credit.price_fen,
        provider_fen: 0,
        store_credit_fen: credit.price_fen,
      })
      expect(await available(alice)).toBe(afterPaying + credit.price_fen)
      expect((await resolve(creditDispute, credit.price_fen)).status).toBe(409)
      expect(await available(alice)).toBe(afterPaying + credit.price_fen)
    })

    it("expires a booking unpaid for 30 minutes; a payment that still arrives is refunded in full", async () => {
      const { data } = await api.post("/store/escort-bookings", booking(), alice)
      const id = data.booking.id
      const paid = await api.post(
        `/store/escort-bookings/${id}/pay`,
        { payment_method: wechat },
        alice
      )
      const trade = await tradeOf(paid.data.cart_id)

      const soon = await expireUnpaidEscortBookings(
        getContainer(),
        new Date(Date.now() + 29 * 60_000)
      )
      expect(soon.expired).toEqual([])
      const later = await expireUnpaidEscortBookings(
        getContainer(),
        new Date(Date.now() + 31 * 60_000)
      )
      expect(later.expired).toEqual([id])
      expect((await bookingOf(id)).status).toBe("cancelled")

      await sandbox.pay(trade)
      const refunded = await untilStatus(id, "refunded")
      expect(refunded.refund_fen).toBe(19900)
      await eventually(
        async () => sandbox.refundsOf(trade).map((r) => r.amount.refund),
        (amounts) => amounts.length === 1 && amounts[0] === 19900
      )
    })
  },
})
