import type {
  CommerceClientOptions,
  EscortMessage,
  EscortServiceReport,
  EscortTaskDetail,
  FetchLike,
} from "@health/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { EscortServiceReportForm } from "@/components/escort-app/escort-service-report-form"
import { EscortTaskDetailView } from "@/components/escort-app/escort-task-detail"
import { EscortTaskMessages } from "@/components/escort-app/escort-task-messages"
import { ESCORT_RELAY_BASE, escortAppInBrowser } from "@/lib/escort-app-browser"

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

type Route = (body: unknown) => { status?: number; body: unknown }

/** A fake relay: answers by "METHOD /path?query", records what was sent. */
function fakeRelay(routes: Record<string, Route>) {
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
    const given = route(body)
    return answer(given.status ?? 200, given.body)
  }
  const client: CommerceClientOptions = { baseUrl: ESCORT_RELAY_BASE, publishableKey: "", fetch }
  return { client, fetch, sent, calls: () => sent.map((s) => s.call) }
}

const message = (id: string, extra: Partial<EscortMessage> = {}): EscortMessage => ({
  id,
  from: "member",
  text: "我的电话 138****8000，明早见",
  image_url: null,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

const task = (extra: Partial<EscortTaskDetail> = {}): EscortTaskDetail => ({
  id: "escbk_1",
  status: "completed",
  status_label: "服务完成",
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
  sop: [
    { step: "挂号", title: "自助机取号", tips: null },
    { step: "就诊", title: "三楼诊室", tips: null },
    { step: "缴费取药", title: "一楼药房", tips: null },
  ],
  ...extra,
})

const picture = (name = "单据.jpg", type = "image/jpeg") =>
  new File([new Uint8Array([1, 2, 3])], name, { type })

describe("陪诊员 messages", () => {
  it("shows the empty state, sends text, and polls for the family's new messages with ?after=", async () => {
    // Like commerce: every message kept, `?after=` answers only those written after it.
    const stored: EscortMessage[] = []
    const afterCalls: string[] = []
    const { client, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1/messages": () => ({ body: { messages: stored } }),
      "POST /escort/tasks/escbk_1/messages": (body) => {
        const written = message("m1", {
          from: "escort",
          text: (body as { text: string }).text,
          created_at: "2026-12-06T08:01:00.000Z",
        })
        stored.push(written)
        // The family answers right after.
        stored.push(message("m2", { text: "好的，谢谢", created_at: "2026-12-06T08:05:00.000Z" }))
        return { status: 201, body: { message: written } }
      },
      "GET /escort/tasks/escbk_1/messages?after=m2": () => {
        afterCalls.push("m2")
        return { body: { messages: [] } }
      },
    })
    render(<EscortTaskMessages taskId="escbk_1" client={client} pollMs={20} />)
    await screen.findByTestId("escort-task-messages-empty")
    fireEvent.change(screen.getByPlaceholderText("给家属留言（最多 1000 字）"), {
      target: { value: "  我已到门诊楼 " },
    })
    fireEvent.click(screen.getByRole("button", { name: "发送" }))
    const list = await screen.findByTestId("escort-task-message-list")
    await waitFor(() => expect(list.textContent).toContain("好的，谢谢"))
    await waitFor(() => expect(afterCalls.length).toBeGreaterThan(0))
    expect(list.querySelectorAll("li")[0].textContent).toContain("我")
    expect(list.querySelectorAll("li")[0].textContent).toContain("我已到门诊楼")
    expect(list.querySelectorAll("li")[1].querySelector("strong")?.textContent).toBe("家属")
    expect(sent.find((s) => s.call.startsWith("POST"))?.body).toEqual({ text: "我已到门诊楼" })
  })

  it("shows masked numbers as sent, pictures through the relay, uploads a picked picture and refuses other files", async () => {
    const { client, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1/messages": () => ({
        body: {
          messages: [
            message("m1"),
            message("m2", {
              text: null,
              image_url: "/escort/tasks/escbk_1/messages/images/up_9",
              created_at: "2026-12-06T08:02:00.000Z",
            }),
          ],
        },
      }),
      "POST /escort/tasks/escbk_1/messages/images": () => ({
        status: 201,
        body: { upload: { id: "up_10" } },
      }),
      "POST /escort/tasks/escbk_1/messages": () => ({
        status: 201,
        body: {
          message: message("m3", {
            from: "escort",
            text: null,
            image_url: "/escort/tasks/escbk_1/messages/images/up_10",
            created_at: "2026-12-06T08:03:00.000Z",
          }),
        },
      }),
    })
    render(<EscortTaskMessages taskId="escbk_1" client={client} pollMs={60_000} />)
    const list = await screen.findByTestId("escort-task-message-list")
    expect(list.textContent).toContain("138****8000")
    expect(list.querySelector("img")?.getAttribute("src")).toBe(
      "/api/escort-app/commerce/escort/tasks/escbk_1/messages/images/up_9"
    )

    const input = screen.getByTestId("escort-task-message-picture")
    fireEvent.change(input, { target: { files: [picture("a.pdf", "application/pdf")] } })
    expect((await screen.findByTestId("escort-task-messages-error")).textContent).toBe(
      "只能发送 JPG、PNG 或 WebP 图片"
    )
    fireEvent.change(input, { target: { files: [picture()] } })
    await waitFor(() => expect(list.querySelectorAll("img")).toHaveLength(2))
    expect(sent.find((s) => s.call === "POST /escort/tasks/escbk_1/messages")?.body).toEqual({
      image_upload_id: "up_10",
    })
  })

  it("shows commerce's refusal in Chinese and the sign-in link when the session ended", async () => {
    const { client } = fakeRelay({
      "GET /escort/tasks/escbk_1/messages": () => ({
        status: 401,
        body: { message: "Unauthorized" },
      }),
    })
    render(<EscortTaskMessages taskId="escbk_1" client={client} pollMs={60_000} />)
    const error = await screen.findByTestId("escort-task-messages-error")
    expect(error.textContent).toContain("登录已过期，请重新登录")
    expect(error.querySelector("a")?.getAttribute("href")).toBe("/escort-app/sign-in")
  })
})

describe("陪诊员 service report", () => {
  const report = (extra: Partial<EscortServiceReport> = {}): EscortServiceReport => ({
    id: "esr_1",
    booking_id: "escbk_1",
    steps: [{ step: "挂号：自助机取号", note: "8:10 取号" }],
    doctor_advice: "一周后复查",
    documents: [
      {
        id: "doc_1",
        image_url: "/escort/tasks/escbk_1/messages/images/up_1",
        archived_upload_id: null,
      },
    ],
    created_at: "2026-12-20T04:00:00.000Z",
    ...extra,
  })

  it("writes a note per SOP step done, the doctor's advice and uploaded documents, then shows it read-only", async () => {
    let uploads = 0
    const { client, sent } = fakeRelay({
      "GET /escort/tasks/escbk_1": () => ({ body: { task: task() } }),
      "GET /escort/tasks/escbk_1/service-report": () => ({ body: { report: null } }),
      "POST /escort/tasks/escbk_1/messages/images": () => ({
        status: 201,
        body: { upload: { id: `up_${++uploads}` } },
      }),
      "POST /escort/tasks/escbk_1/service-report": (body) => ({
        status: 201,
        body: { report: report({ ...(body as object), documents: [] }) },
      }),
    })
    render(<EscortServiceReportForm taskId="escbk_1" client={client} />)
    const notes = await screen.findAllByTestId("escort-service-report-step")
    expect(notes).toHaveLength(3)

    fireEvent.submit(screen.getByTestId("escort-service-report-form"))
    expect((await screen.findByTestId("escort-service-report-problem")).textContent).toBe(
      "请至少填写一个已完成步骤的记录"
    )
    fireEvent.change(notes[0], { target: { value: " 8:10 取号 " } })
    fireEvent.change(notes[2], { target: { value: "取药两盒" } })
    fireEvent.submit(screen.getByTestId("escort-service-report-form"))
    expect((await screen.findByTestId("escort-service-report-problem")).textContent).toBe(
      "请填写医生的嘱咐"
    )
    fireEvent.change(screen.getByTestId("escort-service-report-advice"), {
      target: { value: "低盐饮食，一周后复查" },
    })
    fireEvent.change(screen.getByTestId("escort-service-report-documents"), {
      target: { files: [picture("化验单.jpg"), picture("处方.png", "image/png")] },
    })
    expect(screen.getByTestId("escort-service-report-chosen").querySelectorAll("li")).toHaveLength(
      2
    )
    fireEvent.submit(screen.getByTestId("escort-service-report-form"))

    await screen.findByTestId("escort-service-report-view")
    expect(screen.getByTestId("escort-service-report-advice-shown").textContent).toBe(
      "低盐饮食，一周后复查"
    )
    expect(sent.find((s) => s.call === "POST /escort/tasks/escbk_1/service-report")?.body).toEqual({
      steps: [
        { step: "挂号：自助机取号", note: "8:10 取号" },
        { step: "缴费取药：一楼药房", note: "取药两盒" },
      ],
      doctor_advice: "低盐饮食，一周后复查",
      document_upload_ids: ["up_1", "up_2"],
    })
    expect(screen.queryByTestId("escort-service-report-form")).toBeNull()
  })

  it("shows a written report read-only with its documents through the relay", async () => {
    const { client, calls } = fakeRelay({
      "GET /escort/tasks/escbk_1": () => ({
        body: { task: task({ status: "confirmed", status_label: "已确认" }) },
      }),
      "GET /escort/tasks/escbk_1/service-report": () => ({ body: { report: report() } }),
    })
    render(<EscortServiceReportForm taskId="escbk_1" client={client} />)
    const view = await screen.findByTestId("escort-service-report-view")
    expect(view.textContent).toContain("8:10 取号")
    expect(view.querySelector("img")?.getAttribute("src")).toBe(
      "/api/escort-app/commerce/escort/tasks/escbk_1/messages/images/up_1"
    )
    expect(screen.queryByRole("textbox")).toBeNull()
    expect(calls().some((c) => c.startsWith("POST"))).toBe(false)
  })

  it("says the report waits for 服务完成 before it, and shows commerce's 409 in Chinese", async () => {
    const early = fakeRelay({
      "GET /escort/tasks/escbk_1": () => ({
        body: { task: task({ status: "accompanying", status_label: "陪同就医" }) },
      }),
      "GET /escort/tasks/escbk_1/service-report": () => ({ body: { report: null } }),
    })
    const first = render(<EscortServiceReportForm taskId="escbk_1" client={early.client} />)
    expect((await screen.findByTestId("escort-service-report-not-yet")).textContent).toContain(
      "服务完成后才能填写服务报告（当前状态：陪同就医）"
    )
    first.unmount()

    const twice = fakeRelay({
      "GET /escort/tasks/escbk_1": () => ({ body: { task: task() } }),
      "GET /escort/tasks/escbk_1/service-report": () => ({ body: { report: null } }),
      "POST /escort/tasks/escbk_1/service-report": () => ({
        status: 409,
        body: { message: "服务报告已提交，不能重复提交" },
      }),
    })
    render(<EscortServiceReportForm taskId="escbk_1" client={twice.client} />)
    const notes = await screen.findAllByTestId("escort-service-report-step")
    fireEvent.change(notes[1], { target: { value: "看诊 10 分钟" } })
    fireEvent.change(screen.getByTestId("escort-service-report-advice"), {
      target: { value: "按时服药" },
    })
    fireEvent.submit(screen.getByTestId("escort-service-report-form"))
    expect((await screen.findByTestId("escort-service-report-problem")).textContent).toBe(
      "服务报告已提交，不能重复提交"
    )
  })
})

describe("task detail links", () => {
  it("links to messages once accepted, and to the report after 服务完成", async () => {
    const accepted = fakeRelay({
      "GET /escort/tasks/escbk_1": () => ({
        body: { task: task({ status: "accepted", status_label: "已接单" }) },
      }),
    })
    const first = render(
      <EscortTaskDetailView taskId="escbk_1" api={escortAppInBrowser(accepted.fetch)} />
    )
    const links = await screen.findByTestId("escort-task-links")
    expect([...links.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "/escort-app/tasks/escbk_1/messages",
    ])
    first.unmount()

    const done = fakeRelay({ "GET /escort/tasks/escbk_1": () => ({ body: { task: task() } }) })
    render(<EscortTaskDetailView taskId="escbk_1" api={escortAppInBrowser(done.fetch)} />)
    const after = await screen.findByTestId("escort-task-links")
    expect([...after.querySelectorAll("a")].map((a) => a.textContent)).toEqual([
      "和家属的消息",
      "服务报告",
    ])
  })
})
