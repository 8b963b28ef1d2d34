import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import type { EscortMessage, EscortServiceReport } from "@health/core"
import { EscortConversation } from "@/components/escort/escort-conversation"
import { EscortServiceReportView } from "@/components/escort/escort-service-report"

// jsdom has no Response: the part of one the components read.
const json = (body: unknown, status = 200) =>
  ({ ok: status < 400, status, json: async () => body }) as unknown as Response

const message = (id: string, extra: Partial<EscortMessage> = {}): EscortMessage => ({
  id,
  from: "escort",
  text: "您好，我是陪诊员",
  image_url: null,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

/** A fake of this site's relay: answers by method and path, recording every call. */
function relay(routes: Record<string, () => Response>) {
  const calls: { method: string; url: string; body?: BodyInit | null }[] = []
  const fetchJson = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const method = init?.method ?? "GET"
    calls.push({ method, url, body: init?.body })
    const key = `${method} ${url.split("?")[0]}`
    const answer = routes[key]
    if (!answer) throw new Error(`unexpected ${key}`)
    return answer()
  }) as unknown as typeof fetch
  return { fetchJson, calls }
}

describe("EscortConversation", () => {
  const base = "/api/escort/bookings/escbk_1"

  it("shows an empty conversation, then sends text and shows it", async () => {
    const sent = message("m1", { from: "member", text: "明早 8 点门诊楼见" })
    const { fetchJson, calls } = relay({
      [`GET ${base}/messages`]: () => json({ messages: [] }),
      [`POST ${base}/messages`]: () => json({ message: sent }, 201),
    })
    render(<EscortConversation bookingId="escbk_1" fetchJson={fetchJson} />)
    await screen.findByTestId("escort-conversation-empty")

    fireEvent.change(screen.getByPlaceholderText("给陪诊员留言（最多 1000 字）"), {
      target: { value: "  明早 8 点门诊楼见 " },
    })
    fireEvent.click(screen.getByRole("button", { name: "发送" }))
    const list = await screen.findByTestId("escort-messages")
    expect(list.textContent).toContain("明早 8 点门诊楼见")
    expect(list.querySelector("strong")?.textContent).toBe("我")
    expect(
      (screen.getByPlaceholderText("给陪诊员留言（最多 1000 字）") as HTMLTextAreaElement).value
    ).toBe("")
    const post = calls.find((c) => c.method === "POST")!
    expect(JSON.parse(post.body as string)).toEqual({ text: "明早 8 点门诊楼见" })
  })

  it("shows pictures through the site's relay and sends one picked", async () => {
    const { fetchJson, calls } = relay({
      [`GET ${base}/messages`]: () =>
        json({
          messages: [
            message("m1", {
              text: "挂号单",
              image_url: "/store/escort-bookings/escbk_1/messages/images/escupl_1",
            }),
          ],
        }),
      [`POST ${base}/messages/images`]: () => json({ upload: { id: "escupl_2" } }, 201),
      [`POST ${base}/messages`]: () =>
        json(
          { message: message("m2", { from: "member", text: null, image_url: "/x/escupl_2" }) },
          201
        ),
    })
    render(<EscortConversation bookingId="escbk_1" fetchJson={fetchJson} />)
    const picture = (await screen.findByAltText("消息图片")) as HTMLImageElement
    expect(picture.getAttribute("src")).toBe(`${base}/messages/images/escupl_1`)
    expect(screen.getByText("陪诊员")).toBeTruthy()

    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], "化验单.jpg", {
      type: "image/jpeg",
    })
    fireEvent.change(screen.getByTestId("escort-picture"), { target: { files: [file] } })
    await waitFor(() => expect(screen.getAllByAltText("消息图片")).toHaveLength(2))
    const upload = calls.find((c) => c.url === `${base}/messages/images`)!
    expect((upload.body as FormData).get("file")).toBeInstanceOf(File)
    const post = calls.find((c) => c.method === "POST" && c.url === `${base}/messages`)!
    expect(JSON.parse(post.body as string)).toEqual({ image_upload_id: "escupl_2" })
  })

  it("refuses a file that is not a picture before uploading, and shows commerce's refusals", async () => {
    const { fetchJson, calls } = relay({
      [`GET ${base}/messages`]: () => json({ messages: [] }),
      [`POST ${base}/messages`]: () =>
        json({ message: "服务完成已超过 7 天，消息记录仅供查看" }, 409),
    })
    render(<EscortConversation bookingId="escbk_1" fetchJson={fetchJson} />)
    await screen.findByTestId("escort-conversation-empty")
    const pdf = new File(["%PDF-"], "a.pdf", { type: "application/pdf" })
    fireEvent.change(screen.getByTestId("escort-picture"), { target: { files: [pdf] } })
    expect((await screen.findByRole("alert")).textContent).toBe("只能发送 JPG、PNG 或 WebP 图片")
    expect(calls.some((c) => c.url.endsWith("/images"))).toBe(false)

    fireEvent.change(screen.getByPlaceholderText("给陪诊员留言（最多 1000 字）"), {
      target: { value: "还在吗" },
    })
    fireEvent.click(screen.getByRole("button", { name: "发送" }))
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("服务完成已超过 7 天，消息记录仅供查看")
    )
  })
})

describe("EscortServiceReportView", () => {
  const base = "/api/escort/bookings/escbk_1"
  const report: EscortServiceReport = {
    id: "escrpt_1",
    booking_id: "escbk_1",
    steps: [
      { step: "挂号", note: "8:10 取号" },
      { step: "就诊", note: "医生问诊约 15 分钟" },
    ],
    doctor_advice: "低盐饮食，两周后复查心电图",
    documents: [
      {
        id: "escupl_9",
        image_url: "/store/escort-bookings/escbk_1/messages/images/escupl_9",
        archived_upload_id: null,
      },
    ],
    created_at: "2026-12-06T10:00:00.000Z",
  }

  it("says the report is not written yet", async () => {
    const { fetchJson } = relay({ [`GET ${base}/service-report`]: () => json({ report: null }) })
    render(<EscortServiceReportView bookingId="escbk_1" fetchJson={fetchJson} />)
    await screen.findByText("陪诊员完成服务后会在这里填写服务报告，请稍后查看。")
  })

  it("shows the steps and advice, and saves a document into the archive with one tap", async () => {
    const { fetchJson, calls } = relay({
      [`GET ${base}/service-report`]: () => json({ report }),
      [`POST ${base}/service-report/documents/escupl_9/archive`]: () =>
        json({ archived: { document_id: "escupl_9", upload_id: "mupl_1" } }, 201),
    })
    render(<EscortServiceReportView bookingId="escbk_1" fetchJson={fetchJson} />)
    expect((await screen.findByTestId("escort-doctor-advice")).textContent).toBe(
      "低盐饮食，两周后复查心电图"
    )
    expect(screen.getByText("医生问诊约 15 分钟")).toBeTruthy()
    expect(screen.getByAltText("就诊资料照片").getAttribute("src")).toBe(
      `${base}/messages/images/escupl_9`
    )
    fireEvent.click(screen.getByRole("button", { name: "保存到健康档案" }))
    const saved = await screen.findByRole("link", { name: "已保存到健康档案，去查看" })
    expect(saved.getAttribute("href")).toBe("/account/health?tab=uploads")
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1)
  })

  it("reads the report again once the live status says the service is done, until it is written", async () => {
    jest.useFakeTimers()
    let reads = 0
    const { fetchJson } = relay({
      [`GET ${base}/service-report`]: () => {
        reads += 1
        return json({ report: reads < 3 ? null : report })
      },
    })
    const view = render(
      <EscortServiceReportView
        bookingId="escbk_1"
        status="accompanying"
        fetchJson={fetchJson}
        pollMs={5000}
      />
    )
    await screen.findByText("陪诊员完成服务后会在这里填写服务报告，请稍后查看。")
    // Still in service: no report is coming yet, so nothing is read again.
    await jest.advanceTimersByTimeAsync(20_000)
    expect(reads).toBe(1)
    view.rerender(
      <EscortServiceReportView
        bookingId="escbk_1"
        status="completed"
        fetchJson={fetchJson}
        pollMs={5000}
      />
    )
    await waitFor(() => expect(reads).toBe(2))
    await jest.advanceTimersByTimeAsync(5000)
    expect((await screen.findByTestId("escort-doctor-advice")).textContent).toBe(
      "低盐饮食，两周后复查心电图"
    )
    await jest.advanceTimersByTimeAsync(20_000)
    expect(reads).toBe(3)
    jest.useRealTimers()
  })
})
