import Taro from "@tarojs/taro"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import EscortIncomePage from "../src/packages/escort-app/income/index"
import EscortLogin from "../src/packages/escort-app/login/index"
import EscortSchedulePage from "../src/packages/escort-app/schedule/index"
import EscortTaskPage from "../src/packages/escort-app/task/index"
import EscortTasks from "../src/packages/escort-app/tasks/index"
import { escortSession } from "../src/packages/escort-app/escort-session"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

// The device APIs this package uses, played per test (the shared stand-in has no camera or GPS).
const device = Taro as unknown as Record<string, unknown>
const uploads: { url: string; filePath: string; header: Record<string, string> }[] = []

beforeEach(() => {
  stand.reset()
  uploads.length = 0
  escortSession.setToken("esc_tok")
  device.getLocation = jest.fn(async () => ({ latitude: 28.2, longitude: 112.9 }))
  device.chooseImage = jest.fn(async () => ({ tempFilePaths: ["wxfile://photo-1.jpg"] }))
  device.uploadFile = jest.fn(
    async (option: { url: string; filePath: string; header: Record<string, string> }) => {
      uploads.push(option)
      return { statusCode: 201, data: JSON.stringify({ upload: { id: "up_1" } }) }
    }
  )
})

const task = (extra: Record<string, unknown> = {}) => ({
  id: "escbk_1",
  status: "awaiting_escort",
  status_label: "待接单",
  service: { id: "prod_1", name: "半日陪诊" },
  hospital: { id: "h1", name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张**" },
  meeting_point: "门诊楼一楼大厅",
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })

describe("陪诊员登录", () => {
  it("texts a code and signs in as an escort, keeping the token apart from the member's", async () => {
    escortSession.signOut()
    const sent: unknown[] = []
    fakeBackend({
      "POST /store/auth/sms-codes": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { sent: true } }
      },
      "POST /auth/escort/phone": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { body: { token: "esc_new" } }
      },
    })
    render(<EscortLogin />)
    type("escort-login-phone", "13800138000")
    fireEvent.click(screen.getByTestId("escort-login-send"))
    await waitFor(() =>
      expect(screen.getByTestId("escort-login-send").textContent).toBe("60 秒后重发")
    )
    type("escort-login-code", "123456")
    fireEvent.click(screen.getByTestId("escort-login-submit"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(sent).toEqual([
      { phone: "13800138000", purpose: "login" },
      { phone: "13800138000", code: "123456" },
    ])
    expect(escortSession.token()).toBe("esc_new")
    expect(session.token()).toBeUndefined()
    expect(stand.navigations[0]).toEqual({
      kind: "redirectTo",
      url: "/packages/escort-app/tasks/index",
    })
  })

  it("shows commerce's refusal of a number that is not an escort's", async () => {
    fakeBackend({ "POST /auth/escort/phone": refuse(401, "该手机号不是在岗的陪诊员，请联系运营") })
    render(<EscortLogin />)
    type("escort-login-phone", "13800138000")
    type("escort-login-code", "123456")
    fireEvent.click(screen.getByTestId("escort-login-submit"))
    expect((await screen.findByTestId("escort-login-error")).textContent).toBe(
      "该手机号不是在岗的陪诊员，请联系运营"
    )
  })
})

describe("陪诊员 task center", () => {
  it("sends a visitor without an escort token to 陪诊员登录", async () => {
    escortSession.signOut()
    session.setToken("member_tok")
    render(<EscortTasks />)
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(stand.navigations[0].url).toMatch(/^\/packages\/escort-app\/login\/index\?next=/)
  })

  it("has empty states, grabs with the escort's token, and says a taken task is taken", async () => {
    let open = [task(), task({ id: "escbk_2" })]
    const bearers: string[] = []
    fakeBackend({
      "GET /escort/tasks": ({ url, headers }: { url: URL; headers: Record<string, string> }) => {
        bearers.push(headers.authorization)
        const which = url.searchParams.get("status")
        return { body: { tasks: which === "open" ? open : [] } }
      },
      "POST /escort/tasks/escbk_1/accept": () => {
        open = open.filter((t) => t.id !== "escbk_1")
        return { body: { task: task({ status: "accepted" }) } }
      },
      "POST /escort/tasks/escbk_2/accept": () => {
        open = []
        return { status: 409, body: { message: "该订单已被其他陪诊员接单" } }
      },
    })
    render(<EscortTasks />)
    const rows = await screen.findAllByTestId("escort-task")
    expect(rows).toHaveLength(2)
    fireEvent.click(within(rows[0]).getByTestId("escort-accept"))
    await waitFor(() => expect(stand.toasts).toContain("接单成功"))
    await waitFor(() => expect(screen.getAllByTestId("escort-task")).toHaveLength(1))
    fireEvent.click(screen.getByTestId("escort-accept"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe("已被其他陪诊员接单")
    expect(await screen.findByTestId("escort-tasks-empty-open")).toBeTruthy()
    fireEvent.click(screen.getByTestId("escort-tab-done"))
    expect(await screen.findByTestId("escort-tasks-empty-done")).toBeTruthy()
    expect(new Set(bearers)).toEqual(new Set(["Bearer esc_tok"]))
  })
})

describe("陪诊员 task detail", () => {
  const mine = (extra: Record<string, unknown> = {}) =>
    task({
      status: "accepted",
      status_label: "已接单",
      person: { name: "张桂兰", id_number: "1101**********002X" },
      hospital: {
        id: "h1",
        name: "中南大学湘雅医院",
        address: "湘雅路 87 号",
        latitude: 28.21,
        longitude: 112.98,
      },
      ...extra,
    })

  it("navigates with the native map, moves on with a photo and the place, and shows the refusal of a wrong step", async () => {
    const progress: unknown[] = []
    let refuseNext = false
    fakeBackend({
      "GET /escort/tasks/escbk_1": { task: mine() },
      "POST /escort/tasks/escbk_1/progress": ({ body }: { body: unknown }) => {
        progress.push(body)
        return refuseNext
          ? { status: 409, body: { message: "请先完成「已到达」，不能跳过步骤直接到「陪同就医」" } }
          : { body: { task: mine({ status: "departed", status_label: "已出发" }) } }
      },
    })
    const opened: unknown[] = []
    device.openLocation = jest.fn(async (option: unknown) => opened.push(option))
    stand.params = { id: "escbk_1" }
    render(<EscortTaskPage />)
    expect((await screen.findByTestId("escort-task-person")).textContent).toBe(
      "就诊人：张桂兰 1101**********002X"
    )
    fireEvent.click(screen.getByTestId("escort-navigate"))
    expect(opened).toEqual([
      { latitude: 28.21, longitude: 112.98, name: "中南大学湘雅医院", address: "湘雅路 87 号" },
    ])
    expect((screen.getByTestId("escort-step-arrived") as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByTestId("escort-step-photo"))
    await waitFor(() =>
      expect(screen.getByTestId("escort-step-photo").textContent).toBe("已选照片")
    )
    fireEvent.click(screen.getByRole("switch"))
    fireEvent.click(screen.getByTestId("escort-step-departed"))
    expect((await screen.findByTestId("escort-task-notice")).textContent).toBe("已更新：我已出发")
    expect(uploads[0].url).toMatch(/\/escort\/tasks\/escbk_1\/messages\/images$/)
    expect(uploads[0].header.authorization).toBe("Bearer esc_tok")
    expect(progress[0]).toEqual({
      status: "departed",
      location: { lat: 28.2, lng: 112.9 },
      photo_upload_id: "up_1",
    })
    expect(screen.getByTestId("escort-task-status").textContent).toBe("半日陪诊 · 已出发")
    expect((screen.getByTestId("escort-step-arrived") as HTMLButtonElement).disabled).toBe(false)
    expect(screen.getByTestId("escort-prompts").textContent).toContain("医院地址")

    refuseNext = true
    device.getLocation = jest.fn(async () => {
      throw { errMsg: "getLocation:fail auth deny" }
    })
    fireEvent.click(screen.getByTestId("escort-step-arrived"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe(
      "请先完成「已到达」，不能跳过步骤直接到「陪同就医」"
    )
  })

  it("records SOP steps during 陪同就医 once each with the note and photo, and shows the refusal", async () => {
    const recorded: unknown[] = []
    const done = (step: string, at: string) => ({
      id: `escev_${step}`,
      status: "sop_step",
      sop_step: step,
      status_label: null,
      at,
      actor_type: "escort",
      note: null,
      location: null,
      report_type: null,
      flagged: false,
    })
    fakeBackend({
      "GET /escort/tasks/escbk_1": {
        task: mine({
          status: "accompanying",
          status_label: "陪同就医",
          sop: [],
          events: [done("挂号", "2026-12-20T00:30:00.000Z")],
        }),
      },
      "POST /escort/tasks/escbk_1/sop-steps": ({ body }: { body: { step: string } }) => {
        recorded.push(body)
        return body.step === "候诊"
          ? { status: 201, body: { event: done("候诊", "2026-12-20T01:00:00.000Z") } }
          : { status: 409, body: { message: "「就诊」已记录过，不能重复记录" } }
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortTaskPage />)
    const panel = await screen.findByTestId("escort-sop-step-panel")
    const buttons = () =>
      within(panel)
        .getAllByTestId("escort-sop-step")
        .map((b) => [b.textContent, (b as HTMLButtonElement).disabled])
    expect(buttons()).toEqual([
      ["✓ 挂号", true],
      ["候诊", false],
      ["就诊", false],
      ["检查", false],
      ["缴费取药", false],
    ])
    expect(panel.textContent).toContain("2026-12-20 08:30")
    type("escort-step-note", "叫到 12 号")
    fireEvent.click(screen.getByTestId("escort-step-photo"))
    await waitFor(() =>
      expect(screen.getByTestId("escort-step-photo").textContent).toBe("已选照片")
    )
    fireEvent.click(within(panel).getByText("候诊"))
    expect((await screen.findByTestId("escort-task-notice")).textContent).toBe("已记录：候诊")
    expect(recorded[0]).toEqual({ step: "候诊", note: "叫到 12 号", photo_upload_ids: ["up_1"] })
    expect(buttons()[1]).toEqual(["✓ 候诊", true])
    fireEvent.click(within(panel).getByText("就诊"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe(
      "「就诊」已记录过，不能重复记录"
    )
  })

  it("draws the hospital's Markdown guide without its raw marks", async () => {
    const guide = "## 就医指南\n\n- **门诊时间**：周一至周日 08:00-12:00\n- **停车**：院内车位紧张"
    fakeBackend({
      "GET /escort/tasks/escbk_1": {
        task: mine({ hospital: { id: "h1", name: "中南大学湘雅医院", guide } }),
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortTaskPage />)
    const shown = await screen.findByTestId("escort-hospital-guide")
    expect(within(shown).getByText("就医指南").tagName).toBe("H2")
    expect(Array.from(shown.querySelectorAll("li")).map((li) => li.textContent)).toEqual([
      "门诊时间：周一至周日 08:00-12:00",
      "停车：院内车位紧张",
    ])
    expect(within(shown).getByText("停车").tagName).toBe("STRONG")
    expect(shown.textContent).not.toMatch(/[#*]/)
  })

  it("shows the generic SOP at the hospital and sends a confirmed 报备 with the place", async () => {
    const reports: unknown[] = []
    fakeBackend({
      "GET /escort/tasks/escbk_1": {
        task: mine({ status: "arrived", status_label: "已到达", sop: [] }),
      },
      "POST /escort/tasks/escbk_1/reports": ({ body }: { body: unknown }) => {
        reports.push(body)
        return { status: 201, body: { report: { id: "escev_1" } } }
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortTaskPage />)
    const prompts = await screen.findByTestId("escort-prompts")
    expect(prompts.textContent).toContain("陪诊通用流程")
    expect(prompts.textContent).toContain("缴费取药")
    fireEvent.click(screen.getByTestId("escort-report-send"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe("请填写报备内容")
    type("escort-report-text", "候诊时头晕，已通知护士")
    fireEvent.click(screen.getByTestId("escort-report-send"))
    expect((await screen.findByTestId("escort-task-notice")).textContent).toBe(
      "已报备，运营已收到提醒"
    )
    expect(reports).toEqual([
      {
        type: "patient_unwell",
        text: "候诊时头晕，已通知护士",
        location: { lat: 28.2, lng: 112.9 },
      },
    ])
    expect(calls()).toContain("POST /escort/tasks/escbk_1/reports")
  })
})

describe("陪诊员 schedule", () => {
  it("starts from office hours when none is set, checks the hours and saves sorted days off", async () => {
    const saved: unknown[] = []
    fakeBackend({
      "GET /escort/schedule": { schedule: null },
      "PUT /escort/schedule": ({ body }: { body: unknown }) => {
        saved.push(body)
        return { body: { schedule: body } }
      },
    })
    render(<EscortSchedulePage />)
    expect((await screen.findByTestId("escort-schedule-summary")).textContent).toBe(
      "当前：未设置排班：任何时间都可接单"
    )
    type("escort-end", "07:00")
    fireEvent.click(screen.getByTestId("escort-schedule-save"))
    expect((await screen.findByTestId("escort-schedule-error")).textContent).toBe(
      "结束时间应晚于开始时间"
    )
    type("escort-end", "12:00")
    fireEvent.click(screen.getByTestId("escort-weekday-6"))
    type("escort-day-off", "2026-12-25")
    fireEvent.click(screen.getByTestId("escort-day-off-add"))
    type("escort-day-off", "2026-12-20")
    fireEvent.click(screen.getByTestId("escort-day-off-add"))
    fireEvent.click(screen.getByTestId("escort-schedule-save"))
    await waitFor(() => expect(stand.toasts).toContain("排班已保存"))
    expect(saved).toEqual([
      {
        weekdays: [1, 2, 3, 4, 5, 6],
        start_time: "08:00",
        end_time: "12:00",
        days_off: ["2026-12-20", "2026-12-25"],
      },
    ])
    expect(screen.getByTestId("escort-schedule-summary").textContent).toBe(
      "当前：周一、周二、周三、周四、周五、周六 08:00–12:00"
    )
  })
})

type WxGlobal = typeof globalThis & { wx?: unknown }

const incomeBody = (wechat_bound: boolean) => ({
  income: {
    balance_fen: 0,
    pending_fen: 0,
    frozen_fen: 0,
    withdrawn_fen: 0,
    level: "trainee",
    level_label: "见习",
    share_percent: 60,
    completed_count: 1,
    rating_average: null,
    next_level: null,
    rules: [],
    wechat_bound,
  },
  earnings: [],
})

describe("陪诊员 income: WeChat payout", () => {
  afterEach(() => {
    process.env.TARO_ENV = "h5"
    delete (globalThis as WxGlobal).wx
  })

  it("binds the escort's WeChat with wx.login's code when unbound, only inside the mini-program", async () => {
    let bound = false
    const binds: unknown[] = []
    fakeBackend({
      "GET /escort/income": () => ({ body: incomeBody(bound) }),
      "GET /escort/withdrawals": { withdrawals: [] },
      "POST /escort/wechat/bind": ({ body }: { body: unknown }) => {
        binds.push(body)
        bound = true
        return { body: { wechat: { bound: true, bound_at: "2026-12-07T01:00:00.000Z" } } }
      },
    })
    render(<EscortIncomePage />)
    // In the H5 build there is no wx.login: the page says where to bind.
    fireEvent.click(await screen.findByTestId("escort-wechat-bind"))
    expect((await screen.findByTestId("escort-wechat-error")).textContent).toBe(
      "请在微信小程序的陪诊员模式中绑定微信"
    )
    expect(binds).toEqual([])

    process.env.TARO_ENV = "weapp"
    fireEvent.click(screen.getByTestId("escort-wechat-bind"))
    await screen.findByTestId("escort-wechat-bound")
    expect(binds).toEqual([{ code: "wx-code-tester.1" }])
    expect(stand.toasts).toContain("已绑定微信")
    expect(screen.queryByTestId("escort-wechat-bind")).toBeNull()
  })

  it("shows commerce's refusal when that WeChat is another escort's", async () => {
    process.env.TARO_ENV = "weapp"
    fakeBackend({
      "GET /escort/income": { ...incomeBody(false) },
      "GET /escort/withdrawals": { withdrawals: [] },
      "POST /escort/wechat/bind": refuse(409, "该微信已绑定其他陪诊员账号，请用本人微信绑定"),
    })
    render(<EscortIncomePage />)
    fireEvent.click(await screen.findByTestId("escort-wechat-bind"))
    expect((await screen.findByTestId("escort-wechat-error")).textContent).toBe(
      "该微信已绑定其他陪诊员账号，请用本人微信绑定"
    )
  })

  it("opens 确认收款 for a WeChat transfer waiting for the escort, then shows it paid", async () => {
    process.env.TARO_ENV = "weapp"
    let confirmed = false
    const opened: unknown[] = []
    ;(globalThis as WxGlobal).wx = {
      canIUse: (name: string) => name === "requestMerchantTransfer",
      requestMerchantTransfer(option: Record<string, unknown>) {
        const {
          success,
          fail: _fail,
          ...params
        } = option as Record<string, unknown> & {
          success: (r: object) => void
        }
        opened.push(params)
        confirmed = true
        success({ errMsg: "requestMerchantTransfer:ok" })
      },
    }
    const withdrawal = {
      id: "escwd_1",
      amount_fen: 11_940,
      method: "wechat",
      created_at: "2026-12-07T01:00:00.000Z",
    }
    fakeBackend({
      "GET /escort/income": { ...incomeBody(true) },
      "GET /escort/withdrawals": () => ({
        body: {
          withdrawals: [
            confirmed
              ? { ...withdrawal, status: "paid", status_label: "已打款", transfer: null }
              : {
                  ...withdrawal,
                  status: "paying",
                  status_label: "微信转账中，待确认收款",
                  transfer: { mch_id: "1900000109", app_id: "wx888", package: "sandbox_pkg_1" },
                },
          ],
        },
      }),
    })
    render(<EscortIncomePage />)
    expect((await screen.findByTestId("escort-withdrawal")).textContent).toContain(
      "¥119.40 · 微信转账中，待确认收款"
    )
    expect(screen.getByTestId("escort-wechat-bound").textContent).toBe(
      "已绑定微信，提现可转账到微信零钱"
    )
    fireEvent.click(screen.getByTestId("escort-withdrawal-confirm"))
    await waitFor(() =>
      expect(screen.getByTestId("escort-withdrawal").textContent).toContain("已打款")
    )
    expect(opened).toEqual([{ mchId: "1900000109", appId: "wx888", package: "sandbox_pkg_1" }])
    expect(screen.getByTestId("escort-withdrawal-notice").textContent).toBe(
      "已确认收款，正在等待到账…"
    )
    expect(screen.queryByTestId("escort-withdrawal-confirm")).toBeNull()
  })
})

describe("陪诊员 income", () => {
  it("shows balances and level rules, and withdraws in integer fen", async () => {
    let balance = 13_930
    const withdrawals: unknown[] = []
    fakeBackend({
      "GET /escort/income": () => ({
        body: {
          income: {
            balance_fen: balance,
            pending_fen: 12_000,
            frozen_fen: 0,
            withdrawn_fen: 0,
            level: "trainee",
            level_label: "见习",
            share_percent: 60,
            completed_count: 2,
            rating_average: null,
            next_level: { level_label: "银牌", needs: "再完成 8 单" },
            rules: [{ level_label: "见习", share_percent: 60, condition: "新入驻" }],
          },
          earnings: [
            {
              booking_id: "escbk_1",
              service_name: "半日陪诊",
              service_date: "2026-12-20",
              price_fen: 19_900,
              share_percent: 70,
              amount_fen: 13_930,
              status: "available",
              available_at: null,
            },
          ],
        },
      }),
      "POST /escort/withdrawals": ({ body }: { body: { amount_fen: number } }) => {
        withdrawals.push(body)
        balance -= body.amount_fen
        return { status: 201, body: { withdrawal: { id: "ewd_1", ...body, status: "requested" } } }
      },
      "GET /escort/withdrawals": { withdrawals: [] },
    })
    render(<EscortIncomePage />)
    expect((await screen.findByTestId("escort-balance")).textContent).toBe("可提现 ¥139.30")
    expect(screen.getByTestId("escort-next-level").textContent).toBe("升级到银牌：再完成 8 单")
    expect(screen.getByTestId("escort-earning").textContent).toContain("¥139.30")
    type("escort-withdraw-amount", "200")
    fireEvent.click(screen.getByTestId("escort-withdraw-submit"))
    expect((await screen.findByTestId("escort-withdraw-error")).textContent).toBe(
      "可提现余额为 ¥139.30"
    )
    type("escort-withdraw-amount", "39.3")
    fireEvent.click(screen.getByTestId("escort-withdraw-submit"))
    await waitFor(() => expect(stand.toasts).toContain("已申请提现 ¥39.30"))
    expect(withdrawals).toEqual([{ amount_fen: 3_930 }])
    await waitFor(() =>
      expect(screen.getByTestId("escort-balance").textContent).toBe("可提现 ¥100.00")
    )
  })
})
