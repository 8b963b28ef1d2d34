import {
  escortImageUploadId,
  escortMessageAuthor,
  listEscortMessages,
  mergeEscortMessages,
  openEscortMessageImage,
  sendEscortMessage,
  subscribeEscortMessages,
  uploadEscortMessageImage,
  type EscortMessage,
  type MessageEventSourceLike,
} from "../escort/escort-messages-client"
import {
  archiveEscortReportDocument,
  getEscortServiceReport,
  writeEscortServiceReport,
} from "../escort/escort-service-report-client"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: ReturnType<typeof recordingFetch>["fetch"]) => ({
  baseUrl: "http://shop/",
  publishableKey: "pk",
  fetch,
})
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

const message = (id: string, at: string, extra: Partial<EscortMessage> = {}): EscortMessage => ({
  id,
  from: "escort",
  text: "您好",
  image_url: null,
  created_at: at,
  ...extra,
})

describe("escort messages client", () => {
  it("reads a member's conversation after a message, and an escort's by its task", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { messages: [message("m2", "2026-12-06T08:01:00Z")] } },
      { body: { messages: [] } }
    )
    const read = await listEscortMessages(options(fetch), "tok", "member", "escbk 1", "m1")
    expect(read.map((m) => m.id)).toEqual(["m2"])
    await listEscortMessages(options(fetch), "etok", "escort", "escbk_1")
    expect(calls.map((c) => c.url)).toEqual([
      "http://shop/store/escort-bookings/escbk%201/messages?after=m1",
      "http://shop/escort/tasks/escbk_1/messages",
    ])
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
  })

  it("sends text with a picture uploaded first as multipart `file`", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { upload: { id: "escupl_1" } } },
      { status: 201, body: { message: message("m1", "2026-12-06T08:00:00Z") } }
    )
    const upload = await uploadEscortMessageImage(
      options(fetch),
      "tok",
      "member",
      "escbk_1",
      new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }),
      "化验单.jpg"
    )
    await sendEscortMessage(options(fetch), "tok", "member", "escbk_1", {
      text: "化验单",
      image_upload_id: upload.id,
    })
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk_1/messages/images")
    const form = calls[0].init?.body as FormData
    expect((form.get("file") as File).name).toBe("化验单.jpg")
    expect(headersOf(calls[0].init)["content-type"]).toBeUndefined()
    expect(JSON.parse(calls[1].init?.body as string)).toEqual({
      text: "化验单",
      image_upload_id: "escupl_1",
    })
  })

  it("turns a refusal into an ApiError with commerce's Chinese message", async () => {
    const { fetch } = recordingFetch({
      status: 429,
      body: { type: "too_many_requests", message: "消息发送过于频繁，请 30 秒后再试" },
    })
    await expect(
      sendEscortMessage(options(fetch), "tok", "escort", "escbk_1", { text: "在吗" })
    ).rejects.toEqual(new ApiError(429, "消息发送过于频繁，请 30 秒后再试", "too_many_requests"))
  })

  it("opens only 陪诊 picture paths, with the reader's token", async () => {
    const { fetch, calls } = recordingFetch({ body: {} })
    await openEscortMessageImage(
      options(fetch),
      "tok",
      "/store/escort-bookings/escbk_1/messages/images/escupl_1"
    )
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk_1/messages/images/escupl_1")
    expect(() => openEscortMessageImage(options(fetch), "tok", "/admin/users")).toThrow()
    expect(escortImageUploadId("/escort/tasks/x/messages/images/escupl_9")).toBe("escupl_9")
  })

  it("merges messages once each, oldest first, and names authors for the reader", () => {
    const a = message("a", "2026-12-06T08:00:00Z", { from: "member" })
    const b = message("b", "2026-12-06T08:01:00Z")
    expect(mergeEscortMessages([b], [a, b]).map((m) => m.id)).toEqual(["a", "b"])
    expect(escortMessageAuthor(a, "member")).toBe("我")
    expect(escortMessageAuthor(b, "member")).toBe("陪诊员")
    expect(escortMessageAuthor(a, "escort")).toBe("家属")
    expect(escortMessageAuthor({ from: "staff" }, "member")).toBe("平台客服")
  })
})

describe("escort service report client", () => {
  it("reads, writes and archives a document", async () => {
    const report = {
      id: "escrpt_1",
      booking_id: "escbk_1",
      steps: [{ step: "挂号", note: "8 点取号" }],
      doctor_advice: "低盐饮食",
      documents: [{ id: "escupl_1", image_url: "/x", archived_upload_id: null }],
      created_at: "2026-12-06T10:00:00Z",
    }
    const { fetch, calls } = recordingFetch(
      { body: { report: null } },
      { status: 201, body: { report } },
      { status: 201, body: { archived: { document_id: "escupl_1", upload_id: "mupl_1" } } }
    )
    expect(await getEscortServiceReport(options(fetch), "tok", "member", "escbk_1")).toBeNull()
    await writeEscortServiceReport(options(fetch), "etok", "escbk_1", {
      steps: report.steps,
      doctor_advice: report.doctor_advice,
      document_upload_ids: ["escupl_1"],
    })
    const archived = await archiveEscortReportDocument(options(fetch), "tok", "escbk_1", "escupl_1")
    expect(archived.upload_id).toBe("mupl_1")
    expect(calls.map((c) => [c.init?.method ?? "GET", c.url])).toEqual([
      ["GET", "http://shop/store/escort-bookings/escbk_1/service-report"],
      ["POST", "http://shop/escort/tasks/escbk_1/service-report"],
      [
        "POST",
        "http://shop/store/escort-bookings/escbk_1/service-report/documents/escupl_1/archive",
      ],
    ])
  })
})

function fakeEventSource() {
  const listeners: ((event: { data: string }) => void)[] = []
  const source: MessageEventSourceLike & { readyState: number } = {
    readyState: 1,
    addEventListener: (type, listener) => {
      if (type === "message") listeners.push(listener)
    },
    onopen: null,
    onerror: null,
    close() {
      source.readyState = 2
    },
  }
  return {
    source,
    open: () => source,
    push: (m: EscortMessage) =>
      listeners.forEach((listener) => listener({ data: JSON.stringify(m) })),
  }
}

describe("subscribeEscortMessages", () => {
  const flush = () => new Promise((resolve) => setImmediate(resolve))
  afterEach(() => jest.useRealTimers())

  it("shows the conversation, then pushed messages once each, and catches up on reconnect", async () => {
    const es = fakeEventSource()
    const load = jest
      .fn()
      .mockResolvedValueOnce([message("m1", "2026-12-06T08:00:00Z")])
      .mockResolvedValueOnce([message("m3", "2026-12-06T08:03:00Z")])
    const seen: string[][] = []
    const stop = subscribeEscortMessages({
      load,
      onChange: (all) => seen.push(all.map((m) => m.id)),
      stream: { url: "/api/escort/bookings/escbk_1/stream", open: es.open },
    })
    await flush()
    es.push(message("m2", "2026-12-06T08:02:00Z"))
    es.push(message("m2", "2026-12-06T08:02:00Z"))
    es.source.onopen?.({})
    await flush()
    expect(seen).toEqual([["m1"], ["m1", "m2"], ["m1", "m2", "m3"]])
    expect(load.mock.calls).toEqual([[null], ["m2"]])
    stop()
    expect(es.source.readyState).toBe(2)
  })

  it("polls ?after= where there is no EventSource (the mini-program)", async () => {
    jest.useFakeTimers()
    const load = jest
      .fn()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([message("m1", "2026-12-06T08:00:00Z")])
      .mockResolvedValue([])
    const seen: number[] = []
    const stop = subscribeEscortMessages({
      load,
      onChange: (all) => seen.push(all.length),
      pollMs: 1000,
    })
    await jest.advanceTimersByTimeAsync(0)
    await jest.advanceTimersByTimeAsync(1000)
    await jest.advanceTimersByTimeAsync(1000)
    expect(seen).toEqual([0, 1])
    expect(load.mock.calls).toEqual([[null], [null], ["m1"]])
    stop()
  })
})
