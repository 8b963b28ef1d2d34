import Taro from "@tarojs/taro"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import type { EscortMessage, EscortServiceReport } from "@health/core"
import EscortTaskMessagesPage from "../src/packages/escort-app/messages/index"
import EscortServiceReportPage from "../src/packages/escort-app/report/index"
import EscortTaskPage from "../src/packages/escort-app/task/index"
import { escortSession } from "../src/packages/escort-app/escort-session"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

// The device APIs this package uses, played per test (the shared stand-in answers differently).
const device = Taro as unknown as Record<string, unknown>
const uploads: { url: string; header: Record<string, string> }[] = []
let picked: string[] = []

beforeEach(() => {
  stand.reset()
  uploads.length = 0
  picked = ["wxfile://doc-1.jpg"]
  escortSession.setToken("esc_tok")
  stand.params = { id: "escbk_1" }
  device.chooseImage = jest.fn(async () => ({ tempFilePaths: picked }))
  device.uploadFile = jest.fn(async (option: { url: string; header: Record<string, string> }) => {
    uploads.push(option)
    return { statusCode: 201, data: JSON.stringify({ upload: { id: `up_${uploads.length}` } }) }
  })
})
afterEach(() => jest.useRealTimers())

const TASK = "/escort/tasks/escbk_1"
const message = (id: string, extra: Partial<EscortMessage> = {}): EscortMessage => ({
  id,
  from: "member",
  text: "我的电话 138****8000",
  image_url: null,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})
const task = (extra: Record<string, unknown> = {}) => ({
  id: "escbk_1",
  status: "completed",
  status_label: "服务完成",
  service: { id: "prod_1", name: "半日陪诊" },
  hospital: { id: "h1", name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰" },
  meeting_point: "门诊楼一楼大厅",
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
  sop: [
    { step: "挂号", title: "自助机取号", tips: null },
    { step: "就诊", title: "三楼诊室", tips: null },
  ],
  ...extra,
})

describe("陪诊员 messages (mini-program)", () => {
  it("shows masked numbers, polls ?after= and shows pictures fetched with the escort's token", async () => {
    jest.useFakeTimers()
    const afters: (string | null)[] = []
    fakeBackend({
      [`GET ${TASK}/messages`]: ({ url }: { url: URL }) => {
        afters.push(url.searchParams.get("after"))
        return {
          body: {
            messages:
              afters.length === 1
                ? [message("m1")]
                : afters.length === 2
                  ? [message("m2", { text: null, image_url: `${TASK}/messages/images/up_7` })]
                  : [],
          },
        }
      },
    })
    render(<EscortTaskMessagesPage />)
    expect((await screen.findByTestId("escort-task-message-text")).textContent).toBe(
      "我的电话 138****8000"
    )
    await jest.advanceTimersByTimeAsync(4000)
    await waitFor(() => expect(screen.getAllByTestId("escort-task-message")).toHaveLength(2))
    expect(afters).toEqual([null, "m1"])
    const picture = await screen.findByTestId("escort-task-message-image")
    expect(picture.getAttribute("src")).toBe(`wxfile://tmp${TASK}/messages/images/up_7`)
    expect(stand.downloads[0].header?.authorization).toBe("Bearer esc_tok")
    expect(screen.getAllByTestId("escort-task-message")[0].textContent).toContain("家属")
  })

  it("shows the empty state, sends text and a picture, and commerce's refusal in Chinese", async () => {
    const sent: Record<string, string>[] = []
    let refuse = false
    fakeBackend({
      [`GET ${TASK}/messages`]: { messages: [] },
      [`POST ${TASK}/messages`]: ({ body }: { body: Record<string, string> }) => {
        if (refuse) return { status: 409, body: { message: "服务已结束超过 7 天，不能再发消息" } }
        sent.push(body)
        return {
          status: 201,
          body: {
            message: message(`m${sent.length}`, {
              from: "escort",
              text: body.text ?? null,
              image_url: body.image_upload_id
                ? `${TASK}/messages/images/${body.image_upload_id}`
                : null,
            }),
          },
        }
      },
    })
    render(<EscortTaskMessagesPage />)
    await screen.findByTestId("escort-task-messages-empty")
    fireEvent.input(screen.getByTestId("escort-task-message-input"), {
      target: { value: " 我已到门诊楼 " },
    })
    fireEvent.click(screen.getByTestId("escort-task-message-send"))
    await waitFor(() => expect(screen.getAllByTestId("escort-task-message")).toHaveLength(1))
    expect(screen.getByTestId("escort-task-message").textContent).toContain("我 ·")
    fireEvent.click(screen.getByTestId("escort-task-message-picture"))
    await waitFor(() => expect(screen.getAllByTestId("escort-task-message")).toHaveLength(2))
    expect(uploads[0].url).toMatch(/\/escort\/tasks\/escbk_1\/messages\/images$/)
    expect(sent).toEqual([{ text: "我已到门诊楼" }, { image_upload_id: "up_1" }])

    refuse = true
    fireEvent.input(screen.getByTestId("escort-task-message-input"), { target: { value: "在吗" } })
    fireEvent.click(screen.getByTestId("escort-task-message-send"))
    expect((await screen.findByTestId("escort-task-messages-error")).textContent).toBe(
      "服务已结束超过 7 天，不能再发消息"
    )
  })
})

describe("陪诊员 service report (mini-program)", () => {
  const report = (extra: Partial<EscortServiceReport> = {}): EscortServiceReport => ({
    id: "esr_1",
    booking_id: "escbk_1",
    steps: [{ step: "挂号：自助机取号", note: "8:10 取号" }],
    doctor_advice: "一周后复查",
    documents: [],
    created_at: "2026-12-20T04:00:00.000Z",
    ...extra,
  })

  it("writes a note per SOP step done, the advice and photographed documents, then shows it read-only", async () => {
    const written: unknown[] = []
    fakeBackend({
      [`GET ${TASK}`]: { task: task() },
      [`GET ${TASK}/service-report`]: { report: null },
      [`POST ${TASK}/service-report`]: ({ body }: { body: Record<string, unknown> }) => {
        written.push(body)
        return {
          status: 201,
          body: {
            report: report({
              ...(body as Partial<EscortServiceReport>),
              documents: [
                {
                  id: "doc_1",
                  image_url: `${TASK}/messages/images/up_1`,
                  archived_upload_id: null,
                },
              ],
            }),
          },
        }
      },
    })
    render(<EscortServiceReportPage />)
    const notes = await screen.findAllByTestId("escort-service-report-step")
    expect(notes).toHaveLength(2)
    fireEvent.click(screen.getByTestId("escort-service-report-submit"))
    expect((await screen.findByTestId("escort-service-report-problem")).textContent).toBe(
      "请至少填写一个已完成步骤的记录"
    )
    fireEvent.input(notes[0], { target: { value: "8:10 取号" } })
    fireEvent.input(screen.getByTestId("escort-service-report-advice"), {
      target: { value: "一周后复查" },
    })
    fireEvent.click(screen.getByTestId("escort-service-report-documents"))
    await waitFor(() =>
      expect(screen.getByTestId("escort-service-report-documents").textContent).toBe(
        "拍照上传单据（1/9）"
      )
    )
    fireEvent.click(screen.getByTestId("escort-service-report-submit"))
    await screen.findByTestId("escort-service-report-view")
    expect(written).toEqual([
      {
        steps: [{ step: "挂号：自助机取号", note: "8:10 取号" }],
        doctor_advice: "一周后复查",
        document_upload_ids: ["up_1"],
      },
    ])
    expect(screen.getByTestId("escort-service-report-advice-shown").textContent).toBe("一周后复查")
    expect((await screen.findByTestId("escort-service-report-document")).getAttribute("src")).toBe(
      `wxfile://tmp${TASK}/messages/images/up_1`
    )
  })

  it("says the report waits for 服务完成", async () => {
    fakeBackend({
      [`GET ${TASK}`]: { task: task({ status: "accompanying", status_label: "陪同就医" }) },
      [`GET ${TASK}/service-report`]: { report: null },
    })
    render(<EscortServiceReportPage />)
    expect((await screen.findByTestId("escort-service-report-not-yet")).textContent).toBe(
      "服务完成后才能填写服务报告（当前状态：陪同就医）。"
    )
  })

  it("links the task to its messages and, after 服务完成, its report", async () => {
    const opened: string[] = []
    device.navigateTo = jest.fn(async ({ url }: { url: string }) => opened.push(url))
    fakeBackend({ [`GET ${TASK}`]: { task: task() } })
    render(<EscortTaskPage />)
    fireEvent.click(await screen.findByTestId("escort-task-messages-link"))
    fireEvent.click(screen.getByTestId("escort-task-report-link"))
    expect(opened).toEqual([
      "/packages/escort-app/messages/index?id=escbk_1",
      "/packages/escort-app/report/index?id=escbk_1",
    ])
  })
})
