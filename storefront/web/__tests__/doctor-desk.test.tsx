import {
  createDoctorAppClient,
  type ConsultationDetail,
  type DoctorSharedItem,
  type FetchLike,
} from "@health/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { DoctorConsultation } from "@/app/doctor/_components/doctor-consultation"
import { DoctorQueue } from "@/app/doctor/_components/doctor-queue"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"

// jsdom has no Response: the few parts @health/core reads.
const answer = (status: number, body: unknown) =>
  ({ ok: status < 300, status, text: async () => JSON.stringify(body) }) as unknown as Response

/** A fake relay answering by "METHOD /path?query", recording what was sent. */
function fakeRelay(routes: Record<string, (body: unknown) => { status?: number; body: unknown }>) {
  const sent: { call: string; body: unknown }[] = []
  const fetch: FetchLike = async (url, init) => {
    const call = `${init?.method ?? "GET"} ${url.replace(DOCTOR_RELAY_BASE, "")}`
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    sent.push({ call, body })
    const route = routes[call]
    if (!route) return answer(404, { message: "没有找到这次问诊" })
    const given = route(body)
    return answer(given.status ?? 200, given.body)
  }
  return {
    api: createDoctorAppClient({ baseUrl: DOCTOR_RELAY_BASE, publishableKey: "", fetch }),
    sent,
  }
}

const consultation = (
  extra: Partial<ConsultationDetail<DoctorSharedItem>> = {}
): ConsultationDetail<DoctorSharedItem> => ({
  id: "cons_1",
  mode: "text",
  status: "awaiting_doctor",
  status_label: "待接诊",
  question: "最近血压偏高，早上头晕",
  price_fen: 3000,
  doctor: null,
  paid_at: "2026-12-08T00:00:00.000Z",
  answer_due_at: "2026-12-09T00:00:00.000Z",
  accepted_at: null,
  completed_at: null,
  refunded_at: null,
  refund_fen: null,
  refund_reason: null,
  advice: null,
  events: [],
  created_at: "2026-12-08T00:00:00.000Z",
  messages: [],
  shared_items: [],
  ...extra,
})

describe("在线诊室", () => {
  it("lists the waiting consultations with their answer deadline and an empty state per tab", async () => {
    const { api } = fakeRelay({
      "GET /doctor/consultations?tab=waiting": () => ({
        body: { consultations: [consultation()] },
      }),
      "GET /doctor/consultations?tab=done": () => ({ body: { consultations: [] } }),
    })
    render(<DoctorQueue api={api} />)
    expect(await screen.findByText("最近血压偏高，早上头晕")).toBeTruthy()
    expect(screen.getByText(/超时将自动退款/)).toBeTruthy()
    fireEvent.click(screen.getByRole("tab", { name: "已完成" }))
    expect(await screen.findByText("还没有已完成的问诊")).toBeTruthy()
  })

  it("writes the advice note labelled as advice once the consultation is taken", async () => {
    let current = consultation({ status: "in_progress", status_label: "进行中" })
    const { api, sent } = fakeRelay({
      "GET /doctor/consultations/cons_1": () => ({ body: { consultation: current } }),
      "POST /doctor/consultations/cons_1/advice": (body) => {
        const note = body as { health_advice: string; follow_up_advice?: string }
        current = consultation({
          status: "completed",
          status_label: "已完成",
          advice: {
            health_advice: note.health_advice,
            follow_up_advice: note.follow_up_advice ?? null,
            labels: { health_advice: "健康建议", follow_up_advice: "复诊建议" },
            disclaimer: "以上为医生提供的健康咨询建议，不作为诊断或处方依据。",
            at: "2026-12-08T01:00:00.000Z",
          },
        })
        return { status: 201, body: { consultation: current } }
      },
    })
    render(<DoctorConsultation id="cons_1" api={api} />)
    expect(await screen.findByText(/不作诊断、不开处方/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText("健康建议"), { target: { value: "低盐饮食" } })
    fireEvent.change(screen.getByLabelText("复诊建议（选填）"), { target: { value: "两周后复诊" } })
    fireEvent.click(screen.getByRole("button", { name: "提交建议并结束问诊" }))
    await waitFor(() => expect(screen.getByText("已完成", { exact: false })).toBeTruthy())
    expect(sent.find((s) => s.call === "POST /doctor/consultations/cons_1/advice")?.body).toEqual({
      health_advice: "低盐饮食",
      follow_up_advice: "两周后复诊",
    })
    expect(await screen.findByText(/不作为诊断或处方依据/)).toBeTruthy()
  })
})
