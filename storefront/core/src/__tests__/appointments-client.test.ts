import {
  clinicSignupState,
  formatAppointmentDay,
  isActiveAppointment,
  plainRefusal,
  slotLabel,
} from "../appointments/appointment-rules"
import { createCmsClient } from "../cms/client"
import { createAppointmentsClient } from "../commerce/appointments-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createAppointmentsClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("appointments client", () => {
  it("lists the member's appointments with their token, never cached", async () => {
    const { fetch, calls } = recordingFetch({ body: { appointments: [{ id: "appt_1" }] } })
    expect(await client(fetch).list("tok")).toEqual([{ id: "appt_1" }])
    expect(calls[0].url).toBe("http://shop/store/appointments")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(headersOf(calls[0].init)["x-publishable-api-key"]).toBe("pk")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("books, reschedules and cancels with the bodies commerce expects", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { appointment: { id: "appt/1", status: "pending" } } },
      { body: { appointment: { id: "appt/1", status: "rescheduled" } } },
      { body: { appointment: { id: "appt/1", status: "cancelled" } } }
    )
    const api = client(fetch)
    const booked = await api.book("tok", {
      site_id: "site-1",
      date: "2026-12-03",
      slot: "09:00-10:00",
      person_name: "王小明",
    })
    expect(booked.status).toBe("pending")
    await api.reschedule("tok", "appt/1", { date: "2026-12-04", slot: "10:00-11:00" })
    await api.cancel("tok", "appt/1", "临时有事")
    expect(calls.map((c) => [c.init?.method, new URL(c.url).pathname, c.init?.body])).toEqual([
      [
        "POST",
        "/store/appointments",
        JSON.stringify({
          site_id: "site-1",
          date: "2026-12-03",
          slot: "09:00-10:00",
          person_name: "王小明",
        }),
      ],
      [
        "POST",
        "/store/appointments/appt%2F1/reschedule",
        JSON.stringify({ date: "2026-12-04", slot: "10:00-11:00" }),
      ],
      ["POST", "/store/appointments/appt%2F1/cancel", JSON.stringify({ reason: "临时有事" })],
    ])
  })

  it("asks for availability of a site from a day for some days", async () => {
    const { fetch, calls } = recordingFetch({ body: { days: [] } })
    await client(fetch).availability("tok", "site 1", { from: "2026-12-01", days: 7 })
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/store/appointments/availability")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      site_id: "site 1",
      from: "2026-12-01",
      days: "7",
    })
  })

  it("turns a full slot and an unreachable CMS into errors with the server's words", async () => {
    const { fetch } = recordingFetch(
      { status: 409, body: { type: "conflict", message: "12月3日（周四）09:00-10:00 已约满" } },
      { status: 503, body: { type: "cms_unavailable", message: "采集点和义诊信息暂时无法读取" } }
    )
    const api = client(fetch)
    const booking = { site_id: "s", date: "2026-12-03", slot: "09:00-10:00" }
    await expect(api.book("tok", booking)).rejects.toEqual(
      new ApiError(409, "12月3日（周四）09:00-10:00 已约满", "conflict")
    )
    await expect(api.book("tok", booking)).rejects.toMatchObject({ status: 503 })
  })

  it("signs up for clinic sessions and lists the member's sign-ups", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { session_id: "s1", confirmed_count: 1, waitlist_count: 0, signup: null } },
      { body: { session_id: "s1", confirmed_count: 1, waitlist_count: 1, signup: { id: "csu" } } },
      { body: { signup: { id: "csu", status: "cancelled" } } },
      { body: { signups: [] } }
    )
    const api = client(fetch)
    await api.clinicSession("tok", "s1")
    await api.signUp("tok", "s1")
    await api.cancelSignUp("tok", "s1")
    expect(await api.mySignups("tok")).toEqual([])
    expect(calls.map((c) => `${c.init?.method ?? "GET"} ${new URL(c.url).pathname}`)).toEqual([
      "GET /store/clinic-sessions/s1/signups",
      "POST /store/clinic-sessions/s1/signups",
      "POST /store/clinic-sessions/s1/signups/cancel",
      "GET /store/clinic-signups",
    ])
  })

  it("lists upcoming clinic sessions from the CMS, soonest first", async () => {
    const { fetch, calls } = recordingFetch({ body: { data: [], meta: { pagination: {} } } })
    const cms = createCmsClient({ baseUrl: "http://cms", fetch })
    await cms.listClinicSessions(new Date("2026-12-01T00:00:00Z"))
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/api/clinic-sessions")
    expect(url.searchParams.get("filters[starts_at][$gt]")).toBe("2026-12-01T00:00:00.000Z")
    expect(url.searchParams.get("sort")).toBe("starts_at:asc")
  })
})

describe("appointment rules", () => {
  it("knows which appointments still hold a place", () => {
    expect(isActiveAppointment({ status: "rescheduled" })).toBe(true)
    expect(isActiveAppointment({ status: "cancelled" })).toBe(false)
    expect(isActiveAppointment({ status: "completed" })).toBe(false)
  })

  it("writes days and slots the way members read them", () => {
    expect(formatAppointmentDay("2026-12-01")).toBe("12月1日 周二")
    const slot = { slot: "09:00-10:00", capacity: 3 }
    expect(slotLabel({ ...slot, remaining: 2, bookable: true })).toBe("余 2")
    expect(slotLabel({ ...slot, remaining: 0, bookable: false })).toBe("已约满")
    expect(slotLabel({ ...slot, remaining: 3, bookable: false })).toBe("不可预约")
    expect(plainRefusal("Invalid request: 请选择采集点")).toBe("请选择采集点")
  })

  it("offers sign-up, the waitlist or cancelling, whichever applies", () => {
    expect(clinicSignupState({ confirmed_count: 3, signup: null }, 5)).toEqual({
      action: "sign_up",
      label: "报名",
      note: "剩余 2 个名额",
    })
    expect(clinicSignupState({ confirmed_count: 5, signup: null }, 5).action).toBe("join_waitlist")
    const waiting = {
      id: "csu",
      session: { id: "s", title: "义诊", starts_at: "", place: null },
      status: "waitlisted" as const,
      status_label: "候补中",
      waitlist_position: 2,
      queued_at: "",
      promoted_at: null,
      cancelled_at: null,
    }
    expect(clinicSignupState({ confirmed_count: 5, signup: waiting }, 5)).toEqual({
      action: "cancel",
      label: "退出候补",
      note: "候补第 2 位，有名额时会通知您",
    })
  })
})
