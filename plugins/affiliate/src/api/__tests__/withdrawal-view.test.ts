import type { WithdrawalRow } from "../../modules/affiliate/service"
import { transferConfirmation } from "../../lib/transfer-confirmation"
import { withdrawalView } from "../views"

const row = (patch: Partial<WithdrawalRow>): WithdrawalRow => ({
  id: "afwd_1",
  affiliate_id: "aff_1",
  amount: 3050,
  method: "wechat",
  status: "paying",
  payee: null,
  request_key: "aff_1:key",
  reviewed_by: "user_1",
  reviewed_at: null,
  rejection_reason: null,
  paid_at: null,
  payout_reference: "afwd1",
  transfer_state: "WAIT_USER_CONFIRM",
  transfer_package: "pkg_abc",
  created_at: new Date("2026-12-01T00:00:00Z"),
  ...patch,
})

const env = { WECHATPAY_MCHID: "1900000109", WECHATPAY_APPID: "wx8888888888888888" }

describe("the transfer a member confirms in WeChat", () => {
  it("gives the merchant, AppID and package while the withdrawal is paying", () => {
    expect(transferConfirmation(row({}), env)).toEqual({
      mch_id: "1900000109",
      app_id: "wx8888888888888888",
      package: "pkg_abc",
    })
  })

  it("gives nothing once settled, without a package, or without WeChat Pay configured", () => {
    expect(transferConfirmation(row({ status: "paid" }), env)).toBeNull()
    expect(transferConfirmation(row({ transfer_package: null }), env)).toBeNull()
    expect(transferConfirmation(row({}), { WECHATPAY_MCHID: "1900000109" })).toBeNull()
    expect(transferConfirmation(row({}), {})).toBeNull()
  })

  it("is part of the member's withdrawal view, next to the package older clients read", () => {
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      expect(withdrawalView(row({}))).toMatchObject({
        amount: 30.5,
        status: "paying",
        transfer_package: "pkg_abc",
        transfer: { mch_id: "1900000109", app_id: "wx8888888888888888", package: "pkg_abc" },
      })
      expect(withdrawalView(row({ status: "approved" }))).toMatchObject({
        transfer_package: null,
        transfer: null,
      })
    } finally {
      process.env = saved
    }
  })
})
