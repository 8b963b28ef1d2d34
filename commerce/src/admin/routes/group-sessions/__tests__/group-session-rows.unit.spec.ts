import {
  decisionLine,
  decisionRequest,
  orderSessions,
  questionTabs,
  sessionTimes,
} from "../group-session-rows"
import type { AdminGroupQuestion, AdminGroupSession } from "../group-session-types"

const session = (id: string, phase: AdminGroupSession["phase"], starts_at: string) =>
  ({
    id,
    phase,
    starts_at,
    ends_at: new Date(Date.parse(starts_at) + 3600_000).toISOString(),
  }) as AdminGroupSession

const question = (
  id: string,
  status: AdminGroupQuestion["status"],
  created_at: string,
  decided_at: string | null = null
): AdminGroupQuestion => ({
  id,
  asker: "1 号会员",
  text: id,
  status,
  status_label: status,
  answer: null,
  answered_at: null,
  approved_at: status === "approved" ? decided_at : null,
  created_at,
  decided_by_type: decided_at ? "staff" : null,
  decided_at,
  reject_reason: null,
})

describe("在线咨询审核: the sessions", () => {
  it("puts live sessions first, then the next to start, then those over with the latest first", () => {
    const ordered = orderSessions([
      session("ended-old", "ended", "2026-11-01T11:00:00.000Z"),
      session("upcoming-late", "upcoming", "2026-12-30T11:00:00.000Z"),
      session("live", "live", "2026-12-07T11:00:00.000Z"),
      session("ended-new", "ended", "2026-12-01T11:00:00.000Z"),
      session("upcoming-soon", "upcoming", "2026-12-10T11:00:00.000Z"),
    ])
    expect(ordered.map((s) => s.id)).toEqual([
      "live",
      "upcoming-soon",
      "upcoming-late",
      "ended-new",
      "ended-old",
    ])
  })

  it("says the times in Beijing time, with the end's date only when it is another day", () => {
    expect(
      sessionTimes({ starts_at: "2026-12-20T11:30:00.000Z", ends_at: "2026-12-20T12:30:00.000Z" })
    ).toBe("2026-12-20 19:30–20:30")
    expect(
      sessionTimes({ starts_at: "2026-12-20T15:30:00.000Z", ends_at: "2026-12-20T16:30:00.000Z" })
    ).toBe("2026-12-20 23:30–2026-12-21 00:30")
  })
})

describe("在线咨询审核: the questions", () => {
  it("sorts waiting questions oldest first, public ones in the room's order, rejected ones latest decided first", () => {
    const tabs = questionTabs([
      question("p2", "pending", "2026-12-20T11:05:00.000Z"),
      question("a2", "approved", "2026-12-20T11:01:00.000Z", "2026-12-20T11:09:00.000Z"),
      question("r1", "rejected", "2026-12-20T11:00:00.000Z", "2026-12-20T11:02:00.000Z"),
      question("p1", "pending", "2026-12-20T11:03:00.000Z"),
      question("a1", "approved", "2026-12-20T11:04:00.000Z", "2026-12-20T11:06:00.000Z"),
      question("r2", "rejected", "2026-12-20T11:01:00.000Z", "2026-12-20T11:08:00.000Z"),
    ])
    expect({
      pending: tabs.pending.map((q) => q.id),
      approved: tabs.approved.map((q) => q.id),
      rejected: tabs.rejected.map((q) => q.id),
    }).toEqual({ pending: ["p1", "p2"], approved: ["a1", "a2"], rejected: ["r2", "r1"] })
  })

  it("says who decided and when, and nothing for a waiting question", () => {
    const decided = question(
      "a1",
      "approved",
      "2026-12-20T11:04:00.000Z",
      "2026-12-20T11:06:00.000Z"
    )
    expect(decisionLine(decided)).toBe("平台审核 · 2026-12-20 19:06")
    expect(decisionLine({ ...decided, decided_by_type: "doctor" })).toBe("专家 · 2026-12-20 19:06")
    expect(decisionLine(question("p1", "pending", "2026-12-20T11:03:00.000Z"))).toBe("")
  })

  it("builds the approve and reject calls the admin routes take, with the reason trimmed and optional", () => {
    expect(decisionRequest("gs 1", "q/1", { action: "approve" })).toEqual({
      path: "/admin/group-sessions/gs%201/questions/q%2F1/approve",
      body: {},
    })
    expect(
      decisionRequest("gs_1", "q_1", { action: "reject", reason: "  请勿留联系方式 " })
    ).toEqual({
      path: "/admin/group-sessions/gs_1/questions/q_1/reject",
      body: { reason: "请勿留联系方式" },
    })
    expect(decisionRequest("gs_1", "q_1", { action: "reject", reason: "   " })).toEqual({
      path: "/admin/group-sessions/gs_1/questions/q_1/reject",
      body: {},
    })
  })

  it("refuses a reject reason over commerce's 200-character limit before sending it", () => {
    expect(decisionRequest("gs_1", "q_1", { action: "reject", reason: "理".repeat(201) })).toEqual({
      error: "驳回理由不超过 200 字",
    })
    expect(decisionRequest("gs_1", "q_1", { action: "reject", reason: "理".repeat(200) })).toEqual({
      path: "/admin/group-sessions/gs_1/questions/q_1/reject",
      body: { reason: "理".repeat(200) },
    })
  })
})
