import { TextEncoder } from "util"
import Taro from "@tarojs/taro"
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import GroupSessions from "../src/packages/group-session/list/index"
import GroupSessionPage, { GROUP_SESSION_POLL_MS } from "../src/packages/group-session/room/index"
import { weappChunkedStreamTransport } from "../src/lib/member-event-stream"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

const world = globalThis as Record<string, unknown>

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})
afterEach(() => {
  jest.useRealTimers()
  delete world.fetch
  delete world.ReadableStream
})

const texts = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent)

const groupSession = (overrides: Record<string, unknown> = {}) => ({
  id: "gs_1",
  title: "秋冬季血糖管理",
  topic: "控糖饮食与运动",
  // 2026-12-20 19:30–20:30 Beijing time.
  starts_at: "2026-12-20T11:30:00.000Z",
  ends_at: "2026-12-20T12:30:00.000Z",
  capacity: 100,
  joined_count: 12,
  phase: "upcoming",
  phase_label: "即将开始",
  questions_open: true,
  joined: false,
  expert: {
    id: "doc_1",
    name: "王医生",
    title: "主任医师",
    hospital: "岳阳市人民医院",
    photo_url: null,
  },
  ...overrides,
})

const question = (id: string, text: string, answer: string | null = null) => ({
  id,
  asker: "3 号会员",
  text,
  status: "approved",
  status_label: "已公开",
  answer,
  answered_at: answer ? "2026-12-20T11:40:00.000Z" : null,
  approved_at: "2026-12-20T11:35:00.000Z",
  created_at: "2026-12-20T11:31:00.000Z",
})

const mine = (
  id: string,
  text: string,
  status = "pending",
  extra: Record<string, unknown> = {}
) => ({
  ...question(id, text),
  asker: "我",
  status,
  status_label: status === "pending" ? "待审核" : status === "rejected" ? "未通过" : "已公开",
  approved_at: null,
  decided_by_type: null,
  decided_at: null,
  reject_reason: null,
  ...extra,
})

const room = (
  overrides: Record<string, unknown> = {},
  questions: unknown[] = [],
  my: unknown[] = []
) => ({ group_session: groupSession(overrides), questions, my_questions: my })

describe("专家在线咨询: the sessions", () => {
  it("lists upcoming sessions to anyone, with when, the expert, the topic and the seats", async () => {
    let authorization: string | undefined
    fakeBackend({
      "GET /store/group-sessions": ({ headers }: { headers: Record<string, string> }) => {
        authorization = headers.authorization
        return {
          body: {
            group_sessions: [
              groupSession(),
              groupSession({ id: "gs_2", joined: true, phase: "live", phase_label: "进行中" }),
            ],
          },
        }
      },
    })
    render(<GroupSessions />)
    const rows = await screen.findAllByTestId("group-session-row")
    expect(authorization).toBeUndefined()
    expect(rows[0].textContent).toContain("秋冬季血糖管理 · 即将开始")
    expect(rows[0].textContent).toContain("2026-12-20 19:30 至 2026-12-20 20:30 · 王医生 主任医师")
    expect(rows[0].textContent).toContain("控糖饮食与运动")
    expect(rows[0].textContent).toContain("已加入 12 / 100 人")
    expect(rows[1].textContent).toContain("进行中 · 已加入")
    expect(texts("group-session-open")).toEqual(["查看详情", "进入直播间"])
    fireEvent.click(screen.getAllByTestId("group-session-open")[1])
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: "/packages/group-session/room/index?id=gs_2",
    })
  })

  it("says when none is planned, and offers 重试 when commerce fails", async () => {
    session.setToken("tok_1")
    fakeBackend({ "GET /store/group-sessions": { group_sessions: [] } })
    const { unmount } = render(<GroupSessions />)
    expect((await screen.findByTestId("group-sessions-empty")).textContent).toBe(
      "近期没有安排在线咨询，请稍后再来。"
    )
    expect(stand.requests[0].header?.authorization).toBe("Bearer tok_1")
    unmount()
    fakeBackend({ "GET /store/group-sessions": refuse(503, "服务暂不可用") })
    render(<GroupSessions />)
    expect(await screen.findByTestId("state-error")).toBeTruthy()
  })
})

describe("在线咨询直播间: joining and asking", () => {
  it("lets a visitor look and sends them to sign in, back to this room", async () => {
    stand.params = { id: "gs_1" }
    fakeBackend({ "GET /store/group-sessions/gs_1": room() })
    render(<GroupSessionPage />)
    expect((await screen.findByTestId("group-session-when")).textContent).toBe(
      "即将开始 · 2026-12-20 19:30 至 2026-12-20 20:30 · 王医生 主任医师 岳阳市人民医院"
    )
    expect(screen.queryByTestId("group-session-join")).toBeNull()
    expect(screen.queryByTestId("group-session-live")).toBeNull()
    fireEvent.click(screen.getByTestId("group-session-sign-in"))
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: `/pages/login/index?next=${encodeURIComponent("/packages/group-session/room/index?id=gs_1")}`,
    })
  })

  it("joins, then asks: a too-short question is stopped here, a good one waits for the moderator", async () => {
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    let current = room()
    const asked: unknown[] = []
    fakeBackend({
      "GET /store/group-sessions/gs_1": () => ({ body: current }),
      "POST /store/group-sessions/gs_1/join": () => {
        current = room({ joined: true, joined_count: 13 }, [
          question("q_1", "空腹血糖多少算高？", "超过 7.0 需要就医"),
        ])
        return { body: { group_session: current.group_session } }
      },
      "POST /store/group-sessions/gs_1/questions": ({ body }: { body: { text: string } }) => {
        asked.push(body)
        const q = mine("q_2", body.text)
        current = { ...current, my_questions: [q] }
        return { status: 201, body: { question: q } }
      },
    })
    render(<GroupSessionPage />)
    fireEvent.click(await screen.findByTestId("group-session-join"))
    expect((await screen.findByTestId("group-session-notice")).textContent).toBe(
      "已加入，开始前 30 分钟可以提问"
    )
    expect(screen.getByTestId("group-session-seats").textContent).toBe("已加入 13 / 100 人")
    expect(texts("group-session-question")).toEqual([
      "3 号会员：空腹血糖多少算高？专家解答：超过 7.0 需要就医",
    ])
    expect(screen.getByTestId("group-session-mine").textContent).toContain("您还没有提问。")

    fireEvent.change(screen.getByTestId("group-session-ask-text"), { target: { value: "血糖" } })
    fireEvent.click(screen.getByTestId("group-session-ask-submit"))
    expect(screen.getByTestId("group-session-ask-error").textContent).toBe(
      "请写下您的问题（5 至 300 字）"
    )
    expect(asked).toEqual([])

    fireEvent.change(screen.getByTestId("group-session-ask-text"), {
      target: { value: " 餐后两小时血糖 9 正常吗？ " },
    })
    fireEvent.click(screen.getByTestId("group-session-ask-submit"))
    expect((await screen.findByTestId("group-session-ask-notice")).textContent).toBe(
      "已提交，审核通过后会在直播间公开"
    )
    expect(asked).toEqual([{ text: "餐后两小时血糖 9 正常吗？" }])
    await waitFor(() =>
      expect(texts("group-session-my-question")).toEqual(["餐后两小时血糖 9 正常吗？待审核"])
    )
  })

  it("shows commerce's refusal to join a full session, and a rejected question's reason", async () => {
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    fakeBackend({
      "GET /store/group-sessions/gs_1": room(),
      "POST /store/group-sessions/gs_1/join": refuse(409, "本场名额已满"),
    })
    const { unmount } = render(<GroupSessionPage />)
    fireEvent.click(await screen.findByTestId("group-session-join"))
    expect((await screen.findByTestId("group-session-error")).textContent).toBe("本场名额已满")
    expect(screen.queryByTestId("group-session-live")).toBeNull()
    unmount()

    fakeBackend({
      "GET /store/group-sessions/gs_1": room(
        { joined: true, phase: "ended", phase_label: "已结束", questions_open: false },
        [],
        [mine("q_3", "能加您微信吗？", "rejected", { reject_reason: "请勿留联系方式" })]
      ),
    })
    render(<GroupSessionPage />)
    expect((await screen.findByTestId("group-session-closed")).textContent).toBe("本场咨询已结束。")
    expect(screen.getByTestId("group-session-no-questions")).toBeTruthy()
    expect(texts("group-session-my-question")).toEqual(["能加您微信吗？未通过：请勿留联系方式"])
    expect(screen.queryByTestId("group-session-ask")).toBeNull()
    expect(screen.queryByTestId("group-session-join")).toBeNull()
  })

  it("says when asking opens, before 30 minutes ahead of the start", async () => {
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    fakeBackend({
      "GET /store/group-sessions/gs_1": room({ joined: true, questions_open: false }),
    })
    render(<GroupSessionPage />)
    expect((await screen.findByTestId("group-session-closed")).textContent).toBe(
      "开始前 30 分钟开放提问。"
    )
  })
})

const frame = (id: string) =>
  `event: timeline\nid: ${id}\ndata: ${JSON.stringify({ id, kind: "question_approved" })}\n\n`

/** A streaming fetch the test feeds: each request gets a body it can push text into. */
function streamingFetch() {
  const opened: { url: string; headers: Record<string, string>; push: (text: string) => void }[] =
    []
  const fetch = jest.fn(async (url: string, init: { headers: Record<string, string> }) => {
    const queue: Uint8Array[] = []
    let wake: (() => void) | null = null
    opened.push({
      url,
      headers: init.headers,
      push: (text) => {
        queue.push(new TextEncoder().encode(text))
        wake?.()
      },
    })
    return {
      status: 200,
      headers: { get: () => "text/event-stream" },
      body: {
        getReader: () => ({
          read: async () => {
            while (!queue.length) await new Promise<void>((resolve) => (wake = resolve))
            return { done: false, value: queue.shift()! }
          },
        }),
      },
    }
  })
  return { fetch, opened }
}

describe("在线咨询直播间: live", () => {
  it("opens the room's stream with the member's token and shows each approved question and answer as it is pushed, without polling", async () => {
    jest.useFakeTimers()
    const { fetch, opened } = streamingFetch()
    world.fetch = fetch
    world.ReadableStream ??= class {}
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    let current = room({ joined: true, phase: "live", phase_label: "进行中" })
    fakeBackend({ "GET /store/group-sessions/gs_1": () => ({ body: current }) })
    render(<GroupSessionPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(screen.getByTestId("group-session-no-questions")).toBeTruthy()
    expect(opened).toHaveLength(1)
    expect(opened[0].url).toBe("http://commerce.test/store/group-sessions/gs_1/events/stream")
    expect(opened[0].headers).toMatchObject({
      authorization: "Bearer tok_1",
      "x-publishable-api-key": "pk_test",
      accept: "text/event-stream",
    })

    current = room({ joined: true, phase: "live" }, [question("q_1", "运动后血糖会降吗？")])
    await act(async () => {
      opened[0].push(frame("ev_1"))
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(texts("group-session-question")).toEqual(["3 号会员：运动后血糖会降吗？等待专家解答"])

    current = room({ joined: true, phase: "live" }, [
      question("q_1", "运动后血糖会降吗？", "一般会，注意防低血糖"),
    ])
    await act(async () => {
      opened[0].push(frame("ev_2"))
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByTestId("group-session-answer").textContent).toBe(
      "专家解答：一般会，注意防低血糖"
    )

    // While the stream runs nothing polls: one read per event, plus the first.
    await act(() => jest.advanceTimersByTimeAsync(GROUP_SESSION_POLL_MS * 3))
    expect(calls().filter((c) => c === "GET /store/group-sessions/gs_1")).toHaveLength(3)
  })

  it("polls the room where the platform cannot stream, and stops once the page is gone", async () => {
    jest.useFakeTimers()
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    let current = room({ joined: true, phase: "live" })
    fakeBackend({ "GET /store/group-sessions/gs_1": () => ({ body: current }) })
    const { unmount } = render(<GroupSessionPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    current = room({ joined: true, phase: "live" }, [question("q_1", "运动后血糖会降吗？", "会")])
    await act(() => jest.advanceTimersByTimeAsync(GROUP_SESSION_POLL_MS))
    expect(texts("group-session-question")).toEqual(["3 号会员：运动后血糖会降吗？专家解答：会"])
    unmount()
    const reads = calls().length
    await act(() => jest.advanceTimersByTimeAsync(GROUP_SESSION_POLL_MS * 3))
    expect(calls()).toHaveLength(reads)
  })

  it("neither streams nor polls a room the member has not joined, or one that has ended", async () => {
    jest.useFakeTimers()
    const { fetch, opened } = streamingFetch()
    world.fetch = fetch
    world.ReadableStream ??= class {}
    session.setToken("tok_1")
    stand.params = { id: "gs_1" }
    fakeBackend({ "GET /store/group-sessions/gs_1": room({ phase: "live" }) })
    const { unmount } = render(<GroupSessionPage />)
    await act(() => jest.advanceTimersByTimeAsync(GROUP_SESSION_POLL_MS * 2))
    expect(opened).toHaveLength(0)
    expect(calls()).toEqual(["GET /store/group-sessions/gs_1"])
    unmount()

    stand.requests = []
    fakeBackend({
      "GET /store/group-sessions/gs_1": room({
        joined: true,
        phase: "ended",
        questions_open: false,
      }),
    })
    render(<GroupSessionPage />)
    await act(() => jest.advanceTimersByTimeAsync(GROUP_SESSION_POLL_MS * 2))
    expect(opened).toHaveLength(0)
    expect(calls()).toEqual(["GET /store/group-sessions/gs_1"])
  })

  it("streams over WeChat's chunked request in the mini-program", async () => {
    process.env.TARO_ENV = "weapp"
    const taro = Taro as unknown as Record<string, unknown>
    const original = taro.request
    const chunked: Record<string, unknown>[] = []
    const fake = (option: Record<string, unknown>) => {
      if (option.enableChunked) {
        chunked.push(option)
        return {
          onChunkReceived: () => undefined,
          onHeadersReceived: () => undefined,
          abort: () => undefined,
        }
      }
      return (original as (o: unknown) => unknown)(option)
    }
    taro.request = fake
    try {
      session.setToken("tok_1")
      stand.params = { id: "gs_1" }
      fakeBackend({ "GET /store/group-sessions/gs_1": room({ joined: true, phase: "live" }) })
      render(<GroupSessionPage />)
      await waitFor(() => expect(chunked).toHaveLength(1))
      expect(chunked[0]).toMatchObject({
        url: "http://commerce.test/store/group-sessions/gs_1/events/stream",
        method: "GET",
        responseType: "arraybuffer",
        header: { authorization: "Bearer tok_1", accept: "text/event-stream" },
      })
    } finally {
      taro.request = original
    }
  })

  it("decodes a Chinese character split between two chunks", () => {
    const taro = Taro as unknown as Record<string, unknown>
    const original = taro.request
    let chunk: ((r: { data: ArrayBuffer }) => void) | null = null
    let headers: ((r: unknown) => void) | null = null
    taro.request = () => ({
      onHeadersReceived: (callback: (r: unknown) => void) => (headers = callback),
      onChunkReceived: (callback: (r: { data: ArrayBuffer }) => void) => (chunk = callback),
      abort: () => undefined,
    })
    try {
      const seen: unknown[] = []
      weappChunkedStreamTransport(
        { url: "http://commerce.test/s", headers: {} },
        {
          onOpen: (status, type) => seen.push(["open", status, type]),
          onText: (text) => seen.push(["text", text]),
          onEnd: () => seen.push(["end"]),
        }
      )
      headers!({ statusCode: 200, header: { "Content-Type": "text/event-stream" } })
      const bytes = new TextEncoder().encode("data: 答疑\n\n")
      chunk!({ data: bytes.slice(0, 8).buffer })
      chunk!({ data: bytes.slice(8).buffer })
      expect(seen).toEqual([
        ["open", 200, "text/event-stream"],
        ["text", "data: "],
        ["text", "答疑\n\n"],
      ])
    } finally {
      taro.request = original
    }
  })
})
