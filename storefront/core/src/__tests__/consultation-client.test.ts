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

describe("doctor app client", () => {
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
