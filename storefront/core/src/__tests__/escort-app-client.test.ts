import { createEscortAppClient } from "../escort/escort-app-client"
import type { EscortTaskDetail } from "../escort/escort-app-types"
import {
  escortScheduleProblem,
  escortScheduleSummary,
  normalizeEscortSchedule,
} from "../escort/escort-schedule-form"
import {
  escortSopStepButtons,
  escortStepButtons,
  escortStepPrompts,
  GENERIC_ESCORT_SOP,
  hasDepartmentSop,
  nextEscortStep,
} from "../escort/escort-task-steps"
import { escortReportTypeLabel } from "../escort/escort-report-types"
import { escortAcceptRefusal } from "../escort/escort-accept-refusal"
import { hospitalCoordinates, tencentMapLink } from "../escort/hospital-navigation"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createEscortAppClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body))

const task = (extra: Partial<EscortTaskDetail> = {}): EscortTaskDetail => ({
  id: "escbk_1",
  status: "accepted",
  status_label: "已接单",
  service: { id: "prod_1", name: "半日陪诊" },
  hospital: { id: "h1", name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: "1101**********002X" },
  meeting_point: "门诊楼一楼大厅",
  needs: ["轮椅"],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

describe("escort app client", () => {
  it("asks for a sign-in code as members do and signs in as an escort without a bearer", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { sent: true, expires_in: 300 } },
      { body: { token: "esc_tok" } }
    )
    const escortApp = client(fetch)
    expect(await escortApp.requestEscortSignInCode("13800138000")).toEqual({
      sent: true,
      expires_in: 300,
    })
    expect(await escortApp.signInEscort("13800138000", "123456")).toBe("esc_tok")
    expect(calls.map((call) => [call.init?.method, call.url])).toEqual([
      ["POST", "http://shop/store/auth/sms-codes"],
      ["POST", "http://shop/auth/escort/phone"],
    ])
    expect(bodyOf(calls[0].init)).toEqual({ phone: "13800138000", purpose: "login" })
    expect(bodyOf(calls[1].init)).toEqual({ phone: "13800138000", code: "123456" })
    expect(headersOf(calls[1].init).authorization).toBeUndefined()
    expect(headersOf(calls[1].init)["x-publishable-api-key"]).toBe("pk")
  })

  it("refuses a number that is not an active escort's with commerce's message", async () => {
    const { fetch } = recordingFetch({
      status: 401,
      body: { type: "unauthorized", message: "该手机号不是在岗的陪诊员，请联系运营" },
    })
    await expect(client(fetch).signInEscort("13800138000", "123456")).rejects.toEqual(
      new ApiError(401, "该手机号不是在岗的陪诊员，请联系运营", "unauthorized")
    )
  })

  it("lists tasks by tab and reads one with the escort's token, never cached", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { tasks: [task({ status: "awaiting_escort" })] } },
      { body: { task: task({ sop: [{ step: "挂号", title: "挂号", tips: "先取号" }] }) } }
    )
    const escortApp = client(fetch)
    expect((await escortApp.listEscortTasks("tok", "open")).map((t) => t.id)).toEqual(["escbk_1"])
    expect((await escortApp.getEscortTask("tok", "escbk/1")).sop?.[0].title).toBe("挂号")
    expect(calls.map((call) => call.url)).toEqual([
      "http://shop/escort/tasks?status=open",
      "http://shop/escort/tasks/escbk%2F1",
    ])
    for (const call of calls) {
      expect(headersOf(call.init).authorization).toBe("Bearer tok")
      expect(call.init?.cacheHint).toBe("no-store")
    }
  })

  it("accepts, and a task another escort took first is a 409 with its Chinese message", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { task: task() } },
      { status: 409, body: { type: "conflict", message: "该任务已被其他陪诊员接单" } },
      { body: { id: "escbk_2", declined: true } }
    )
    const escortApp = client(fetch)
    expect((await escortApp.acceptEscortTask("tok", "escbk_1")).status).toBe("accepted")
    await expect(escortApp.acceptEscortTask("tok", "escbk_2")).rejects.toMatchObject({
      status: 409,
      message: "该任务已被其他陪诊员接单",
    })
    await escortApp.declineEscortTask("tok", "escbk_2")
    expect(calls.map((call) => `${call.init?.method} ${call.url}`)).toEqual([
      "POST http://shop/escort/tasks/escbk_1/accept",
      "POST http://shop/escort/tasks/escbk_2/accept",
      "POST http://shop/escort/tasks/escbk_2/decline",
    ])
  })

  it("moves a task on with only the parts given, and sends a 报备 with its photos and place", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { task: task({ status: "departed" }) } },
      { status: 201, body: { report: { id: "escev_1", flagged: true } } }
    )
    const escortApp = client(fetch)
    await escortApp.progressEscortTask("tok", "escbk_1", {
      status: "departed",
      note: "",
      location: null,
    })
    await escortApp.reportToPlatform("tok", "escbk_1", {
      type: "patient_unwell",
      text: "候诊时头晕",
      location: { lat: 28.2, lng: 112.9 },
      photo_upload_ids: ["up_1"],
    })
    expect(bodyOf(calls[0].init)).toEqual({ status: "departed" })
    expect(calls[1].url).toBe("http://shop/escort/tasks/escbk_1/reports")
    expect(bodyOf(calls[1].init)).toEqual({
      type: "patient_unwell",
      text: "候诊时头晕",
      location: { lat: 28.2, lng: 112.9 },
      photo_upload_ids: ["up_1"],
    })
  })

  it("records an SOP step with only the parts given, and returns the timeline event", async () => {
    const recorded = {
      id: "escev_9",
      status: "sop_step",
      sop_step: "挂号",
      status_label: null,
      at: "2026-12-20T00:30:00.000Z",
      actor_type: "escort",
      note: "已取 12 号",
      location: null,
      report_type: null,
      flagged: false,
    }
    const { fetch, calls } = recordingFetch({ status: 201, body: { event: recorded } })
    const event = await client(fetch).recordEscortSopStep("tok", "escbk 1", {
      step: "挂号",
      note: "已取 12 号",
      location: null,
      photo_upload_ids: [],
    })
    expect(event).toEqual(recorded)
    expect(calls[0].url).toBe("http://shop/escort/tasks/escbk%201/sop-steps")
    expect(calls[0].init?.method).toBe("POST")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(bodyOf(calls[0].init)).toEqual({ step: "挂号", note: "已取 12 号" })
  })

  it("shows commerce's Chinese refusal of a repeated SOP step", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "「挂号」已记录过，不能重复记录" },
    })
    const refused = await client(fetch)
      .recordEscortSopStep("tok", "escbk_1", { step: "挂号" })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).status).toBe(409)
    expect((refused as ApiError).message).toBe("「挂号」已记录过，不能重复记录")
  })

  it("uploads a photo as multipart without a JSON content type, and names the mini-program's upload target", async () => {
    const { fetch, calls } = recordingFetch({ status: 201, body: { upload: { id: "up_1" } } })
    const escortApp = client(fetch)
    const upload = await escortApp.uploadEscortTaskPhoto("tok", "escbk_1", new Blob(["jpg"]))
    expect(upload).toEqual({ id: "up_1" })
    expect(calls[0].url).toBe("http://shop/escort/tasks/escbk_1/messages/images")
    expect(calls[0].init?.body).toBeInstanceOf(FormData)
    expect(headersOf(calls[0].init)["content-type"]).toBeUndefined()
    expect(escortApp.escortTaskPhotoUploadTarget("tok", "escbk_1")).toEqual({
      url: "http://shop/escort/tasks/escbk_1/messages/images",
      header: { "x-publishable-api-key": "pk", authorization: "Bearer tok" },
      name: "file",
    })
  })

  it("reads and writes the schedule (null: no schedule)", async () => {
    const schedule = { weekdays: [1, 2], start_time: "08:00", end_time: "12:00", days_off: [] }
    const { fetch, calls } = recordingFetch({ body: { schedule: null } }, { body: { schedule } })
    const escortApp = client(fetch)
    expect(await escortApp.getEscortSchedule("tok")).toBeNull()
    expect(await escortApp.putEscortSchedule("tok", schedule)).toEqual(schedule)
    expect(calls[1].init?.method).toBe("PUT")
    expect(bodyOf(calls[1].init)).toEqual(schedule)
  })

  it("relays without a token: the web's relay adds it from the cookie", async () => {
    const { fetch, calls } = recordingFetch({ body: { tasks: [] } })
    await client(fetch).listEscortTasks("", "mine")
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
  })
})

describe("escort task steps", () => {
  it("offers the step buttons in order with only the next one pressable", () => {
    const states = (status: Parameters<typeof escortStepButtons>[0]) =>
      escortStepButtons(status).map((b) => `${b.label}:${b.state}`)
    expect(states("accepted")).toEqual([
      "我已出发:next",
      "已到达医院:later",
      "开始陪同就医:later",
      "服务完成:later",
    ])
    expect(states("arrived")).toEqual([
      "我已出发:done",
      "已到达医院:done",
      "开始陪同就医:next",
      "服务完成:later",
    ])
    expect(states("awaiting_escort").every((s) => s.endsWith(":later"))).toBe(true)
    expect(states("confirmed").every((s) => s.endsWith(":done"))).toBe(true)
    expect(nextEscortStep("accompanying")?.status).toBe("completed")
    expect(nextEscortStep("completed")).toBeNull()
    expect(nextEscortStep("cancelled")).toBeNull()
  })

  it("prompts the meeting point first, the hospital guide on the way, then the department SOP or the generic steps", () => {
    expect(escortStepPrompts(task())).toEqual([
      { title: "见面地点", tips: "门诊楼一楼大厅" },
      { title: "特殊需求", tips: "轮椅" },
    ])
    const onTheWay = task({
      status: "departed",
      hospital: { id: "h1", name: "湘雅医院", address: "湘雅路 87 号", guide: "地铁 1 号线" },
    })
    expect(escortStepPrompts(onTheWay).map((p) => p.title)).toEqual([
      "医院地址",
      "就医指引",
      "见面地点",
    ])
    const generic = task({ status: "arrived", sop: null })
    expect(escortStepPrompts(generic).map((p) => p.title)).toEqual([
      "挂号",
      "候诊",
      "就诊",
      "检查",
      "缴费取药",
    ])
    expect(hasDepartmentSop(generic)).toBe(false)
    const own = task({
      status: "accompanying",
      sop: [
        { step: "检查", step_key: "examine", title: "心电图", tips: "提前脱去金属饰品" },
        { step: "缴费取药", step_key: "pay_and_collect", title: "缴费取药", tips: null },
      ],
    })
    expect(escortStepPrompts(own)).toEqual([
      { title: "检查 · 心电图", tips: "提前脱去金属饰品" },
      { title: "缴费取药", tips: null },
    ])
    expect(hasDepartmentSop(own)).toBe(true)
    expect(GENERIC_ESCORT_SOP).toHaveLength(5)
  })
})

describe("SOP step buttons", () => {
  const done = (id: string, step: string, at: string) => ({
    id,
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

  it("names the generic five, pressable only during 陪同就医 and once each, with the time done", () => {
    const before = escortSopStepButtons(task({ status: "arrived", sop: null }))
    expect(before.map((b) => [b.name, b.pressable])).toEqual([
      ["挂号", false],
      ["候诊", false],
      ["就诊", false],
      ["检查", false],
      ["缴费取药", false],
    ])
    const during = escortSopStepButtons(
      task({
        status: "accompanying",
        sop: [],
        events: [done("e1", "挂号", "2026-12-20T00:30:00.000Z")],
      })
    )
    expect(during.map((b) => [b.name, b.pressable, b.done_at])).toEqual([
      ["挂号", false, "2026-12-20T00:30:00.000Z"],
      ["候诊", true, null],
      ["就诊", true, null],
      ["检查", true, null],
      ["缴费取药", true, null],
    ])
    const after = escortSopStepButtons(
      task({ status: "completed", events: [done("e1", "挂号", "2026-12-20T00:30:00.000Z")] })
    )
    expect(after.every((b) => !b.pressable)).toBe(true)
  })

  it("names the department's own steps as commerce does, each name once", () => {
    const own = escortSopStepButtons(
      task({
        status: "accompanying",
        sop: [
          { step: "检查", step_key: "examine", title: "心电图", tips: "提前脱去金属饰品" },
          { step: "检查", step_key: "examine", title: "心电图", tips: "重复的条目" },
          { step: "缴费取药", step_key: "pay_and_collect", title: "缴费取药", tips: null },
        ],
      })
    )
    expect(own.map((b) => [b.name, b.tips])).toEqual([
      ["检查 · 心电图", "提前脱去金属饰品"],
      ["缴费取药", null],
    ])
  })
})

describe("hospital navigation", () => {
  it("links Tencent Maps' driving route when the hospital has coordinates, else a search in its city", () => {
    const withCoords = tencentMapLink({ name: "湘雅医院", latitude: 28.2, longitude: 112.98 })
    const url = new URL(withCoords)
    expect(url.origin + url.pathname).toBe("https://apis.map.qq.com/uri/v1/routeplan")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: "drive",
      to: "湘雅医院",
      tocoord: "28.2,112.98",
      referer: "health-escort",
    })
    const search = new URL(tencentMapLink({ name: "湘雅医院", city: "长沙市", latitude: null }))
    expect(search.pathname).toBe("/uri/v1/search")
    expect(search.searchParams.get("keyword")).toBe("湘雅医院")
    expect(search.searchParams.get("region")).toBe("长沙市")
    expect(hospitalCoordinates({ name: "x", latitude: 1, longitude: 2 })).toEqual({
      latitude: 1,
      longitude: 2,
    })
    expect(hospitalCoordinates({ name: "x" })).toBeNull()
  })
})

describe("schedule form and 报备 types", () => {
  it("checks the hours before saving and sorts the days", () => {
    const base = { weekdays: [3, 1, 3], start_time: "08:00", end_time: "17:00", days_off: [] }
    expect(escortScheduleProblem(base)).toBeNull()
    expect(escortScheduleProblem({ ...base, end_time: "07:00" })).toBe("结束时间应晚于开始时间")
    expect(escortScheduleProblem({ ...base, start_time: "8点" })).toBe(
      "请填写开始和结束时间，如 08:00"
    )
    expect(escortScheduleProblem({ ...base, days_off: ["12-20"] })).toBe(
      "休息日格式应为 YYYY-MM-DD"
    )
    expect(
      normalizeEscortSchedule({ ...base, days_off: ["2026-12-21", "2026-12-20", "2026-12-21"] })
    ).toEqual({ ...base, weekdays: [1, 3], days_off: ["2026-12-20", "2026-12-21"] })
    expect(escortScheduleSummary(null)).toBe("未设置排班：任何时间都可接单")
    expect(escortScheduleSummary({ ...base, weekdays: [1, 3] })).toBe("周一、周三 08:00–17:00")
    expect(escortReportTypeLabel("patient_unwell")).toBe("就诊人身体不适")
    expect(escortReportTypeLabel("custom")).toBe("custom")
  })
})

describe("accept refusals", () => {
  it("reads a taken task as 已被其他陪诊员接单 and keeps commerce's other reasons", () => {
    expect(escortAcceptRefusal(new ApiError(409, "该订单已被其他陪诊员接单"))).toBe(
      "已被其他陪诊员接单"
    )
    expect(escortAcceptRefusal(new ApiError(409, ""))).toBe("已被其他陪诊员接单")
    expect(escortAcceptRefusal(new ApiError(409, "您在该时段已有陪诊任务，不能重复接单"))).toBe(
      "您在该时段已有陪诊任务，不能重复接单"
    )
    expect(escortAcceptRefusal(new ApiError(401, "Unauthorized"))).toBe("登录已过期，请重新登录")
    expect(escortAcceptRefusal(new Error("socket hang up"))).toBe("网络繁忙，请稍后重试")
  })
})
