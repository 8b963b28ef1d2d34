import { render, screen } from "@testing-library/react"
import type { Withdrawal } from "@health/core"
import { WithdrawalList } from "@/components/affiliate/withdrawal-list"

const withdrawal = (patch: Partial<Withdrawal>): Withdrawal => ({
  id: "afwd_1",
  amount: 30.5,
  method: "wechat",
  status: "requested",
  payee: null,
  rejection_reason: null,
  transfer: null,
  created_at: "2026-12-01T02:00:00Z",
  paid_at: null,
  ...patch,
})

describe("WithdrawalList", () => {
  it("says a paying WeChat payout waits for the member to 确认收款 in the mini-program", () => {
    render(
      <WithdrawalList
        withdrawals={[
          withdrawal({
            status: "paying",
            transfer: { mch_id: "1900000109", app_id: "wx8888888888888888", package: "pkg" },
          }),
        ]}
      />
    )
    const [item] = screen.getAllByRole("listitem")
    expect(item.querySelector(".chip")?.textContent).toBe("待确认收款")
    expect(screen.getByTestId("withdrawal-confirm-in-miniprogram").textContent).toBe(
      "待您确认收款：请在微信小程序「我的 · 分销中心 · 提现」中点击确认收款，确认后转入微信零钱"
    )
    expect(item.textContent).toContain("¥30.50")
    expect(item.textContent).toContain("微信零钱 · 2026-12-01 10:00")
  })

  it("shows other withdrawals with their labels and no confirmation hint", () => {
    render(
      <WithdrawalList
        withdrawals={[
          withdrawal({ id: "a", status: "paid" }),
          withdrawal({
            id: "b",
            method: "bank",
            status: "rejected",
            payee: { holder: "林", bank: "中国银行", account_no: "**** 3456" },
            rejection_reason: "银行卡信息有误",
          }),
        ]}
      />
    )
    const items = screen.getAllByRole("listitem")
    expect(items.map((li) => li.querySelector(".chip")?.textContent)).toEqual(["已到账", "已驳回"])
    expect(items[1].textContent).toContain("银行卡 **** 3456")
    expect(items[1].querySelector(".form-error")?.textContent).toBe("驳回原因：银行卡信息有误")
    expect(screen.queryByTestId("withdrawal-confirm-in-miniprogram")).toBeNull()
  })

  it("says there is nothing yet", () => {
    render(<WithdrawalList withdrawals={[]} />)
    expect(screen.getByText("还没有提现记录。").textContent).toBe("还没有提现记录。")
  })
})
