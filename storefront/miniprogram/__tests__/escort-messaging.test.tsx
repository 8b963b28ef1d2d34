import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import type { EscortMessage } from "@health/core"
import { EscortConversation } from "../src/packages/escort/components/escort-conversation"
import { EscortServiceReportView } from "../src/packages/escort/components/escort-service-report"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())
afterEach(() => jest.useRealTimers())

const BOOKING = "/store/escort-bookings/escbk_1"
const message = (id: string, extra: Partial<EscortMessage> = {}): EscortMessage => ({
  id,
  from: "escort",
  text: "您好，我是陪诊员",
  image_url: null,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

describe("陪诊 messages in the mini-program", () => {
  it("polls ?after= for new messages and shows pictures fetched with the member's token", async () => {
    jest.useFakeTimers()
    const afters: (string | null)[] = []
    let round = 0
    fakeBackend({
      [`GET ${BOOKING}/messages`]: ({ url }: { url: URL }) => {
        afters.push(url.searchParams.get("after"))
        round += 1
        return {
          body: {
            messages:
              round === 1
                ? [message("m1")]
                : round === 2
                  ? [
                      message("m2", {
                        text: null,
                        image_url: `${BOOKING}/messages/images/escupl_7`,
                      }),
                    ]
                  : [],
          },
        }
      },
    })
    render(<EscortConversation token="tok" bookingId="escbk_1" status="accepted" />)
    expect((await screen.findByTestId("escort-message-text")).textContent).toBe("您好，我是陪诊员")
    await jest.advanceTimersByTimeAsync(4000)
    await waitFor(() => expect(screen.getAllByTestId("escort-message")).toHaveLength(2))
    expect(afters).toEqual([null, "m1"])
    const picture = (await screen.findByTestId("escort-message-image")) as HTMLImageElement
    expect(picture.getAttribute("src")).toBe(`wxfile://tmp${BOOKING}/messages/images/escupl_7`)
    expect(stand.downloads[0].header?.authorization).toBe("Bearer tok")
  })

  it("sends text, and a picture chosen, uploaded as multipart `file` first", async () => {
    const sent: unknown[] = []
    fakeBackend({
      [`GET ${BOOKING}/messages`]: { messages: [] },
      [`POST ${BOOKING}/messages`]: ({ body }: { body: Record<string, string> }) => {
        sent.push(body)
        return {
          status: 201,
          body: {
            message: message(`m${sent.length}`, {
              from: "member",
              text: body.text ?? null,
              image_url: body.image_upload_id ? `${BOOKING}/messages/images/escupl_1` : null,
            }),
          },
        }
      },
    })
    render(<EscortConversation token="tok" bookingId="escbk_1" status="accepted" />)
    await screen.findByTestId("escort-conversation-empty")
    fireEvent.input(screen.getByTestId("escort-message-input"), {
      target: { value: "明早 8 点见" },
    })
    fireEvent.click(screen.getByTestId("escort-message-send"))
    await waitFor(() => expect(screen.getAllByTestId("escort-message")).toHaveLength(1))

    stand.chosenImages = [{ path: "wxfile://tmp/pick.jpg", size: 2048 }]
    fireEvent.click(screen.getByTestId("escort-message-picture"))
    await waitFor(() => expect(screen.getAllByTestId("escort-message")).toHaveLength(2))
    expect(stand.uploads).toEqual([
      expect.objectContaining({
        url: `http://commerce.test${BOOKING}/messages/images`,
        name: "file",
        filePath: "wxfile://tmp/pick.jpg",
      }),
    ])
    expect(sent).toEqual([{ text: "明早 8 点见" }, { image_upload_id: "escupl_1" }])
  })

  it("shows commerce's refusal in Chinese and nothing before payment", async () => {
    fakeBackend({
      [`GET ${BOOKING}/messages`]: { messages: [] },
      [`POST ${BOOKING}/messages`]: refuse(409, "服务完成已超过 7 天，消息记录仅供查看"),
    })
    render(<EscortConversation token="tok" bookingId="escbk_1" status="confirmed" />)
    await screen.findByTestId("escort-conversation-empty")
    fireEvent.input(screen.getByTestId("escort-message-input"), { target: { value: "在吗" } })
    fireEvent.click(screen.getByTestId("escort-message-send"))
    expect((await screen.findByTestId("escort-conversation-error")).textContent).toBe(
      "服务完成已超过 7 天，消息记录仅供查看"
    )
    const { container } = render(
      <EscortConversation token="tok" bookingId="escbk_2" status="pending_payment" />
    )
    expect(container.innerHTML).toBe("")
  })
})

describe("陪诊 service report in the mini-program", () => {
  it("shows the report and saves a document into the health archive with one tap", async () => {
    fakeBackend({
      [`GET ${BOOKING}/service-report`]: {
        report: {
          id: "escrpt_1",
          booking_id: "escbk_1",
          steps: [{ step: "挂号", note: "8:10 取号" }],
          doctor_advice: "低盐饮食，两周后复查",
          documents: [
            {
              id: "escupl_9",
              image_url: `${BOOKING}/messages/images/escupl_9`,
              archived_upload_id: null,
            },
          ],
          created_at: "2026-12-06T10:00:00.000Z",
        },
      },
      [`POST ${BOOKING}/service-report/documents/escupl_9/archive`]: {
        archived: { document_id: "escupl_9", upload_id: "mupl_1" },
      },
    })
    render(<EscortServiceReportView token="tok" bookingId="escbk_1" status="completed" />)
    expect((await screen.findByTestId("escort-doctor-advice")).textContent).toBe(
      "低盐饮食，两周后复查"
    )
    fireEvent.click(screen.getByTestId("escort-archive-escupl_9"))
    await screen.findByTestId("escort-archived-escupl_9")
    expect(stand.toasts).toContain("已保存到健康档案")
    expect(calls().filter((c) => c.startsWith("POST"))).toHaveLength(1)
  })

  it("says the report is coming, and shows nothing before the service is done", async () => {
    fakeBackend({ [`GET ${BOOKING}/service-report`]: { report: null } })
    render(<EscortServiceReportView token="tok" bookingId="escbk_1" status="confirmed" />)
    await screen.findByTestId("escort-report-pending")
    const { container } = render(
      <EscortServiceReportView token="tok" bookingId="escbk_1" status="accompanying" />
    )
    expect(container.innerHTML).toBe("")
  })

  it("reads the report again until the escort has written it, without the page reloading", async () => {
    jest.useFakeTimers()
    let reads = 0
    fakeBackend({
      [`GET ${BOOKING}/service-report`]: () => {
        reads += 1
        return {
          body: {
            report:
              reads < 3
                ? null
                : {
                    id: "escrpt_1",
                    booking_id: "escbk_1",
                    steps: [{ step: "挂号", note: "8:10 取号" }],
                    doctor_advice: "两周后复查心电图",
                    documents: [],
                    created_at: "2026-12-06T10:00:00.000Z",
                  },
          },
        }
      },
    })
    render(<EscortServiceReportView token="tok" bookingId="escbk_1" status="completed" />)
    await screen.findByTestId("escort-report-pending")
    await jest.advanceTimersByTimeAsync(5000)
    await jest.advanceTimersByTimeAsync(5000)
    expect((await screen.findByTestId("escort-doctor-advice")).textContent).toBe("两周后复查心电图")
    await jest.advanceTimersByTimeAsync(20_000)
    expect(reads).toBe(3)
  })
})
