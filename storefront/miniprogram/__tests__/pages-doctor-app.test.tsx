import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import DoctorIncomePage from "../src/packages/doctor-app/income/index"
import DoctorLogin from "../src/packages/doctor-app/login/index"
import { doctorSession } from "../src/packages/doctor-app/doctor-session"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

type WxGlobal = typeof globalThis & { wx?: unknown }

beforeEach(() => {
  stand.reset()
  doctorSession.setToken("doc_tok")
})

afterEach(() => {
  process.env.TARO_ENV = "h5"
  delete (globalThis as WxGlobal).wx
})

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })

const incomeBody = (extra: Record<string, unknown> = {}) => ({
  income: { pending_fen: 2_100, available_fen: 4_200, withdrawn_fen: 0, requested_fen: 0 },
  earnings: [
    {
      id: "docern_1",
      source_type: "consultation",
      source_id: "cons_1",
      kind: "text",
      kind_label: "图文问诊",
      price_fen: 3_000,
      share_percent: 70,
      amount_fen: 2_100,
      reversed_fen: 0,
      net_fen: 2_100,
      status: "pending",
      status_label: "待结算",
      earned_at: "2026-12-07T01:00:00.000Z",
      release_at: "2026-12-10T01:00:00.000Z",
      available_at: null,
    },
  ],
  count: 1,
  limit: 50,
  offset: 0,
  withdrawals: [],
  wechat: { bound: false, bound_at: null },
  ...extra,
})

describe("医生登录", () => {
  it("texts a code and signs in as a doctor, keeping the token apart from the member's", async () => {
    doctorSession.signOut()
    const sent: unknown[] = []
    fakeBackend({
      "POST /store/auth/sms-codes": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { sent: true } }
      },
      "POST /auth/doctor/phone": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { body: { token: "doc_new" } }
      },
    })
    render(<DoctorLogin />)
    type("doctor-login-phone", "13700000001")
    fireEvent.click(screen.getByTestId("doctor-login-send"))
    await waitFor(() =>
      expect(screen.getByTestId("doctor-login-send").textContent).toBe("60 秒后重发")
    )
    type("doctor-login-code", "123456")
    fireEvent.click(screen.getByTestId("doctor-login-submit"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(sent).toEqual([
      { phone: "13700000001", purpose: "login" },
      { phone: "13700000001", code: "123456" },
    ])
    expect(doctorSession.token()).toBe("doc_new")
    expect(session.token()).toBeUndefined()
    expect(stand.navigations[0]).toEqual({
      kind: "redirectTo",
      url: "/packages/doctor-app/income/index",
    })
  })

  it("shows commerce's refusal of a number that is not a registered doctor's", async () => {
    fakeBackend({
      "POST /auth/doctor/phone": refuse(401, "该手机号不是平台登记的医生，请联系运营"),
    })
    render(<DoctorLogin />)
    type("doctor-login-phone", "13700000099")
    type("doctor-login-code", "123456")
    fireEvent.click(screen.getByTestId("doctor-login-submit"))
    expect((await screen.findByTestId("doctor-login-error")).textContent).toBe(
      "该手机号不是平台登记的医生，请联系运营"
    )
  })
})

describe("医生 我的收入", () => {
  it("sends a visitor without a doctor token to 医生登录", async () => {
    doctorSession.signOut()
    fakeBackend({})
    render(<DoctorIncomePage />)
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(stand.navigations[0].url).toContain("/packages/doctor-app/login/index")
    expect(calls()).toEqual([])
  })

  it("shows balances and earnings, and withdraws in integer fen with the doctor's token", async () => {
    let available = 4_200
    const withdrawals: unknown[] = []
    const tokens: string[] = []
    fakeBackend({
      "GET /doctor/income": ({ headers }: { headers: Record<string, string> }) => {
        tokens.push(headers.authorization)
        return {
          body: incomeBody({
            income: {
              pending_fen: 2_100,
              available_fen: available,
              withdrawn_fen: 0,
              requested_fen: 0,
            },
          }),
        }
      },
      "POST /doctor/income/withdrawals": ({ body }: { body: { amount_fen: number } }) => {
        withdrawals.push(body)
        available -= body.amount_fen
        return {
          status: 201,
          body: { withdrawal: { id: "docwd_1", ...body, status: "requested" } },
        }
      },
    })
    render(<DoctorIncomePage />)
    expect((await screen.findByTestId("doctor-available")).textContent).toBe("可提现 ¥42.00")
    expect(screen.getByTestId("doctor-figures").textContent).toContain("待结算 ¥21.00")
    expect(screen.getByTestId("doctor-earning").textContent).toContain("图文问诊 · 待结算")
    expect(screen.getByTestId("doctor-earning").textContent).toContain("¥21.00")
    type("doctor-withdraw-amount", "50")
    fireEvent.click(screen.getByTestId("doctor-withdraw-submit"))
    expect((await screen.findByTestId("doctor-withdraw-error")).textContent).toBe(
      "可提现余额为 ¥42.00"
    )
    type("doctor-withdraw-amount", "12.5")
    fireEvent.click(screen.getByTestId("doctor-withdraw-submit"))
    await waitFor(() => expect(stand.toasts).toContain("已申请提现 ¥12.50"))
    expect(withdrawals).toEqual([{ amount_fen: 1_250 }])
    await waitFor(() =>
      expect(screen.getByTestId("doctor-available").textContent).toBe("可提现 ¥29.50")
    )
    expect(new Set(tokens)).toEqual(new Set(["Bearer doc_tok"]))
  })

  it("binds the doctor's WeChat with wx.login's code, only inside the mini-program", async () => {
    let bound = false
    const binds: unknown[] = []
    fakeBackend({
      "GET /doctor/income": () => ({
        body: incomeBody({
          wechat: { bound, bound_at: bound ? "2026-12-07T01:00:00.000Z" : null },
        }),
      }),
      "POST /doctor/wechat/bind": ({ body }: { body: unknown }) => {
        binds.push(body)
        bound = true
        return { body: { wechat: { bound: true, bound_at: "2026-12-07T01:00:00.000Z" } } }
      },
    })
    render(<DoctorIncomePage />)
    fireEvent.click(await screen.findByTestId("doctor-wechat-bind"))
    expect((await screen.findByTestId("doctor-wechat-error")).textContent).toBe(
      "请在微信小程序中绑定微信"
    )
    expect(binds).toEqual([])
    process.env.TARO_ENV = "weapp"
    fireEvent.click(screen.getByTestId("doctor-wechat-bind"))
    await screen.findByTestId("doctor-wechat-bound")
    expect(binds).toEqual([{ code: "wx-code-tester.1" }])
    expect(stand.toasts).toContain("已绑定微信")
  })

  it("opens 确认收款 for a WeChat transfer waiting for the doctor, and blocks a second withdrawal meanwhile", async () => {
    process.env.TARO_ENV = "weapp"
    let confirmed = false
    const opened: unknown[] = []
    ;(globalThis as WxGlobal).wx = {
      canIUse: (name: string) => name === "requestMerchantTransfer",
      requestMerchantTransfer(option: Record<string, unknown>) {
        const {
          success,
          fail: _fail,
          ...params
        } = option as Record<string, unknown> & {
          success: (r: object) => void
        }
        opened.push(params)
        confirmed = true
        success({ errMsg: "requestMerchantTransfer:ok" })
      },
    }
    const withdrawal = {
      id: "docwd_1",
      amount_fen: 4_200,
      method: "wechat",
      reject_reason: null,
      fail_reason: null,
      created_at: "2026-12-07T01:00:00.000Z",
    }
    fakeBackend({
      "GET /doctor/income": () => ({
        body: incomeBody({
          income: { pending_fen: 0, available_fen: 0, withdrawn_fen: 0, requested_fen: 4_200 },
          wechat: { bound: true, bound_at: "2026-12-07T01:00:00.000Z" },
          withdrawals: [
            confirmed
              ? { ...withdrawal, status: "paid", status_label: "已打款", transfer: null }
              : {
                  ...withdrawal,
                  status: "paying",
                  status_label: "微信转账中，待确认收款",
                  transfer: { mch_id: "1900000109", app_id: "wx888", package: "sandbox_pkg_1" },
                },
          ],
        }),
      }),
    })
    render(<DoctorIncomePage />)
    expect((await screen.findByTestId("doctor-withdrawal")).textContent).toContain(
      "¥42.00 · 微信转账中，待确认收款"
    )
    expect(screen.getByTestId("doctor-withdraw-submit").textContent).toBe("已有提现处理中")
    fireEvent.click(screen.getByTestId("doctor-withdrawal-confirm"))
    await waitFor(() =>
      expect(screen.getByTestId("doctor-withdrawal").textContent).toContain("已打款")
    )
    expect(opened).toEqual([{ mchId: "1900000109", appId: "wx888", package: "sandbox_pkg_1" }])
    expect(screen.getByTestId("doctor-withdrawal-notice").textContent).toBe(
      "已确认收款，正在等待到账…"
    )
  })
})
