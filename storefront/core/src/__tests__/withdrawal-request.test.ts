import { parseYuanInput } from "../format"
import {
  checkWithdrawal,
  newWithdrawalRequestKey,
  transferToConfirm,
} from "../affiliate/withdrawal-request"
import type { Withdrawal } from "../affiliate/types"
import { WITHDRAWAL_STATUS_LABEL } from "../affiliate/earnings"

describe("parseYuanInput", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["0.29", 29],
    ["1,299.00", 129900],
    ["¥ 19.99", 1999],
    [" 0.10 ", 10],
  ])("reads %p as %p fen", (text, fen) => {
    expect(parseYuanInput(text)).toBe(fen)
  })

  it.each(["", "abc", "1.234", "-5", "1e3", "12.", ".5", "1 000"])("refuses %p", (text) => {
    expect(parseYuanInput(text)).toBeNull()
  })
})

describe("checkWithdrawal", () => {
  const limits = { available: 30.5, minimum: 10 }

  it("sends the typed amount as exact yuan with the form's request key", () => {
    expect(checkWithdrawal({ amount: "0.29", method: "wechat" }, "key-12345678")).toEqual({
      ok: true,
      fen: 29,
      request: { amount: 0.29, method: "wechat", request_key: "key-12345678" },
    })
    expect(checkWithdrawal({ amount: "30.50", method: "wechat" }, "k", limits)).toMatchObject({
      ok: true,
      fen: 3050,
      request: { amount: 30.5 },
    })
  })

  it("refuses an amount under the minimum or over the balance, with the amounts in ¥", () => {
    expect(checkWithdrawal({ amount: "9.99", method: "wechat" }, "k", limits)).toEqual({
      ok: false,
      error: "最低提现金额为 ¥10.00",
    })
    expect(checkWithdrawal({ amount: "30.51", method: "wechat" }, "k", limits)).toEqual({
      ok: false,
      error: "可提现余额不足：当前可提现 ¥30.50",
    })
    expect(checkWithdrawal({ amount: "12.345", method: "wechat" }, "k", limits)).toEqual({
      ok: false,
      error: "请输入提现金额（元），最多两位小数",
    })
    expect(checkWithdrawal({ amount: "0", method: "wechat" }, "k")).toEqual({
      ok: false,
      error: "请输入提现金额（元），最多两位小数",
    })
  })

  it("needs the holder, bank and a card number for a bank withdrawal", () => {
    const bank = { amount: "20", method: "bank" as const, holder: " 林分享 ", bank: "中国银行" }
    expect(checkWithdrawal({ ...bank, account_no: "1234" }, "k")).toEqual({
      ok: false,
      error: "请填写开户名、开户行和正确的银行卡号",
    })
    expect(checkWithdrawal({ ...bank, account_no: "6222 0210 0112 3456" }, "k")).toEqual({
      ok: true,
      fen: 2000,
      request: {
        amount: 20,
        method: "bank",
        payee: { holder: "林分享", bank: "中国银行", account_no: "6222021001123456" },
        request_key: "k",
      },
    })
  })
})

describe("withdrawal keys and confirmation", () => {
  it("makes a new key every time, long enough for the API", () => {
    const keys = new Set(Array.from({ length: 20 }, () => newWithdrawalRequestKey()))
    expect(keys.size).toBe(20)
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(8)
  })

  it("falls back to a time-and-random key where crypto.randomUUID is missing", () => {
    const real = Object.getOwnPropertyDescriptor(globalThis, "crypto")!
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true })
    try {
      expect(newWithdrawalRequestKey()).toMatch(/^wd-[0-9a-z]+-[0-9a-z]{16}$/)
    } finally {
      Object.defineProperty(globalThis, "crypto", real)
    }
  })

  it("asks for confirmation only for a paying WeChat withdrawal with a transfer", () => {
    const transfer = { mch_id: "1900000109", app_id: "wx8888888888888888", package: "pkg" }
    const paying: Withdrawal = {
      id: "afwd_1",
      amount: 30,
      method: "wechat",
      status: "paying",
      payee: null,
      rejection_reason: null,
      transfer_state: "WAIT_USER_CONFIRM",
      transfer,
      created_at: "2026-12-01T00:00:00Z",
      paid_at: null,
    }
    expect(transferToConfirm(paying)).toEqual(transfer)
    expect(transferToConfirm({ ...paying, status: "paid", transfer: null })).toBeNull()
    expect(transferToConfirm({ ...paying, transfer: undefined })).toBeNull()
    expect(WITHDRAWAL_STATUS_LABEL.paying).toBe("待确认收款")
    expect(WITHDRAWAL_STATUS_LABEL.requested).toBe("待审核")
  })
})
