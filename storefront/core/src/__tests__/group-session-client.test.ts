import {
  createDoctorGroupSessionClient,
  createGroupSessionClient,
} from "../group-session/group-session-client"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: Parameters<typeof createGroupSessionClient>[0]["fetch"]) => ({
  baseUrl: "http://shop/",
  publishableKey: "pk",
  fetch,
})
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body))

describe("group session client (members)", () => {
  it("lists sessions without signing in, then joins and asks with the member's token", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { group_sessions: [{ id: "gsess_1", title: "答疑" }] } },
      { status: 201, body: { group_session: { id: "gsess_1", joined: true } } },
      { status: 201, body: { question: { id: "gsq_1", status: "pending" } } }
    )
    const client = createGroupSessionClient(options(fetch))
    expect((await client.list()).map((s) => s.id)).toEqual(["gsess_1"])
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    expect((await client.join("tok", "gsess/1")).joined).toBe(true)
    expect(calls[1].url).toBe("http://shop/store/group-sessions/gsess%2F1/join")
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
    expect((await client.ask("tok", "gsess_1", "气虚怎么调理？")).status).toBe("pending")
    expect(bodyOf(calls[2].init)).toEqual({ text: "气虚怎么调理？" })
    expect(client.streamPath("gsess_1")).toBe("/store/group-sessions/gsess_1/events/stream")
  })

  it("carries commerce's Chinese refusal", async () => {
    const { fetch } = recordingFetch({ status: 409, body: { message: "本场咨询名额已满" } })
    const client = createGroupSessionClient(options(fetch))
    const error = await client.join("tok", "gsess_1").catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toBe("本场咨询名额已满")
  })
})

describe("group session client (experts)", () => {
  it("schedules, approves, rejects with a reason and answers", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { group_session: { id: "gsess_1" } } },
      { body: { question: { id: "gsq_1", status: "approved" } } },
      { body: { question: { id: "gsq_2", status: "rejected" } } },
      { body: { question: { id: "gsq_1", answer: "多喝水" } } }
    )
    const client = createDoctorGroupSessionClient(options(fetch))
    await client.schedule("", {
      title: "答疑",
      starts_at: "2026-12-20T19:30",
      ends_at: "2026-12-20T20:30",
      capacity: 100,
    })
    expect(bodyOf(calls[0].init)).toMatchObject({ starts_at: "2026-12-20T19:30", capacity: 100 })
    await client.approve("", "gsess_1", "gsq_1")
    await client.reject("", "gsess_1", "gsq_2", "与主题无关")
    await client.answer("", "gsess_1", "gsq_1", "多喝水")
    expect(calls.slice(1).map((c) => [c.url, bodyOf(c.init)])).toEqual([
      ["http://shop/doctor/group-sessions/gsess_1/questions/gsq_1/approve", {}],
      [
        "http://shop/doctor/group-sessions/gsess_1/questions/gsq_2/reject",
        { reason: "与主题无关" },
      ],
      ["http://shop/doctor/group-sessions/gsess_1/questions/gsq_1/answer", { answer: "多喝水" }],
    ])
  })
})
