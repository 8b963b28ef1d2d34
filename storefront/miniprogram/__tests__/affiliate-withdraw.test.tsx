import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import AffiliateCentre from "../src/packages/affiliate/center/index"
import Withdraw from "../src/packages/affiliate/withdraw/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

type Body = Record<string, unknown>
type Global = typeof globalThis & { wx?: unknown; WeixinJSBridge?: unknown }

const profile = (available: number) => ({
  id: "aff_1",
  code: "MINE2345",
  link: "http://web.test/r/MINE2345",
  status: "member",
  referrer: null,
  bound_at: null,
  balances: { pending: 0, available, withdrawing: 0, withdrawn: 0, spent: 0 },
  programme: { rates_percent: [10, 5, 2], hold_days: 7, min_withdrawal: 10 },
})

const transfer = { mch_id: "1900000109", app_id: "wx8888888888888888", package: "sandbox_pkg_1" }
const paying = {
  id: "afwd_pay",
  amount: 30.5,
  method: "wechat",
  status: "paying",
  payee: null,
  rejection_reason: null,
  transfer_state: "WAIT_USER_CONFIRM",
  transfer,
  created_at: "2026-12-01T02:00:00Z",
  paid_at: null,
}
const paid = { ...paying, status: "paid", transfer_state: "SUCCESS", transfer: null }

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
  session.setToken("tok_1")
  delete (globalThis as Global).wx
  delete (globalThis as Global).WeixinJSBridge
})
afterEach(() => {
  jest.useRealTimers()
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

/** Commerce's withdrawal routes, keeping what the member requested. */
function withdrawalBackend(available: number, answer?: (body: Body) => unknown) {
  const posted: Body[] = []
  const withdrawals: unknown[] = []
  fakeBackend({
    "GET /store/affiliate/me": () => ({ body: { affiliate: profile(available) } }),
    "GET /store/affiliate/withdrawals": () => ({
      body: { withdrawals, count: withdrawals.length },
    }),
    "POST /store/affiliate/withdrawals": ({ body }: { body: unknown }) => {
      posted.push(body as Body)
      const refused = answer?.(body as Body)
      if (refused) return refused
      const withdrawal = {
        id: `afwd_${posted.length}`,
        amount: (body as Body).amount,
        method: (body as Body).method,
        status: "requested",
        payee: (body as Body).payee ?? null,
        rejection_reason: null,
        transfer: null,
        created_at: "2026-12-01T02:00:00Z",
        paid_at: null,
      }
      withdrawals.unshift(withdrawal)
      return { status: 201, body: { withdrawal } }
    },
  })
  return posted
}

const amountField = () => screen.getByTestId("withdrawal-amount") as HTMLInputElement
const typeAmount = (value: string) => fireEvent.change(amountField(), { target: { value } })

describe("申请提现", () => {
  it("sends the typed yuan as an exact amount with a request key, then shows it as 待审核", async () => {
    const posted = withdrawalBackend(30.5)
    render(<Withdraw />)
    expect((await screen.findByTestId("withdrawal-hint")).textContent).toBe(
      "可提现 ¥30.50，最低 ¥10.00"
    )
    expect(amountField().value).toBe("30.50")
    expect(screen.getByText("还没有提现记录。").textContent).toBe("还没有提现记录。")
    typeAmount("12.34")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))

    expect((await screen.findByTestId("withdrawal-notice")).textContent).toBe(
      "提现申请已提交，审核通过后打款"
    )
    expect(posted).toHaveLength(1)
    expect(posted[0]).toEqual({ amount: 12.34, method: "wechat", request_key: expect.any(String) })
    expect((posted[0].request_key as string).length).toBeGreaterThanOrEqual(8)
    await waitFor(() => expect(screen.getByTestId("withdrawal-status").textContent).toBe("待审核"))
    expect(screen.getByTestId("withdrawal-afwd_1").textContent).toContain("¥12.34")
    expect(screen.getByTestId("withdrawal-afwd_1").textContent).toContain("微信零钱")
  })

  it("a double tap is one request, a retry after a lost answer reuses the key, the next withdrawal gets a new one", async () => {
    let attempts = 0
    const posted = withdrawalBackend(100, () =>
      ++attempts === 1 ? { status: 502, body: { message: "bad gateway" } } : undefined
    )
    render(<Withdraw />)
    await screen.findByTestId("withdrawal-form")
    typeAmount("20")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    expect((await screen.findByTestId("withdrawal-error")).textContent).toBe("网络繁忙，请稍后重试")
    expect(posted).toHaveLength(1)

    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    await screen.findByTestId("withdrawal-notice")
    expect(posted).toHaveLength(2)
    expect(posted[1].request_key).toBe(posted[0].request_key)

    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    await waitFor(() => expect(posted).toHaveLength(3))
    expect(posted[2].request_key).not.toBe(posted[0].request_key)
  })

  it("refuses what it can check before asking, and shows commerce's own refusal", async () => {
    const posted = withdrawalBackend(30.5, (body) =>
      body.amount === 30
        ? { status: 400, body: { message: "您的分销资格已停用，不能提现" } }
        : undefined
    )
    render(<Withdraw />)
    await screen.findByTestId("withdrawal-form")
    const error = () => screen.getByTestId("withdrawal-error").textContent

    typeAmount("9.99")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    expect(error()).toBe("最低提现金额为 ¥10.00")
    typeAmount("30.51")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    expect(error()).toBe("可提现余额不足：当前可提现 ¥30.50")
    typeAmount("12.345")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    expect(error()).toBe("请输入提现金额（元），最多两位小数")
    expect(posted).toHaveLength(0)

    typeAmount("30")
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    await waitFor(() => expect(error()).toBe("您的分销资格已停用，不能提现"))
    expect(posted).toHaveLength(1)
  })

  it("asks a bank withdrawal for the holder, bank and card number, and sends them", async () => {
    const posted = withdrawalBackend(50)
    render(<Withdraw />)
    await screen.findByTestId("withdrawal-form")
    fireEvent.click(screen.getByTestId("withdrawal-method-bank"))
    typeAmount("50")
    fireEvent.change(screen.getByTestId("withdrawal-holder"), { target: { value: "林分享" } })
    fireEvent.change(screen.getByTestId("withdrawal-bank"), { target: { value: "中国银行" } })
    fireEvent.change(screen.getByTestId("withdrawal-account"), { target: { value: "1234" } })
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    expect(screen.getByTestId("withdrawal-error").textContent).toBe(
      "请填写开户名、开户行和正确的银行卡号"
    )
    fireEvent.change(screen.getByTestId("withdrawal-account"), {
      target: { value: "6222021001123456" },
    })
    fireEvent.click(screen.getByTestId("withdrawal-submit"))
    await screen.findByTestId("withdrawal-notice")
    expect(posted[0]).toMatchObject({
      amount: 50,
      method: "bank",
      payee: { holder: "林分享", bank: "中国银行", account_no: "6222021001123456" },
    })
  })

  it("says when the balance is below the programme's minimum instead of showing the form", async () => {
    withdrawalBackend(9.5)
    render(<Withdraw />)
    expect((await screen.findByTestId("withdrawal-unavailable")).textContent).toBe(
      "可提现余额满 ¥10.00 即可申请提现。"
    )
    expect(screen.queryByTestId("withdrawal-submit")).toBeNull()
  })
})

describe("确认收款", () => {
  /** A paying withdrawal that turns paid once WeChat has been asked `paidAfter` more times. */
  function payingBackend(paidAfter: () => boolean) {
    fakeBackend({
      "GET /store/affiliate/me": { affiliate: profile(0) },
      "GET /store/affiliate/withdrawals": () => ({
        body: { withdrawals: [paidAfter() ? paid : paying], count: 1 },
      }),
    })
  }

  it("opens wx.requestMerchantTransfer in the mini-program and follows the payout until it arrives", async () => {
    process.env.TARO_ENV = "weapp"
    let confirmed = false
    const opened: unknown[] = []
    ;(globalThis as Global).wx = {
      canIUse: (name: string) => name === "requestMerchantTransfer",
      requestMerchantTransfer(option: Record<string, unknown>) {
        const { success, ...params } = option as Record<string, unknown> & {
          success: (r: object) => void
        }
        opened.push(params)
        confirmed = true
        success({ errMsg: "requestMerchantTransfer:ok" })
      },
    }
    payingBackend(() => confirmed)
    render(<Withdraw />)
    expect((await screen.findByTestId("withdrawal-status")).textContent).toBe("待确认收款")
    expect(screen.getByTestId("confirm-receipt-hint").textContent).toBe(
      "款项已由微信支付转出，请点击确认收款，确认后转入您的微信零钱"
    )
    fireEvent.click(screen.getByTestId("confirm-receipt"))

    await waitFor(() => expect(screen.getByTestId("withdrawal-status").textContent).toBe("已到账"))
    expect(opened).toEqual([
      {
        mchId: "1900000109",
        appId: "wx8888888888888888",
        package: "sandbox_pkg_1",
        fail: expect.any(Function),
      },
    ])
    expect(screen.getByTestId("withdraw-notice").textContent).toBe("提现已到账，请在微信零钱中查看")
    expect(screen.queryByTestId("confirm-receipt")).toBeNull()
  })

  it("keeps asking while WeChat has not reported yet", async () => {
    jest.useFakeTimers()
    process.env.TARO_ENV = "weapp"
    let asked = 0
    ;(globalThis as Global).wx = {
      requestMerchantTransfer: (option: { success: (r: object) => void }) =>
        option.success({ errMsg: "requestMerchantTransfer:ok" }),
    }
    // The first two answers (the page's own load and the first check) are still paying.
    payingBackend(() => ++asked > 2)
    render(<Withdraw />)
    await screen.findByTestId("confirm-receipt")
    fireEvent.click(screen.getByTestId("confirm-receipt"))
    await waitFor(() =>
      expect(screen.getByTestId("withdraw-notice").textContent).toBe("已确认收款，正在等待到账…")
    )
    expect(screen.getByTestId("confirm-receipt").textContent).toBe("等待到账…")
    expect(screen.getByTestId("withdrawal-status").textContent).toBe("待确认收款")
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000)
    })
    await waitFor(() => expect(screen.getByTestId("withdrawal-status").textContent).toBe("已到账"))
    expect(calls().filter((c) => c === "GET /store/affiliate/withdrawals")).toHaveLength(3)
  })

  it("says so when the mini-program's WeChat is too old for it", async () => {
    process.env.TARO_ENV = "weapp"
    ;(globalThis as Global).wx = { canIUse: () => false }
    payingBackend(() => false)
    render(<Withdraw />)
    fireEvent.click(await screen.findByTestId("confirm-receipt"))
    expect((await screen.findByTestId("withdraw-problem")).textContent).toBe(
      "当前微信版本不支持确认收款，请升级微信后重试"
    )
  })

  it("opens requestMerchantTransfer through WeixinJSBridge in WeChat's browser; a cancel changes nothing", async () => {
    const invoked: unknown[] = []
    ;(globalThis as Global).WeixinJSBridge = {
      invoke(name: string, params: unknown, done: (r: object) => void) {
        invoked.push([name, params])
        done({ err_msg: "requestMerchantTransfer:cancel" })
      },
    }
    payingBackend(() => false)
    render(<Withdraw />)
    fireEvent.click(await screen.findByTestId("confirm-receipt"))
    expect((await screen.findByTestId("withdraw-problem")).textContent).toBe(
      "已取消，可稍后再次点击确认收款"
    )
    expect(invoked).toEqual([
      [
        "requestMerchantTransfer",
        { mchId: "1900000109", appId: "wx8888888888888888", package: "sandbox_pkg_1" },
      ],
    ])
    expect(screen.getByTestId("confirm-receipt").textContent).toBe("确认收款")
    expect(screen.getByTestId("withdrawal-status").textContent).toBe("待确认收款")
  })

  it("asks to open the mini-program in WeChat anywhere else", async () => {
    payingBackend(() => false)
    render(<Withdraw />)
    fireEvent.click(await screen.findByTestId("confirm-receipt"))
    expect((await screen.findByTestId("withdraw-problem")).textContent).toBe(
      "请在微信中打开小程序确认收款"
    )
  })
})

describe("分销中心 links to withdrawals", () => {
  it("names a payout waiting for 确认收款 and opens the withdrawal page", async () => {
    fakeBackend({
      "GET /store/affiliate/me": { affiliate: profile(0) },
      "GET /store/affiliate/commissions": { commissions: [], count: 0 },
      "GET /store/affiliate/team": { levels: [] },
      "GET /store/affiliate/withdrawals": { withdrawals: [paying], count: 1 },
      "GET /store/affiliate/earnings/monthly": { monthly_earnings: [] },
    })
    render(<AffiliateCentre />)
    expect((await screen.findByTestId("withdrawals-to-confirm")).textContent).toBe(
      "有 1 笔提现已打款，待您确认收款"
    )
    const open = screen.getByTestId("open-withdraw")
    expect(open.textContent).toBe("去确认收款")
    fireEvent.click(open)
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/affiliate/withdraw/index" },
    ])
  })
})
