import { statusActions } from "../status-actions"
import { payeeMemberLabel, STATUS_LABEL } from "../withdrawal-status"

describe("affiliate status actions", () => {
  it("offers 降级为会员 to distributors and 恢复 to disabled members", () => {
    expect(statusActions("member").map((a) => [a.label, a.to])).toEqual([
      ["升级为分销商", "distributor"],
      ["停用", "disabled"],
    ])
    expect(statusActions("distributor").map((a) => [a.label, a.to])).toEqual([
      ["降级为会员", "member"],
      ["停用", "disabled"],
    ])
    expect(statusActions("disabled").map((a) => [a.label, a.to, a.done])).toEqual([
      ["恢复", "member", "已恢复为会员"],
    ])
    expect(statusActions("distributor")[0].confirm).toContain("已记入的佣金不受影响")
  })

  it("names the failed withdrawal state and the member a payout goes to", () => {
    expect(STATUS_LABEL.failed).toBe("转账失败，已退回余额")
    expect(
      payeeMemberLabel({ code: "ABC2345", customer: { last_name: "王", first_name: "小明" } })
    ).toBe("王小明（ABC2345）")
    expect(payeeMemberLabel({ code: "ABC2345", customer: { phone: "13800138000" } })).toBe(
      "13800138000（ABC2345）"
    )
    expect(payeeMemberLabel(undefined)).toBe("—")
  })
})
