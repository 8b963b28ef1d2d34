import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import ConsultDoctors from "../src/packages/consult/doctors/index"
import ConsultDoctor from "../src/packages/consult/doctor/index"
import MyConsultations from "../src/packages/consult/list/index"
import ConsultationPage from "../src/packages/consult/detail/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

const texts = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent)

const doctor = (overrides: Record<string, unknown> = {}) => ({
  id: "doc_1",
  name: "王医生",
  title: "主任医师",
  hospital: "岳阳市人民医院",
  departments: ["内分泌科"],
  specialties: ["糖尿病"],
  introduction: "从医二十年",
  photo_url: null,
  license_number: "110430000001",
  license_verified: true,
  prices: { text: 3900, phone: 9900, video: 12900 },
  on_duty: true,
  ...overrides,
})

// 2026-12-08 09:00–09:30 and 10:00–10:30 Beijing time.
const slots = [
  {
    start: "2026-12-08T01:00:00.000Z",
    end: "2026-12-08T01:30:00.000Z",
    modes: ["phone", "video"],
    capacity: 1,
    remaining: 1,
  },
  {
    start: "2026-12-08T02:00:00.000Z",
    end: "2026-12-08T02:30:00.000Z",
    modes: ["video"],
    capacity: 3,
    remaining: 2,
  },
]

const consultation = (overrides: Record<string, unknown> = {}) => ({
  id: "cons_1",
  mode: "text",
  status: "in_progress",
  status_label: "进行中",
  question: "最近血糖偏高怎么办",
  price_fen: 3900,
  doctor: doctor(),
  paid_at: "2026-12-07T01:00:00.000Z",
  answer_due_at: "2026-12-08T01:00:00.000Z",
  accepted_at: "2026-12-07T02:00:00.000Z",
  completed_at: null,
  refunded_at: null,
  refund_fen: null,
  refund_reason: null,
  advice: null,
  events: [],
  slot: null,
  created_at: "2026-12-07T00:50:00.000Z",
  messages: [],
  shared_items: [],
  ...overrides,
})

const message = (id: string, from: string, text: string | null, at: string, attachment = null) => ({
  id,
  from,
  text,
  attachment,
  created_at: at,
})

describe("在线问诊: the doctors", () => {
  it("lists each doctor with title, hospital, departments and the price of every mode in ¥", async () => {
    fakeBackend({
      "GET /store/consultation-doctors": {
        doctors: [
          doctor(),
          doctor({ id: "doc_2", name: "李医生", prices: { text: 2000 }, on_duty: false }),
        ],
      },
    })
    render(<ConsultDoctors />)
    const rows = await screen.findAllByTestId("consult-doctor-row")
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain("王医生")
    expect(rows[0].textContent).toContain("主任医师 · 岳阳市人民医院")
    expect(rows[0].textContent).toContain("内分泌科、糖尿病")
    expect(texts("consult-doctor-prices")).toEqual([
      "图文问诊 ¥39.00 电话问诊 ¥99.00 视频问诊 ¥129.00 ",
      "图文问诊 ¥20.00 ",
    ])
    expect(rows[1].textContent).toContain("暂停接诊")
    fireEvent.click(rows[0])
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: "/packages/consult/doctor/index?id=doc_1",
    })
  })

  it("says so when no doctor is available, and offers 重试 when commerce fails", async () => {
    fakeBackend({ "GET /store/consultation-doctors": { doctors: [] } })
    const { unmount } = render(<ConsultDoctors />)
    expect((await screen.findByTestId("consult-doctors-empty")).textContent).toBe(
      "暂时没有可咨询的医生，请稍后再来。"
    )
    unmount()
    fakeBackend({ "GET /store/consultation-doctors": refuse(503, "服务暂不可用") })
    render(<ConsultDoctors />)
    expect(await screen.findByTestId("state-error")).toBeTruthy()
  })
})

describe("医生主页: asking and booking", () => {
  it("books a video slot shown in Beijing time, then goes to the consultation to pay", async () => {
    session.setToken("tok_1")
    stand.params = { id: "doc_1" }
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/consultation-doctors/doc_1": { doctor: doctor() },
      "GET /store/doctors/doc_1/slots": { slots },
      "POST /store/consultations": ({
        body,
        headers,
      }: {
        body: unknown
        headers: Record<string, string>
      }) => {
        sent.push([body, headers.authorization])
        return {
          status: 201,
          body: { consultation: consultation({ id: "cons_9", status: "pending_payment" }) },
        }
      },
    })
    render(<ConsultDoctor />)
    await screen.findByTestId("consult-booking-form")
    expect(screen.getByTestId("consult-doctor").textContent).toContain(
      "执业证已核验（110430000001）"
    )
    // 图文 first: no slots asked for.
    expect(screen.queryByTestId("consult-slots")).toBeNull()
    fireEvent.click(screen.getByTestId("consult-mode-phone"))
    expect(texts("consult-slot")).toEqual(["2026-12-08 09:00–09:30"])
    fireEvent.click(screen.getByTestId("consult-mode-video"))
    expect(texts("consult-slot")).toEqual([
      "2026-12-08 09:00–09:30",
      "2026-12-08 10:00–10:30剩余 2",
    ])

    fireEvent.change(screen.getByTestId("consult-question"), {
      target: { value: "想复查一下血糖" },
    })
    fireEvent.click(screen.getByTestId("consult-submit"))
    expect((await screen.findByTestId("consult-error")).textContent).toBe("请选择预约时段")
    expect(sent).toEqual([])

    fireEvent.click(screen.getAllByTestId("consult-slot")[1])
    fireEvent.click(screen.getByTestId("consult-submit"))
    await waitFor(() =>
      expect(stand.navigations.at(-1)).toEqual({
        kind: "redirectTo",
        url: "/packages/consult/detail/index?id=cons_9&asked=1",
      })
    )
    expect(sent).toEqual([
      [
        {
          doctor_id: "doc_1",
          mode: "video",
          slot: "2026-12-08T02:00:00.000Z",
          question: "想复查一下血糖",
        },
        "Bearer tok_1",
      ],
    ])
  })

  it("shows commerce's refusal when the slot was just taken, and a too-short question locally", async () => {
    session.setToken("tok_1")
    stand.params = { id: "doc_1" }
    fakeBackend({
      "GET /store/consultation-doctors/doc_1": { doctor: doctor() },
      "GET /store/doctors/doc_1/slots": { slots },
      "POST /store/consultations": refuse(409, "该时段刚被预约，请选择其他时段"),
    })
    render(<ConsultDoctor />)
    await screen.findByTestId("consult-booking-form")
    fireEvent.change(screen.getByTestId("consult-question"), { target: { value: "头晕" } })
    fireEvent.click(screen.getByTestId("consult-submit"))
    expect((await screen.findByTestId("consult-error")).textContent).toBe(
      "请用至少 5 个字描述您的问题"
    )
    expect(calls()).not.toContain("POST /store/consultations")

    fireEvent.click(screen.getByTestId("consult-mode-phone"))
    fireEvent.click(screen.getByTestId("consult-slot"))
    fireEvent.change(screen.getByTestId("consult-question"), {
      target: { value: "头晕三天了怎么办" },
    })
    fireEvent.click(screen.getByTestId("consult-submit"))
    await waitFor(() =>
      expect(screen.getByTestId("consult-error").textContent).toBe("该时段刚被预约，请选择其他时段")
    )
    expect(stand.navigations).toEqual([])
  })

  it("asks a 图文 question without a slot; a visitor is asked to sign in; an off-duty doctor takes none", async () => {
    stand.params = { id: "doc_1" }
    fakeBackend({
      "GET /store/consultation-doctors/doc_1": { doctor: doctor({ prices: { text: 3900 } }) },
    })
    const visitor = render(<ConsultDoctor />)
    fireEvent.click(await screen.findByTestId("consult-sign-in"))
    expect(stand.navigations.at(-1)?.url).toBe(
      `/pages/login/index?next=${encodeURIComponent("/packages/consult/doctor/index?id=doc_1")}`
    )
    visitor.unmount()

    session.setToken("tok_1")
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/consultation-doctors/doc_1": { doctor: doctor({ prices: { text: 3900 } }) },
      "POST /store/consultations": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { consultation: consultation({ status: "pending_payment" }) } }
      },
    })
    const member = render(<ConsultDoctor />)
    fireEvent.change(await screen.findByTestId("consult-question"), {
      target: { value: "最近血糖偏高怎么办" },
    })
    fireEvent.click(screen.getByTestId("consult-submit"))
    await waitFor(() =>
      expect(sent).toEqual([{ doctor_id: "doc_1", mode: "text", question: "最近血糖偏高怎么办" }])
    )
    // Only 图文 priced: no slots were read.
    expect(calls()).not.toContain("GET /store/doctors/doc_1/slots")
    member.unmount()

    fakeBackend({ "GET /store/consultation-doctors/doc_1": { doctor: doctor({ on_duty: false }) } })
    render(<ConsultDoctor />)
    expect((await screen.findByTestId("consult-off-duty")).textContent).toBe(
      "医生暂停接诊，请选择其他医生。"
    )
    expect(screen.queryByTestId("consult-booking-form")).toBeNull()
  })
})

describe("我的问诊", () => {
  it("lists the member's consultations with their status and the follow-ups", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/consultations": {
        consultations: [
          consultation({
            id: "cons_2",
            mode: "video",
            status: "awaiting_doctor",
            status_label: "待接诊",
            price_fen: 12900,
            slot: { start: slots[0].start, end: slots[0].end },
          }),
          consultation({ status: "completed", status_label: "已完成" }),
        ],
        follow_ups: [
          {
            id: "fu_1",
            doctor_id: "doc_1",
            consultation_id: "cons_1",
            due_date: "2026-12-20",
            note: "复查空腹血糖",
            reminded_at: null,
            created_at: "2026-12-07T00:00:00.000Z",
            doctor_name: "王",
          },
        ],
      },
    })
    render(<MyConsultations />)
    expect(await screen.findAllByTestId("consultation-row")).toHaveLength(2)
    expect(texts("consultation-row-status")).toEqual(["待接诊 · ¥129.00", "已完成 · ¥39.00"])
    expect(screen.getAllByTestId("consultation-row")[0].textContent).toContain(
      "王医生 · 视频问诊 预约 2026-12-08 09:00"
    )
    expect(screen.getByTestId("my-follow-ups").textContent).toContain("王医生：复查空腹血糖")
    fireEvent.click(screen.getAllByTestId("consultation-row")[1])
    expect(stand.navigations.at(-1)?.url).toBe("/packages/consult/detail/index?id=cons_1")
  })

  it("says there are none yet, and sends a visitor to sign in", async () => {
    session.setToken("tok_1")
    fakeBackend({ "GET /store/consultations": { consultations: [] } })
    const { unmount } = render(<MyConsultations />)
    expect((await screen.findByTestId("my-consultations-empty")).textContent).toContain(
      "还没有问诊记录"
    )
    unmount()
    session.signOut()
    render(<MyConsultations />)
    await waitFor(() => expect(stand.navigations.at(-1)?.kind).toBe("redirectTo"))
    expect(stand.navigations.at(-1)?.url).toMatch(/^\/pages\/login\/index\?next=/)
  })
})

describe("问诊详情", () => {
  it("shows the messages in order, sends a text and a picture, and links a video consultation to its room", async () => {
    session.setToken("tok_1")
    stand.params = { id: "cons_1" }
    const messages = [
      message("msg_1", "member", "血糖 8.1", "2026-12-07T02:00:00.000Z"),
      message("msg_2", "doctor", "请发一下化验单", "2026-12-07T02:05:00.000Z"),
    ]
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/consultations/cons_1": () => ({
        body: { consultation: consultation({ mode: "video", messages }) },
      }),
      "POST /store/consultations/cons_1/messages": ({
        body,
      }: {
        body: { text?: string; attachment_id?: string }
      }) => {
        sent.push(body)
        return {
          status: 201,
          body: {
            message: body.attachment_id
              ? message("msg_4", "member", null, "2026-12-07T02:07:00.000Z", {
                  id: body.attachment_id,
                  mime_type: "image/jpeg",
                  url: `/store/consultations/cons_1/attachments/${body.attachment_id}`,
                } as never)
              : message("msg_3", "member", body.text ?? null, "2026-12-07T02:06:00.000Z"),
          },
        }
      },
    })
    render(<ConsultationPage />)
    await screen.findByTestId("consultation-messages")
    expect(texts("consultation-message")).toEqual([
      "我 2026-12-07 10:00血糖 8.1",
      "医生 2026-12-07 10:05请发一下化验单",
    ])
    expect(screen.getByTestId("consultation-status").textContent).toBe("进行中")

    fireEvent.click(screen.getByTestId("consultation-send"))
    expect(screen.getByTestId("consultation-message-error").textContent).toBe("请输入消息内容")
    fireEvent.change(screen.getByTestId("consultation-message-text"), { target: { value: "好的" } })
    fireEvent.click(screen.getByTestId("consultation-send"))
    await waitFor(() => expect(screen.getAllByTestId("consultation-message")).toHaveLength(3))
    expect(texts("consultation-message")[2]).toBe("我 2026-12-07 10:06好的")

    stand.chosenImages = [{ path: "wxfile://tmp/lab.jpg", size: 2048 }]
    stand.uploadAnswer = {
      statusCode: 201,
      data: JSON.stringify({ attachment: { id: "att_1", mime_type: "image/jpeg" } }),
    }
    fireEvent.click(screen.getByTestId("consultation-send-picture"))
    expect(await screen.findByTestId("consultation-picture")).toBeTruthy()
    expect(stand.uploads.map((u) => [u.url, u.name, u.filePath, u.header?.authorization])).toEqual([
      [
        "http://commerce.test/store/consultations/cons_1/attachments",
        "file",
        "wxfile://tmp/lab.jpg",
        "Bearer tok_1",
      ],
    ])
    expect(stand.downloads.map((d) => d.url)).toEqual([
      "http://commerce.test/store/consultations/cons_1/attachments/att_1",
    ])
    expect(sent).toEqual([{ text: "好的" }, { attachment_id: "att_1" }])

    fireEvent.click(screen.getByTestId("open-video-room"))
    expect(stand.navigations.at(-1)).toEqual({
      kind: "navigateTo",
      url: "/packages/member/consultation-video/index?id=cons_1",
    })
  })

  it("says why commerce refused a picture, and shows the doctor's advice on a completed one", async () => {
    session.setToken("tok_1")
    stand.params = { id: "cons_1" }
    fakeBackend({ "GET /store/consultations/cons_1": { consultation: consultation() } })
    const open = render(<ConsultationPage />)
    await screen.findByTestId("consultation-message-form")
    stand.chosenImages = [{ path: "wxfile://tmp/a.heic", size: 2048 }]
    stand.uploadAnswer = {
      statusCode: 400,
      data: JSON.stringify({ message: "只能发送 JPG、PNG、WebP 图片或 PDF" }),
    }
    fireEvent.click(screen.getByTestId("consultation-send-picture"))
    expect((await screen.findByTestId("consultation-message-error")).textContent).toBe(
      "只能发送 JPG、PNG、WebP 图片或 PDF"
    )
    expect(calls()).not.toContain("POST /store/consultations/cons_1/messages")
    open.unmount()

    const advice = {
      health_advice: "控制主食，每天快走 30 分钟",
      follow_up_advice: "两周后复查空腹血糖",
      labels: { health_advice: "健康建议", follow_up_advice: "复诊建议" },
      disclaimer: "以上为健康建议，不作为诊断或处方依据",
      at: "2026-12-07T03:00:00.000Z",
    }
    fakeBackend({
      "GET /store/consultations/cons_1": {
        consultation: consultation({ status: "completed", status_label: "已完成", advice }),
      },
    })
    render(<ConsultationPage />)
    const note = await screen.findByTestId("consultation-advice")
    expect(note.textContent).toContain("健康建议：控制主食，每天快走 30 分钟")
    expect(note.textContent).toContain("复诊建议：两周后复查空腹血糖")
    expect(note.textContent).toContain("以上为健康建议，不作为诊断或处方依据")
    // Closed: nothing more to write, and a text consultation has no video room.
    expect(screen.queryByTestId("consultation-message-form")).toBeNull()
    expect(screen.queryByTestId("open-video-room")).toBeNull()
  })

  it("pays an unpaid consultation with wx.requestPayment and shows it 待接诊 once commerce says paid", async () => {
    process.env.TARO_ENV = "weapp"
    session.setToken("tok_1")
    stand.params = { id: "cons_1", asked: "1" }
    const jsapi = {
      timeStamp: "1764547200",
      nonceStr: "n0nce",
      package: "prepay_id=wx123",
      signType: "RSA",
      paySign: "c2lnbg==",
    }
    let paid = false
    const payBodies: unknown[] = []
    fakeBackend({
      "GET /store/consultations/cons_1": () => ({
        body: {
          consultation: paid
            ? consultation({
                mode: "phone",
                status: "awaiting_doctor",
                status_label: "待接诊",
                slot: { start: slots[0].start, end: slots[0].end },
              })
            : consultation({
                mode: "phone",
                status: "pending_payment",
                status_label: "待支付",
                price_fen: 9900,
                slot: { start: slots[0].start, end: slots[0].end },
              }),
        },
      }),
      "GET /store/customers/me": {
        customer: { id: "cus_1", metadata: { wechat_openid: "o-openid-1" } },
      },
      "POST /store/consultations/cons_1/pay": ({ body }: { body: unknown }) => {
        payBodies.push(body)
        return {
          body: { action: { kind: "jsapi", params: jsapi }, cart_id: "cart_c1", amount_fen: 9900 },
        }
      },
      "GET /store/carts/cart_c1/payment-status": () => {
        paid = true
        return { body: { status: "paid", order: { id: "order_1", display_id: 7 } } }
      },
    })
    render(<ConsultationPage />)
    expect((await screen.findByTestId("consultation-asked")).textContent).toBe(
      "时段已为您保留，请在 30 分钟内完成支付。"
    )
    expect(screen.getByTestId("consultation-slot").textContent).toBe(
      "预约时段：2026-12-08 09:00–09:30（北京时间）"
    )
    expect(screen.getByTestId("consultation-pay").textContent).toContain("¥99.00")
    fireEvent.click(screen.getByTestId("consultation-pay-button"))
    await waitFor(() =>
      expect(screen.getByTestId("consultation-status").textContent).toBe("待接诊")
    )
    expect(payBodies).toEqual([
      {
        payment_method: {
          provider_id: "pp_wechatpay_wechatpay",
          channel: "miniprogram",
          openid: "o-openid-1",
        },
      },
    ])
    expect(stand.payments).toEqual([jsapi])
    expect(stand.toasts).toContain("支付成功")
    expect(screen.queryByTestId("consultation-pay")).toBeNull()
    expect(screen.getByTestId("consultation-calls").textContent).toBe(
      "医生将在预约时段通过隐私号码来电，请留意接听"
    )
  })

  it("shares a report from the archive with the doctor and takes it back; a refusal is said", async () => {
    session.setToken("tok_1")
    stand.params = { id: "cons_1" }
    let shared: { id: string; item_type: string; item_id: string; withdrawn_at: string | null }[] =
      []
    const posted: unknown[] = []
    let refuseShare = true
    fakeBackend({
      "GET /store/consultations/cons_1": () => ({
        body: { consultation: consultation({ shared_items: shared }) },
      }),
      "GET /store/health-archive/kits": {
        kits: [
          { id: "kit_1", product_title: "运动基因检测", report: { id: "rep_1" } },
          { id: "kit_2", product_title: "肠道菌群检测", report: null },
        ],
        count: 2,
      },
      "GET /store/health-archive/uploads": { uploads: [] },
      "POST /store/consultations/cons_1/shared-items": ({ body }: { body: unknown }) => {
        if (refuseShare) {
          refuseShare = false
          return { status: 400, body: { message: "该报告尚未出具，不能共享" } }
        }
        posted.push(body)
        shared = [{ id: "sh_1", item_type: "report", item_id: "rep_1", withdrawn_at: null }]
        return { status: 201, body: { shared_item: { id: "sh_1" } } }
      },
      "POST /store/consultations/cons_1/shared-items/sh_1/withdraw": () => {
        shared = [{ ...shared[0], withdrawn_at: "2026-12-07T03:00:00.000Z" }]
        return { body: { shared_item: shared[0] } }
      },
    })
    render(<ConsultationPage />)
    const sharing = await screen.findByTestId("consult-archive-sharing")
    await waitFor(() => expect(sharing.textContent).toContain("检测报告 · 运动基因检测"))
    // Only a kit with a report can be shared.
    expect(screen.getAllByTestId("consult-share-toggle")).toHaveLength(1)
    fireEvent.click(screen.getByTestId("consult-share-toggle"))
    expect((await screen.findByTestId("consult-share-error")).textContent).toBe(
      "该报告尚未出具，不能共享"
    )
    fireEvent.click(screen.getByTestId("consult-share-toggle"))
    await waitFor(() => expect(screen.getByTestId("consult-share-toggle").textContent).toBe("收回"))
    expect(posted).toEqual([{ item_type: "report", item_id: "rep_1" }])
    fireEvent.click(screen.getByTestId("consult-share-toggle"))
    await waitFor(() =>
      expect(screen.getByTestId("consult-share-toggle").textContent).toBe("共享给医生")
    )
    expect(calls()).toContain("POST /store/consultations/cons_1/shared-items/sh_1/withdraw")
  })

  it("says another member's consultation cannot be found, with commerce's words", async () => {
    session.setToken("tok_1")
    stand.params = { id: "cons_x" }
    fakeBackend({ "GET /store/consultations/cons_x": refuse(404, "问诊不存在") })
    render(<ConsultationPage />)
    expect((await screen.findByTestId("state-error")).textContent).toContain("问诊不存在")
  })
})
