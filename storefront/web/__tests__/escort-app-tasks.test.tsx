import { createEscortAppClient, type EscortTaskDetail, type FetchLike } from "@health/core"
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { EscortTaskCenter } from "@/components/escort-app/escort-task-center"
import { EscortTaskDetailView } from "@/components/escort-app/escort-task-detail"
import { ESCORT_RELAY_BASE } from "@/lib/escort-app-browser"

type Route = (body: unknown) => { status?: number; body: unknown }

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

/** A fake relay: answers by "METHOD /path?query", records what was sent. */
function fakeRelay(routes: Record<string, Route | { status?: number; body: unknown }>) {
  const sent: { call: string; body: unknown }[] = []
  const fetch: FetchLike = async (url, init) => {
    const call = `${init?.method ?? "GET"} ${url.replace(ESCORT_RELAY_BASE, "")}`
    const body =
      init?.body instanceof FormData
        ? "[form]"
        : init?.body
          ? JSON.parse(String(init.body))
          : undefined
    sent.push({ call, body })
    const route = routes[call]
    if (!route) return answer(404, { message: "未找到该任务" })
    const given = typeof route === "function" ? route(body) : route
    return answer(given.status ?? 200, given.body)
  }
  const api = createEscortAppClient({ baseUrl: ESCORT_RELAY_BASE, publishableKey: "", fetch })
  return { api, sent, calls: () => sent.map((s) => s.call) }
}

const task = (extra: Partial<EscortTaskDetail> = {}): EscortTaskDetail => ({
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
  needs: ["轮椅"],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

describe("陪诊员 task center", () => {
  it("shows an empty state per tab", async () => {
    const { api, calls } = fakeRelay({
      "GET /escort/tasks?status=offered": { body: { tasks: [] } },
      "GET /escort/tasks?status=open": { body: { tasks: [] } },
      "GET /escort/tasks?status=mine": { body: { tasks: [] } },
      "GET /escort/tasks?status=done": { body: { tasks: [] } },
    })
    render(<EscortTaskCenter api={api} />)
    expect((await screen.findByTestId("escort-tasks-empty-open")).textContent).toContain(
      "暂时没有待接的任务"
    )
    fireEvent.click(screen.getByTestId("escort-tab-mine"))
    expect((await screen.findByTestId("escort-tasks-empty-mine")).textContent).toContain(
      "没有进行中的任务"
    )
    fireEvent.click(screen.getByTestId("escort-tab-done"))
    expect((await screen.findByTestId("escort-tasks-empty-done")).textContent).toContain(
      "还没有完成的任务"
    )
    expect(screen.getByTestId("escort-tab-done").getAttribute("aria-selected")).toBe("true")
    expect(calls()).toEqual([
      "GET /escort/tasks?status=offered",
      "GET /escort/tasks?status=open",
      "GET /escort/tasks?status=mine",
      "GET /escort/tasks?status=done",
    ])
  })

  it("lists offered tasks first with their deadline, grabs an open one, and says a taken task is taken", async () => {
    let open = [task(), task({ id: "escbk_2", service: { id: "p", name: "全日陪诊" } })]
    const offered = [
      task({ id: "escbk_3", offer: { expires_at: "2026-12-06T08:10:00.000Z", round: 1 } }),
    ]
    const { api, calls } = fakeRelay({
      "GET /escort/tasks?status=offered": () => ({ body: { tasks: offered } }),
      "GET /escort/tasks?status=open": () => ({ body: { tasks: open } }),
      "POST /escort/tasks/escbk_1/accept": () => {
        open = open.filter((t) => t.id !== "escbk_1")
        return { body: { task: task({ status: "accepted" }) } }
      },
      "POST /escort/tasks/escbk_2/accept": () => {
        open = open.filter((t) => t.id !== "escbk_2")
        return { status: 409, body: { type: "conflict", message: "该订单已被其他陪诊员接单" } }
      },
    })
    render(<EscortTaskCenter api={api} />)
    const rows = await screen.findAllByTestId("escort-task")
    expect(rows).toHaveLength(3)
    expect(within(rows[0]).getByTestId("escort-offer-deadline").textContent).toBe(
      "请在 2026-12-06 16:10 前确认，超时将派给其他陪诊员"
    )
    expect(within(rows[0]).getByTestId("escort-accept").textContent).toBe("接单")
    expect(within(rows[0]).getByTestId("escort-decline")).toBeTruthy()
    expect(within(rows[1]).getByTestId("escort-accept").textContent).toBe("抢单")
    expect(within(rows[1]).queryByTestId("escort-decline")).toBeNull()
    expect(rows[1].textContent).toContain("就诊人 张**")
    expect(rows[1].textContent).toContain("订单金额 ¥199.00")

    fireEvent.click(within(rows[1]).getByTestId("escort-accept"))
    expect((await screen.findByRole("status", {}, { timeout: 2000 })).textContent).toBe(
      "已接单：半日陪诊，请按时出发"
    )
    await waitFor(() => expect(screen.getAllByTestId("escort-task")).toHaveLength(2))

    const taken = screen.getAllByTestId("escort-task")[1]
    fireEvent.click(within(taken).getByTestId("escort-accept"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe("已被其他陪诊员接单")
    await waitFor(() => expect(screen.getAllByTestId("escort-task")).toHaveLength(1))
    expect(calls()).toContain("POST /escort/tasks/escbk_2/accept")
  })

  it("keeps commerce's reason for other refusals and sends a signed-out escort to sign in", async () => {
    const { api } = fakeRelay({
      "GET /escort/tasks?status=offered": { body: { tasks: [] } },
      "GET /escort/tasks?status=open": { body: { tasks: [task()] } },
      "POST /escort/tasks/escbk_1/accept": {
        status: 409,
        body: { message: "陪诊员周日不在排班内，不能接该任务" },
      },
      "GET /escort/tasks?status=mine": { status: 401, body: { message: "Unauthorized" } },
    })
    render(<EscortTaskCenter api={api} />)
    fireEvent.click(await screen.findByTestId("escort-accept"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe(
      "陪诊员周日不在排班内，不能接该任务"
    )
    fireEvent.click(screen.getByTestId("escort-tab-mine"))
    const signedOut = await screen.findByTestId("escort-tasks-error")
    expect(signedOut.textContent).toContain("登录已过期，请重新登录")
    expect(within(signedOut).getByRole("link").getAttribute("href")).toBe("/escort-app/sign-in")
  })
})

describe("陪诊员 task detail and steps", () => {
  const mine = (extra: Partial<EscortTaskDetail> = {}) =>
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
        guide: "门诊楼在正门右侧",
      },
      ...extra,
    })

  it("shows the masked ID, a Tencent Maps route, and the step buttons in order with only the next one pressable", async () => {
    const { api } = fakeRelay({ "GET /escort/tasks/escbk_1": { body: { task: mine() } } })
    render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
    expect((await screen.findByTestId("escort-task-person")).textContent).toBe(
      "就诊人：张桂兰 1101**********002X"
    )
    const link = new URL(screen.getByTestId("escort-navigate").getAttribute("href")!)
    expect(link.pathname).toBe("/uri/v1/routeplan")
    expect(link.searchParams.get("tocoord")).toBe("28.21,112.98")
    expect(link.searchParams.get("to")).toBe("中南大学湘雅医院")
    const buttons = ["departed", "arrived", "accompanying", "completed"].map(
      (s) => screen.getByTestId(`escort-step-${s}`) as HTMLButtonElement
    )
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ["我已出发", false],
      ["已到达医院", true],
      ["开始陪同就医", true],
      ["服务完成", true],
    ])
    expect(screen.getByTestId("escort-prompts").textContent).toContain("见面地点：门诊楼一楼大厅")
  })

  it("shows the hospital's Markdown guide as headings, lists and bold, not raw marks", async () => {
    const guide = "## 就医指南\n\n- **门诊时间**：周一至周日 08:00-12:00\n- **停车**：院内车位紧张"
    const hospital = { id: "h1", name: "中南大学湘雅医院", address: "湘雅路 87 号", guide }
    const { api } = fakeRelay({
      "GET /escort/tasks/escbk_1": { body: { task: mine({ status: "accepted", hospital }) } },
      "POST /escort/tasks/escbk_1/progress": () => ({
        body: { task: mine({ status: "departed", status_label: "已出发", hospital }) },
      }),
    })
    render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
    const shown = await screen.findByTestId("escort-hospital-guide")
    expect(within(shown).getByRole("heading").textContent).toBe("就医指南")
    expect(
      within(shown)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(["门诊时间：周一至周日 08:00-12:00", "停车：院内车位紧张"])
    expect(shown.textContent).not.toMatch(/[#*]/)
    // On the way the guide is the step's prompt, drawn the same way.
    fireEvent.click(screen.getByTestId("escort-step-departed"))
    await screen.findByText("已更新：我已出发")
    const prompts = screen.getByTestId("escort-prompts")
    expect(within(prompts).getByText("停车").tagName).toBe("STRONG")
    expect(prompts.textContent).not.toMatch(/[#*]/)
  })

  it("links a map search when the hospital has no coordinates, and shows the generic steps without an SOP", async () => {
    const { api } = fakeRelay({
      "GET /escort/tasks/escbk_1": {
        body: {
          task: mine({
            status: "arrived",
            status_label: "已到达",
            hospital: { id: null, name: "长沙市第一医院" },
            sop: null,
          }),
        },
      },
    })
    render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
    const link = new URL((await screen.findByTestId("escort-navigate")).getAttribute("href")!)
    expect(link.pathname).toBe("/uri/v1/search")
    expect(link.searchParams.get("keyword")).toBe("长沙市第一医院")
    const prompts = screen.getByTestId("escort-prompts")
    expect(prompts.querySelector("h3")?.textContent).toBe("陪诊通用流程")
    expect([...prompts.querySelectorAll("strong")].map((s) => s.textContent)).toEqual([
      "挂号",
      "候诊",
      "就诊",
      "检查",
      "缴费取药",
    ])
  })

  it("moves on with a note and the place, then shows the department SOP for the next step", async () => {
    const sop = [
      { step: "挂号", step_key: "register", title: "挂号", tips: "心内科在门诊 3 楼" },
      { step: "检查", step_key: "examine", title: "心电图", tips: "提前脱去金属饰品" },
    ]
    const { api, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1": { body: { task: mine({ status: "departed", sop }) } },
      "POST /escort/tasks/escbk_1/progress": () => ({
        body: { task: mine({ status: "arrived", status_label: "已到达" }) },
      }),
    })
    const locate = jest.fn(async () => ({ location: { lat: 28.2, lng: 112.9 } }))
    render(<EscortTaskDetailView taskId="escbk_1" api={api} locate={locate} />)
    expect((await screen.findByTestId("escort-prompts")).textContent).toContain(
      "就医指引：门诊楼在正门右侧"
    )
    fireEvent.change(screen.getByTestId("escort-step-note"), { target: { value: "已到正门" } })
    fireEvent.click(screen.getByTestId("escort-step-location"))
    fireEvent.click(screen.getByTestId("escort-step-arrived"))
    expect((await screen.findByTestId("escort-step-notice")).textContent).toBe("已更新：已到达医院")
    expect(sent.find((s) => s.call === "POST /escort/tasks/escbk_1/progress")?.body).toEqual({
      status: "arrived",
      note: "已到正门",
      location: { lat: 28.2, lng: 112.9 },
    })
    expect(screen.getByTestId("escort-task-status").textContent).toBe("已到达")
    expect((screen.getByTestId("escort-step-accompanying") as HTMLButtonElement).disabled).toBe(
      false
    )
    const prompts = screen.getByTestId("escort-prompts")
    expect(prompts.querySelector("h3")?.textContent).toBe("心血管内科 陪诊流程")
    expect(prompts.textContent).toContain("检查 · 心电图：提前脱去金属饰品")
  })

  it("records SOP steps during 陪同就医 once each, with a note, and shows commerce's refusal", async () => {
    const recorded = (step: string, at: string) => ({
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
    const { api, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1": {
        body: {
          task: mine({
            status: "accompanying",
            status_label: "陪同就医",
            events: [recorded("挂号", "2026-12-20T00:30:00.000Z")],
          }),
        },
      },
      "POST /escort/tasks/escbk_1/sop-steps": (body) =>
        (body as { step: string }).step === "候诊"
          ? { status: 201, body: { event: recorded("候诊", "2026-12-20T01:00:00.000Z") } }
          : { status: 409, body: { message: "「就诊」已记录过，不能重复记录" } },
    })
    render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
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
    expect(within(panel).getByText("2026-12-20 08:30")).toBeTruthy()
    fireEvent.change(screen.getByTestId("escort-sop-step-note"), {
      target: { value: "叫到 12 号" },
    })
    fireEvent.click(within(panel).getByText("候诊"))
    expect((await screen.findByTestId("escort-sop-step-notice")).textContent).toBe("已记录：候诊")
    expect(sent.find((s) => s.call === "POST /escort/tasks/escbk_1/sop-steps")?.body).toEqual({
      step: "候诊",
      note: "叫到 12 号",
    })
    expect(buttons()[1]).toEqual(["✓ 候诊", true])
    fireEvent.click(within(panel).getByText("就诊"))
    expect((await screen.findByTestId("escort-sop-step-error")).textContent).toBe(
      "「就诊」已记录过，不能重复记录"
    )
  })

  it("shows commerce's refusal of a skipped step, and goes on without the place when location is denied", async () => {
    let refuse = true
    const { api, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1": { body: { task: mine() } },
      "POST /escort/tasks/escbk_1/progress": () =>
        refuse
          ? {
              status: 409,
              body: { message: "订单已是「已出发」，不能回到「已出发」" },
            }
          : { body: { task: mine({ status: "departed", status_label: "已出发" }) } },
    })
    const locate = jest.fn(async () => ({ problem: "未获得定位权限，可在浏览器设置中允许定位" }))
    render(<EscortTaskDetailView taskId="escbk_1" api={api} locate={locate} />)
    fireEvent.click(await screen.findByTestId("escort-step-departed"))
    expect((await screen.findByTestId("escort-step-error")).textContent).toBe(
      "订单已是「已出发」，不能回到「已出发」"
    )
    refuse = false
    fireEvent.click(screen.getByTestId("escort-step-location"))
    fireEvent.click(screen.getByTestId("escort-step-departed"))
    expect((await screen.findByTestId("escort-step-notice")).textContent).toBe(
      "已更新：我已出发（未获得定位权限，可在浏览器设置中允许定位，未附带位置）"
    )
    expect(sent.filter((s) => s.call.startsWith("POST")).at(-1)?.body).toEqual({
      status: "departed",
    })
  })

  it("报备 asks for confirmation, uploads the photo and sends type, text, photo and place", async () => {
    const { api, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1": {
        body: { task: mine({ status: "accompanying", status_label: "陪同就医" }) },
      },
      "POST /escort/tasks/escbk_1/messages/images": {
        status: 201,
        body: { upload: { id: "up_1" } },
      },
      "POST /escort/tasks/escbk_1/reports": { status: 201, body: { report: { id: "escev_9" } } },
    })
    const locate = jest.fn(async () => ({ location: { lat: 28.2, lng: 112.9 } }))
    render(<EscortTaskDetailView taskId="escbk_1" api={api} locate={locate} />)
    fireEvent.click(await screen.findByTestId("escort-report-open"))
    fireEvent.submit(screen.getByTestId("escort-report-form"))
    expect((await screen.findByTestId("escort-report-error")).textContent).toBe("请填写报备内容")
    fireEvent.change(screen.getByTestId("escort-report-text"), {
      target: { value: "候诊时头晕，已通知护士" },
    })
    fireEvent.change(screen.getByTestId("escort-report-photo"), {
      target: { files: [new File(["jpg"], "dizzy.jpg", { type: "image/jpeg" })] },
    })
    fireEvent.submit(screen.getByTestId("escort-report-form"))
    const confirm = screen.getByTestId("escort-report-confirm")
    expect(confirm.textContent).toContain(
      "确认向平台报备「就诊人身体不适」？运营将立即收到提醒，附 1 张照片，附当前位置。"
    )
    expect(sent.some((s) => s.call.endsWith("/reports"))).toBe(false)
    await act(async () => {
      fireEvent.click(screen.getByTestId("escort-report-send"))
    })
    expect((await screen.findByTestId("escort-report-notice")).textContent).toBe(
      "已报备，运营已收到提醒"
    )
    expect(sent.map((s) => s.call).slice(1)).toEqual([
      "POST /escort/tasks/escbk_1/messages/images",
      "POST /escort/tasks/escbk_1/reports",
    ])
    expect(sent.at(-1)?.body).toEqual({
      type: "patient_unwell",
      text: "候诊时头晕，已通知护士",
      location: { lat: 28.2, lng: 112.9 },
      photo_upload_ids: ["up_1"],
    })
  })

  it("says the service is done and points to the report when 服务完成 is pressed", async () => {
    const { api } = fakeRelay({
      "GET /escort/tasks/escbk_1": { body: { task: mine({ status: "accompanying" }) } },
      "POST /escort/tasks/escbk_1/progress": () => ({
        body: { task: mine({ status: "completed", status_label: "服务完成" }) },
      }),
    })
    render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
    fireEvent.click(await screen.findByTestId("escort-step-completed"))
    expect((await screen.findByTestId("escort-task-completed")).textContent).toBe(
      "服务已完成。请填写服务报告；家属确认完成后，本单收入即可提现。"
    )
    expect(screen.getByTestId("escort-task-status").textContent).toBe("服务完成")
    expect(screen.getByRole("link", { name: "服务报告" }).getAttribute("href")).toBe(
      "/escort-app/tasks/escbk_1/report"
    )
    expect(screen.queryByTestId("escort-step-panel")).toBeNull()
  })

  it("has no step buttons or 报备 once the service is complete, and says a missing task plainly", async () => {
    const { api } = fakeRelay({
      "GET /escort/tasks/escbk_1": {
        body: { task: mine({ status: "completed", status_label: "服务完成" }) },
      },
    })
    const { unmount } = render(<EscortTaskDetailView taskId="escbk_1" api={api} />)
    expect((await screen.findByTestId("escort-task-status")).textContent).toBe("服务完成")
    expect(screen.queryByTestId("escort-step-panel")).toBeNull()
    expect(screen.queryByTestId("escort-report")).toBeNull()
    unmount()

    const missing = fakeRelay({})
    render(<EscortTaskDetailView taskId="escbk_x" api={missing.api} />)
    expect((await screen.findByTestId("escort-task-error")).textContent).toContain("未找到该任务")
  })
})
