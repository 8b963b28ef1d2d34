import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import EscortBook from "../src/packages/escort/book/index"
import EscortBookingPage, { ESCORT_POLL_MS } from "../src/packages/escort/detail/index"
import EscortBookings from "../src/packages/escort/list/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  session.setToken("tok_1")
})
afterEach(() => jest.useRealTimers())

const services = [
  {
    id: "prod_half",
    variant_id: "variant_half",
    title: "半日陪诊",
    description: null,
    price_fen: 19900,
    duration_hours: 4,
    extra_hour_fen: 5000,
    extras: [{ code: "wheelchair", label: "轮椅协助", price_fen: 3000 }],
  },
]

const event = (id: string, status: string, at: string) => ({
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

const booking = (status: string, status_label: string, events: unknown[]) => ({
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

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })

/** The CMS's consent pages by slug, each published at version 2026-12. */
const consentPages = ({ url }: { url: URL }) => {
  const slug = url.searchParams.get("filters[slug][$eq]") as string
  return {
    body: {
      data: [
        { documentId: `doc-${slug}`, slug, title: `《${slug}》`, version: "2026-12", body: "正文" },
      ],
      meta: {},
    },
  }
}

const CONSENT_KINDS = [
  "privacy_policy",
  "personal_info",
  "sensitive_personal_info",
  "escort_sharing",
]

const tickConsents = async () => {
  for (const kind of CONSENT_KINDS) {
    fireEvent.click(await screen.findByTestId(`escort-consent-${kind}`))
  }
}

const ACCEPTED = CONSENT_KINDS.map((kind) => ({ kind, version: "2026-12" }))

describe("预约陪诊", () => {
  it("prices the choice as it changes and books with the variant, extras and the person served", async () => {
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "POST /store/escort-bookings": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { booking: { id: "escbk_1", status: "pending_payment" } } }
      },
    })
    render(<EscortBook />)
    const price = await screen.findByTestId("escort-price")
    expect(price.textContent).toBe("¥199.00")
    fireEvent.click(screen.getByTestId("escort-extra-wheelchair"))
    expect(price.textContent).toBe("¥229.00")
    type("escort-end", "12:30")
    expect(price.textContent).toBe("¥279.00")
    type("escort-city", "长沙市")
    type("escort-hospital", "中南大学湘雅医院")
    type("escort-department", "心血管内科")
    type("escort-date", "2026-12-20")
    type("escort-personName", "张桂兰")
    type("escort-personId", "11010519491231002X")
    // Not saved as a 就诊人: sent as typed, as older clients do.
    fireEvent.click(screen.getByTestId("person-served-save"))
    type("escort-meetingPoint", "门诊楼一楼大厅")
    type("escort-needs", "轮椅，说长沙话")
    await tickConsents()
    fireEvent.click(screen.getByTestId("escort-submit"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(sent).toEqual([
      {
        variant_id: "variant_half",
        extras: ["wheelchair"],
        city: "长沙市",
        hospital_name: "中南大学湘雅医院",
        department: "心血管内科",
        date: "2026-12-20",
        time_window: { start: "08:00", end: "12:30" },
        person: { name: "张桂兰", id_number: "11010519491231002X" },
        meeting_point: "门诊楼一楼大厅",
        needs: ["轮椅", "说长沙话"],
        consents: ACCEPTED,
      },
    ])
    expect(stand.navigations[0]).toEqual({
      kind: "redirectTo",
      url: "/packages/escort/detail/index?id=escbk_1",
    })
  })

  it("shows commerce's refusal in Chinese", async () => {
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "POST /store/escort-bookings": refuse(400, "请填写正确的 18 位身份证号"),
    })
    render(<EscortBook />)
    fireEvent.click(await screen.findByTestId("person-served-save"))
    await tickConsents()
    fireEvent.click(await screen.findByTestId("escort-submit"))
    expect((await screen.findByTestId("escort-error")).textContent).toBe(
      "请填写正确的 18 位身份证号"
    )
    expect(stand.navigations).toEqual([])
  })

  it("sends nothing until every consent is ticked, naming the ones left", async () => {
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
    })
    render(<EscortBook />)
    fireEvent.click(await screen.findByTestId("escort-consent-privacy_policy"))
    fireEvent.click(screen.getByTestId("escort-consent-personal_info"))
    fireEvent.click(screen.getByTestId("escort-submit"))
    expect((await screen.findByTestId("escort-error")).textContent).toBe(
      "请阅读并勾选同意：「敏感个人信息处理同意」、「向陪诊员提供就诊人信息的单独同意」"
    )
    expect(calls()).not.toContain("POST /store/escort-bookings")
  })
})

describe("预约陪诊: hospital and department from the catalogue", () => {
  const hospitals = [
    {
      id: "hosp-xiangya",
      name: "中南大学湘雅医院",
      level: "三级甲等",
      city: "长沙市",
      address: "湖南省长沙市开福区湘雅路 87 号",
      latitude: 28.2161,
      longitude: 112.9887,
      guide: null,
      departments: [
        {
          id: "dept-cardio",
          name: "心血管内科",
          sop: [{ step: "挂号", step_key: "register", title: "取号挂号", tips: null }],
        },
        { id: "dept-neuro", name: "神经内科", sop: [] },
      ],
    },
    {
      id: "hosp-yueyang",
      name: "岳阳市中心医院",
      level: "三级甲等",
      city: "岳阳市",
      address: "湖南省岳阳市岳阳楼区东茅岭路 39 号",
      latitude: 29.3625,
      longitude: 113.1288,
      guide: null,
      departments: [{ id: "dept-ortho", name: "骨科", sop: [] }],
    },
  ]

  const fill = async () => {
    await tickConsents()
    type("escort-date", "2026-12-20")
    type("escort-personName", "张桂兰")
    type("escort-personId", "11010519491231002X")
    fireEvent.click(screen.getByTestId("person-served-save"))
    type("escort-meetingPoint", "门诊楼一楼大厅")
  }

  it("picks the city, hospital and department from the list, shows the SOP, and sends the ids", async () => {
    const sent: any[] = []
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "GET /store/escort-hospitals": { hospitals },
      "POST /store/escort-bookings": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { booking: { id: "escbk_2", status: "pending_payment" } } }
      },
    })
    render(<EscortBook />)
    expect(await screen.findByTestId("escort-hospital-choice")).toBeTruthy()
    expect(screen.queryByTestId("escort-hospital")).toBeNull()
    expect(screen.getByTestId("escort-department-sop").textContent).toContain("挂号：取号挂号")
    fireEvent.click(screen.getAllByTestId("escort-department-option")[1])
    expect(screen.queryByTestId("escort-department-sop")).toBeNull()
    fireEvent.click(screen.getAllByTestId("escort-city-option")[1])
    expect(screen.getAllByTestId("escort-hospital-option").map((o) => o.textContent)).toEqual([
      "岳阳市中心医院（三级甲等）湖南省岳阳市岳阳楼区东茅岭路 39 号",
    ])
    await fill()
    fireEvent.click(screen.getByTestId("escort-submit"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toMatchObject({
      city: "岳阳市",
      hospital_id: "hosp-yueyang",
      hospital_name: "岳阳市中心医院",
      department_id: "dept-ortho",
      department: "骨科",
    })
  })

  it("types the hospital in for a city not in the list", async () => {
    const sent: any[] = []
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "GET /store/escort-hospitals": { hospitals },
      "POST /store/escort-bookings": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { booking: { id: "escbk_3", status: "pending_payment" } } }
      },
    })
    render(<EscortBook />)
    fireEvent.click(await screen.findByTestId("escort-city-other"))
    type("escort-city", "常德市")
    type("escort-hospital", "常德市第一人民医院")
    type("escort-department", "老年科")
    await fill()
    fireEvent.click(screen.getByTestId("escort-submit"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toMatchObject({
      city: "常德市",
      hospital_name: "常德市第一人民医院",
      department: "老年科",
    })
    expect(sent[0].hospital_id).toBeUndefined()
  })
})

describe("我的陪诊", () => {
  it("says so when there are none, and lists bookings opening their detail", async () => {
    fakeBackend({ "GET /store/escort-bookings": { bookings: [] } })
    const { unmount } = render(<EscortBookings />)
    expect(await screen.findByTestId("escort-bookings-empty")).toBeTruthy()
    unmount()

    fakeBackend({ "GET /store/escort-bookings": { bookings: [booking("accepted", "已接单", [])] } })
    render(<EscortBookings />)
    fireEvent.click(await screen.findByTestId("escort-booking-row"))
    expect(stand.navigations[0].url).toBe("/packages/escort/detail/index?id=escbk_1")
  })
})

describe("陪诊详情", () => {
  const early = [
    event("e1", "pending_payment", "2026-12-06T00:00:00.000Z"),
    event("e2", "awaiting_escort", "2026-12-06T00:05:00.000Z"),
    event("e3", "accepted", "2026-12-06T00:30:00.000Z"),
  ]

  it("follows the timeline by polling, masks the ID number and confirms a finished service", async () => {
    jest.useFakeTimers()
    let current = booking("accepted", "已接单", early)
    fakeBackend({
      "GET /store/escort-bookings/escbk_1": () => ({ body: { booking: current } }),
      "POST /store/escort-bookings/escbk_1/confirm": () => {
        current = booking("confirmed", "已确认", [
          ...current.events,
          event("e9", "confirmed", "2026-12-06T05:00:00.000Z"),
        ])
        return { body: { booking: current } }
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortBookingPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(screen.getByTestId("escort-person").textContent).toBe(
      "就诊人：张桂兰 1101**********002X"
    )
    expect(screen.getByTestId("timeline-accepted").dataset.state).toBe("current")
    expect(screen.getByTestId("timeline-accepted").textContent).toBe("● 已接单 2026-12-06 08:30")
    expect(screen.queryByTestId("escort-confirm")).toBeNull()
    expect(screen.getByTestId("escort-cancel")).toBeTruthy()

    const serving = [
      ...early,
      event("e4", "departed", "2026-12-06T01:00:00.000Z"),
      event("e5", "arrived", "2026-12-06T01:30:00.000Z"),
      event("e6", "accompanying", "2026-12-06T01:40:00.000Z"),
      { ...event("e61", "sop_step", "2026-12-06T01:50:00.000Z"), sop_step: "挂号", note: "12 号" },
      { ...event("e62", "sop_step", "2026-12-06T02:20:00.000Z"), sop_step: "候诊" },
    ]
    current = booking("accompanying", "陪同就医", serving)
    await act(() => jest.advanceTimersByTimeAsync(ESCORT_POLL_MS))
    expect(screen.getByTestId("timeline-accompanying").dataset.state).toBe("current")
    expect(screen.getAllByTestId("timeline-sop-step").map((step) => step.textContent)).toEqual([
      "· 挂号 2026-12-06 09:50：12 号",
      "· 候诊 2026-12-06 10:20",
    ])

    current = booking("completed", "服务完成", [
      ...serving,
      event("e7", "completed", "2026-12-06T04:00:00.000Z"),
    ])
    await act(() => jest.advanceTimersByTimeAsync(ESCORT_POLL_MS))
    expect(screen.getByTestId("escort-status").textContent).toBe("服务完成")
    expect(screen.getByTestId("timeline-completed").dataset.state).toBe("current")
    expect(screen.queryByTestId("escort-cancel")).toBeNull()

    fireEvent.click(screen.getByTestId("escort-confirm"))
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(stand.toasts).toContain("已确认服务完成")
    expect(screen.getByTestId("escort-status").textContent).toBe("已确认")
    expect(calls()).toContain("POST /store/escort-bookings/escbk_1/confirm")
  })

  it("pays with WeChat Pay in the H5 build and cancels with the refund the rule gave", async () => {
    let current = booking("pending_payment", "待支付", early.slice(0, 1))
    const paid: unknown[] = []
    fakeBackend({
      "GET /store/escort-bookings/escbk_1": () => ({ body: { booking: current } }),
      "POST /store/escort-bookings/escbk_1/pay": ({ body }: { body: unknown }) => {
        paid.push(body)
        return {
          body: {
            cart_id: "cart_9",
            action: { kind: "redirect", url: "https://wx.tenpay.com/h5", expires_at: "x" },
          },
        }
      },
      "POST /store/escort-bookings/escbk_1/cancel": () => {
        current = booking("refunded", "已退款", [
          ...current.events,
          event("e9", "refunded", "2026-12-06T02:00:00.000Z"),
        ])
        return { body: { booking: current, refund_fen: 19900 } }
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortBookingPage />)
    fireEvent.click(await screen.findByTestId("escort-pay"))
    expect((await screen.findByTestId("h5-pay-url")).textContent).toBe("https://wx.tenpay.com/h5")
    expect(paid).toEqual([
      { payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "mobile_browser" } },
    ])

    fireEvent.click(screen.getByTestId("escort-cancel"))
    await waitFor(() => expect(stand.toasts).toContain("已取消，退款 ¥199.00"))
    expect((await screen.findByTestId("timeline-ending")).textContent).toBe("已退款")
  })

  it("drops WeChat Pay's link once the timeline shows the booking paid, without 我已完成支付", async () => {
    jest.useFakeTimers()
    let current = booking("pending_payment", "待支付", early.slice(0, 1))
    fakeBackend({
      "GET /store/escort-bookings/escbk_1": () => ({ body: { booking: current } }),
      "POST /store/escort-bookings/escbk_1/pay": {
        cart_id: "cart_9",
        action: { kind: "redirect", url: "https://wx.tenpay.com/h5", expires_at: "x" },
      },
    })
    stand.params = { id: "escbk_1" }
    render(<EscortBookingPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    fireEvent.click(screen.getByTestId("escort-pay"))
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(screen.getByTestId("h5-pay-url").textContent).toBe("https://wx.tenpay.com/h5")

    // WeChat Pay's callback reached commerce: the next read shows it 待接单.
    current = booking("awaiting_escort", "待接单", early.slice(0, 2))
    await act(() => jest.advanceTimersByTimeAsync(ESCORT_POLL_MS))
    expect(screen.getByTestId("escort-status").textContent).toBe("待接单")
    expect(screen.queryByTestId("h5-pay-url")).toBeNull()
    expect(screen.queryByText("我已完成支付")).toBeNull()
  })
})
