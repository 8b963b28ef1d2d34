import { createConsultationClient } from "../consultation/consultation-client"
import { createDoctorAppClient } from "../consultation/doctor-app-client"
import { subscribeConsultation } from "../consultation/subscribe-consultation"
import type { EventSourceLike } from "../escort/subscribe"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: Parameters<typeof createConsultationClient>[0]["fetch"]) => ({
  baseUrl: "http://shop/",
  publishableKey: "pk",
  fetch,
})
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body))

describe("consultation client (members)", () => {
  it("asks a doctor with the member's token and pays as escort bookings pay", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { consultation: { id: "cons_1", status: "pending_payment" } } },
      { body: { action: { kind: "none" }, cart_id: "cart_1", amount_fen: 0 } }
    )
    const client = createConsultationClient(options(fetch))
    const asked = await client.ask("tok", {
      doctor_id: "doc_1",
      mode: "text",
      question: "头晕怎么办",
    })
    expect(asked.id).toBe("cons_1")
    expect(calls[0].url).toBe("http://shop/store/consultations")
    expect(headersOf(calls[0].init)).toMatchObject({
      authorization: "Bearer tok",
      "x-publishable-api-key": "pk",
    })
    expect(bodyOf(calls[0].init)).toEqual({
      doctor_id: "doc_1",
      mode: "text",
      question: "头晕怎么办",
    })

    const paid = await client.pay("tok", "cons/1", {
      payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
      store_credit_fen: 3000,
    })
    expect(paid.action).toEqual({ kind: "none" })
    expect(calls[1].url).toBe("http://shop/store/consultations/cons%2F1/pay")
  })

  it("carries commerce's Chinese refusal (another member's consultation is 404)", async () => {
    const { fetch } = recordingFetch({ status: 404, body: { message: "没有找到这次问诊" } })
    const client = createConsultationClient(options(fetch))
    await expect(client.get("tok", "cons_x")).rejects.toEqual(new ApiError(404, "没有找到这次问诊"))
  })
})

describe("consultation client: slots and booking", () => {
  it("lists a doctor's slots without a token and books a phone slot with its start", async () => {
    const slot = {
      start: "2026-12-09T01:00:00.000Z",
      end: "2026-12-09T01:30:00.000Z",
      modes: ["phone", "video"],
      capacity: 1,
      remaining: 1,
    }
    const { fetch, calls } = recordingFetch(
      { body: { slots: [slot] } },
      { body: { slots: [] } },
      { status: 409, body: { message: "该时段已被预约满，请选择其他时段" } }
    )
    const client = createConsultationClient(options(fetch))
    expect(await client.slots("doc/1", { from: "2026-12-09", to: "2026-12-10" })).toEqual([slot])
    expect(calls[0].url).toBe(
      "http://shop/store/doctors/doc%2F1/slots?from=2026-12-09&to=2026-12-10"
    )
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    await client.slots("doc_1")
    expect(calls[1].url).toBe("http://shop/store/doctors/doc_1/slots")

    await expect(
      client.ask("tok", {
        doctor_id: "doc_1",
        mode: "phone",
        slot: slot.start,
        question: "想电话咨询降压药",
      })
    ).rejects.toEqual(new ApiError(409, "该时段已被预约满，请选择其他时段"))
    expect(bodyOf(calls[2].init)).toEqual({
      doctor_id: "doc_1",
      mode: "phone",
      slot: slot.start,
      question: "想电话咨询降压药",
    })
  })
})

describe("doctor app client", () => {
  it("reads the schedule, saves the week and adds and removes an exception", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { schedule: { on_duty: true, rules: [], exceptions: [], slots: [] } } },
      { body: { rules: [{ id: "csrule_1", weekday: 1 }] } },
      { status: 201, body: { exception: { id: "csexc/1", kind: "day_off" } } },
      { body: { id: "csexc/1", deleted: true } }
    )
    const doctor = createDoctorAppClient(options(fetch))
    expect((await doctor.schedule("doc_tok")).on_duty).toBe(true)
    expect(calls[0].url).toBe("http://shop/doctor/schedule")
    const week = [
      {
        weekday: 1,
        start: "09:00",
        end: "12:00",
        slot_minutes: 30,
        modes: ["phone" as const],
        capacity: 1,
      },
    ]
    await doctor.saveWeek("doc_tok", week)
    expect([calls[1].url, calls[1].init?.method]).toEqual([
      "http://shop/doctor/schedule/rules",
      "POST",
    ])
    expect(bodyOf(calls[1].init)).toEqual({ rules: week })
    const off = await doctor.addException("doc_tok", { date: "2026-12-09", kind: "day_off" })
    expect(bodyOf(calls[2].init)).toEqual({ date: "2026-12-09", kind: "day_off" })
    await doctor.removeException("doc_tok", off.id)
    expect([calls[3].url, calls[3].init?.method]).toEqual([
      "http://shop/doctor/schedule/exceptions/csexc%2F1",
      "DELETE",
    ])
    expect(headersOf(calls[3].init).authorization).toBe("Bearer doc_tok")
  })

  it("asks for the middle number of a phone consultation (拨打)", async () => {
    const { fetch, calls } = recordingFetch({
      body: { call: { middle_number: "17000000001", expires_at: "2026-12-09T03:00:00.000Z" } },
    })
    const doctor = createDoctorAppClient(options(fetch))
    expect((await doctor.call("doc_tok", "cons/1")).middle_number).toBe("17000000001")
    expect([calls[0].url, calls[0].init?.method]).toEqual([
      "http://shop/doctor/consultations/cons%2F1/call",
      "POST",
    ])
  })

  it("reads a patient and schedules a follow-up for them", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { patients: [{ customer_id: "cus_1", name: "张三", consultations: 2 }] } },
      { status: 201, body: { follow_up: { id: "consfu_1", due_date: "2026-12-14" } } }
    )
    const doctor = createDoctorAppClient(options(fetch))
    expect((await doctor.patients("doc_tok"))[0].name).toBe("张三")
    expect(calls[0].url).toBe("http://shop/doctor/patients")
    await doctor.scheduleFollowUp("doc_tok", "cus/1", { date: "2026-12-14", note: "复查血压" })
    expect(calls[1].url).toBe("http://shop/doctor/patients/cus%2F1/follow-ups")
    expect(bodyOf(calls[1].init)).toEqual({ date: "2026-12-14", note: "复查血压" })
  })

  it("signs in as a doctor without a bearer and reads the queue tab", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { token: "doc_tok" } },
      { body: { consultations: [] } },
      { status: 201, body: { consultation: { id: "cons_1", status: "completed" } } }
    )
    const doctor = createDoctorAppClient(options(fetch))
    expect(await doctor.signInDoctor("13700000001", "123456")).toBe("doc_tok")
    expect(calls[0].url).toBe("http://shop/auth/doctor/phone")
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    await doctor.queue("doc_tok", "active")
    expect(calls[1].url).toBe("http://shop/doctor/consultations?tab=active")
    await doctor.writeAdvice("doc_tok", "cons_1", { health_advice: "低盐饮食" })
    expect(bodyOf(calls[2].init)).toEqual({ health_advice: "低盐饮食" })
  })
})

describe("subscribeConsultation", () => {
  it("reads again on every timeline or message event and stops when asked", () => {
    const listeners: Record<string, (event: { data: string }) => void> = {}
    let closed = false
    const source: EventSourceLike = {
      readyState: 1,
      addEventListener: (type, listener) => (listeners[type] = listener),
      onerror: null,
      close: () => (closed = true),
    }
    const reload = jest.fn()
    const stop = subscribeConsultation({ reload, stream: { url: "/s", open: () => source } })
    listeners.timeline({ data: "{}" })
    listeners.message({ data: "{}" })
    expect(reload).toHaveBeenCalledTimes(2)
    stop()
    expect(closed).toBe(true)
  })
})
