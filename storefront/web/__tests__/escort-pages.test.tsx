import type {
  EscortBookingDetail,
  EscortService,
  EscortSubscriptionOptions,
  EscortTimelineEvent,
} from "@health/core"
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { EscortBookingForm } from "@/components/escort/escort-booking-form"
import { EscortBookingPanel } from "@/components/escort/escort-booking-panel"
import { EscortTimeline } from "@/components/escort/escort-timeline"

const services: EscortService[] = [
  {
    id: "prod_half",
    variant_id: "variant_half",
    title: "半日陪诊",
    description: "4 小时内陪同就医",
    price_fen: 19900,
    duration_hours: 4,
    extra_hour_fen: 5000,
    extras: [
      { code: "wheelchair", label: "轮椅协助", price_fen: 3000 },
      { code: "dialect", label: "方言沟通", price_fen: 2000 },
    ],
  },
  {
    id: "prod_full",
    variant_id: "variant_full",
    title: "全日陪诊",
    description: null,
    price_fen: 35900,
    duration_hours: 8,
    extra_hour_fen: 4500,
    extras: [],
  },
]

const event = (id: string, status: string, at: string): EscortTimelineEvent => ({
  id,
  status,
  status_label: null,
  at,
  actor_type: "escort",
  note: null,
  location: null,
  report_type: null,
  flagged: false,
})

const EVENTS = [
  event("e1", "pending_payment", "2026-12-06T00:00:00.000Z"),
  event("e2", "awaiting_escort", "2026-12-06T00:05:00.000Z"),
  event("e3", "accepted", "2026-12-06T00:30:00.000Z"),
]

const booking = (
  status: EscortBookingDetail["status"],
  status_label: string,
  events = EVENTS
): EscortBookingDetail => ({
  id: "escbk_1",
  status,
  status_label,
  service: { id: "prod_half", name: "半日陪诊" },
  hospital: { id: null, name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: "1101**********002X" },
  meeting_point: "门诊楼一楼大厅",
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T00:00:00.000Z",
  events,
})

describe("预约陪诊 form", () => {
  it("shows the price as the service, the hours and the extras change", () => {
    render(<EscortBookingForm services={services} book={jest.fn()} today="2026-12-06" />)
    const price = screen.getByTestId("escort-price")
    expect(price.textContent).toBe("应付 ¥199.00")
    fireEvent.click(screen.getByLabelText(/轮椅协助/))
    expect(price.textContent).toBe("应付 ¥229.00")
    // 08:00-13:00 is one hour over the four the price covers.
    fireEvent.change(screen.getByLabelText("结束时间"), { target: { value: "13:00" } })
    expect(price.textContent).toBe("应付 ¥279.00")
    fireEvent.click(screen.getByLabelText(/全日陪诊/))
    expect(price.textContent).toBe("应付 ¥359.00")
    expect(screen.queryByTestId("escort-extras")).toBeNull()
    expect(screen.getByLabelText("就诊日期").getAttribute("min")).toBe("2026-12-06")
  })

  it("sends the choice to the action and shows its Chinese refusal, keeping what was typed except the ID number", async () => {
    const book = jest.fn(async (_state: unknown, form: FormData) => ({
      error: "请填写正确的 18 位身份证号",
      fields: { variant_id: String(form.get("variant_id")), hospital_name: "湘雅医院" },
    }))
    render(
      <EscortBookingForm services={services} book={book} today="2026-12-06" chosen="prod_full" />
    )
    fireEvent.change(screen.getByLabelText("医院"), { target: { value: "湘雅医院" } })
    fireEvent.change(screen.getByLabelText("身份证号"), { target: { value: "110105194912310021" } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId("escort-booking-form"))
    })
    expect(book).toHaveBeenCalledTimes(1)
    const sent = book.mock.calls[0][1] as FormData
    expect(sent.get("variant_id")).toBe("variant_full")
    expect(sent.get("person_id_number")).toBe("110105194912310021")
    expect(screen.getByRole("alert").textContent).toBe("请填写正确的 18 位身份证号")
    expect((screen.getByLabelText("医院") as HTMLInputElement).value).toBe("湘雅医院")
    expect((screen.getByLabelText("身份证号") as HTMLInputElement).value).toBe("")
  })
})

describe("陪诊 timeline", () => {
  it("draws every step, stamps the reached ones in Beijing time and highlights the current one", () => {
    render(<EscortTimeline booking={booking("accepted", "已接单")} />)
    const accepted = screen.getByTestId("timeline-accepted")
    expect(accepted.getAttribute("aria-current")).toBe("step")
    expect(within(accepted).getByText("2026-12-06 08:30")).toBeTruthy()
    expect(screen.getByTestId("timeline-pending_payment").dataset.state).toBe("done")
    expect(screen.getByTestId("timeline-departed").dataset.state).toBe("upcoming")
    expect(screen.getByTestId("timeline-departed").querySelector("time")).toBeNull()
    expect(
      screen.getAllByRole("listitem").map((li) => li.querySelector(".timeline-label")?.textContent)
    ).toEqual([
      "待支付",
      "待接单",
      "已接单",
      "已出发",
      "已到达",
      "陪同就医",
      "服务完成",
      "已确认",
      "已评价",
    ])
  })
})

describe("陪诊 timeline SOP steps", () => {
  it("lists the SOP steps the escort recorded under 陪同就医, with their Beijing times and notes", () => {
    const during = [
      ...EVENTS,
      event("e4", "departed", "2026-12-06T00:40:00.000Z"),
      event("e5", "arrived", "2026-12-06T01:00:00.000Z"),
      event("e6", "accompanying", "2026-12-06T01:05:00.000Z"),
      { ...event("e7", "sop_step", "2026-12-06T01:10:00.000Z"), sop_step: "挂号", note: "12 号" },
      { ...event("e8", "sop_step", "2026-12-06T01:45:00.000Z"), sop_step: "候诊" },
    ]
    render(<EscortTimeline booking={booking("accompanying", "陪同就医", during)} />)
    const accompanying = screen.getByTestId("timeline-accompanying")
    const done = within(accompanying).getAllByTestId("timeline-sop-step")
    expect(done.map((li) => li.textContent)).toEqual([
      "挂号 2026-12-06 09:10：12 号",
      "候诊 2026-12-06 09:45",
    ])
    expect(screen.getByTestId("timeline-arrived").querySelector(".timeline-sop-steps")).toBeNull()
  })
})

describe("陪诊 detail panel", () => {
  it("follows the pushed timeline and offers what the live status allows", async () => {
    let push: EscortSubscriptionOptions["onChange"] = () => undefined
    const stop = jest.fn()
    const subscribe = jest.fn((options: EscortSubscriptionOptions) => {
      push = options.onChange
      return stop
    })
    const confirmDone = jest.fn(async () => ({ notice: "已确认服务完成，感谢您的信任" }))
    const { unmount } = render(
      <EscortBookingPanel
        initial={booking("accepted", "已接单")}
        payForm={<p data-testid="pay-form">pay</p>}
        cancel={jest.fn()}
        confirmDone={confirmDone}
        subscribe={subscribe}
      />
    )
    expect(subscribe.mock.calls[0][0].stream).toBeUndefined() // jsdom has no EventSource: polls
    expect(screen.getByTestId("escort-status").textContent).toBe("已接单")
    expect(screen.queryByTestId("pay-form")).toBeNull()
    expect(screen.getByRole("button", { name: "取消预约" })).toBeTruthy()
    expect(screen.queryByRole("button", { name: "确认服务完成" })).toBeNull()

    const done = [
      ...EVENTS,
      event("e4", "departed", "2026-12-06T01:00:00.000Z"),
      event("e5", "arrived", "2026-12-06T01:30:00.000Z"),
      event("e6", "accompanying", "2026-12-06T01:40:00.000Z"),
      event("e7", "completed", "2026-12-06T04:00:00.000Z"),
    ]
    act(() => push(booking("completed", "服务完成", done)))
    expect(screen.getByTestId("escort-status").textContent).toBe("服务完成")
    expect(screen.getByTestId("timeline-completed").getAttribute("aria-current")).toBe("step")
    expect(screen.queryByRole("button", { name: "取消预约" })).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "确认服务完成" }))
    })
    expect(confirmDone).toHaveBeenCalledWith("escbk_1")
    expect(screen.getByRole("status").textContent).toBe("已确认服务完成，感谢您的信任")
    unmount()
    expect(stop).toHaveBeenCalled()
  })

  it("shows the pay form while unpaid and the refund the rule gave on cancelling", async () => {
    const cancel = jest.fn(async () => ({ notice: "已取消，¥159.20 将原路退回" }))
    render(
      <EscortBookingPanel
        initial={booking("pending_payment", "待支付", EVENTS.slice(0, 1))}
        payForm={<p data-testid="pay-form">pay</p>}
        cancel={cancel}
        confirmDone={jest.fn()}
        ask={() => true}
        subscribe={() => () => undefined}
      />
    )
    expect(screen.getByTestId("pay-form")).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "取消预约" }))
    })
    expect(cancel).toHaveBeenCalledWith("escbk_1")
    expect(screen.getByRole("status").textContent).toBe("已取消，¥159.20 将原路退回")
  })

  it("offers rating and the service report as soon as 服务完成 is pushed, without a reload", async () => {
    let push: EscortSubscriptionOptions["onChange"] = () => undefined
    const answers: Record<string, unknown> = {
      "/api/escort/bookings/escbk_1/messages": { messages: [] },
      "/api/escort/bookings/escbk_1/service-report": { report: null },
    }
    const fetchMock = jest.fn(async (input: RequestInfo | URL) => {
      const path = String(input).split("?")[0]
      return { ok: true, status: 200, json: async () => answers[path] } as unknown as Response
    })
    const realFetch = global.fetch
    global.fetch = fetchMock as unknown as typeof fetch
    try {
      render(
        <EscortBookingPanel
          initial={booking("accompanying", "陪同就医")}
          cancel={jest.fn()}
          confirmDone={jest.fn()}
          afterService={{ confirm: jest.fn(), dispute: jest.fn() }}
          subscribe={(options) => {
            push = options.onChange
            return () => undefined
          }}
        />
      )
      expect(screen.queryByTestId("escort-confirm-service")).toBeNull()
      await screen.findByText("陪诊员完成服务后会在这里填写服务报告，请稍后查看。")
      const done = [...EVENTS, event("e7", "completed", "2026-12-06T04:00:00.000Z")]
      act(() => push(booking("completed", "服务完成", done)))
      expect(screen.getByTestId("escort-confirm-service")).toBeTruthy()
      expect(screen.getByRole("button", { name: "请先打分" })).toBeTruthy()
      // The report is read again now that it can exist.
      await waitFor(() =>
        expect(
          fetchMock.mock.calls.filter(([url]) => String(url).endsWith("/service-report"))
        ).toHaveLength(2)
      )
    } finally {
      global.fetch = realFetch
    }
  })
})
