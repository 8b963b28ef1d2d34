export type AffiliateStatus = "member" | "distributor" | "disabled"

export type StatusAction = {
  to: AffiliateStatus
  label: string
  /** Said after the change succeeds. */
  done: string
  /** Asked first when the change takes something away from the member. */
  confirm?: string
  variant: "secondary" | "danger"
}

const UPGRADE: StatusAction = {
  to: "distributor",
  label: "升级为分销商",
  done: "已升级为分销商",
  variant: "secondary",
}
const DISABLE: StatusAction = {
  to: "disabled",
  label: "停用",
  done: "已停用",
  confirm: "停用后该会员的推荐码不能再绑定新会员，也不能提现或用余额抵扣。确定停用？",
  variant: "danger",
}

/**
 * What staff can do to an affiliate in each state: upgrade a member, downgrade a distributor
 * (降级为会员: no more 分享赚), disable either, and restore a disabled member (恢复, as a
 * member; upgrading again is a separate, deliberate step).
 */
export function statusActions(status: string): StatusAction[] {
  switch (status) {
    case "member":
      return [UPGRADE, DISABLE]
    case "distributor":
      return [
        {
          to: "member",
          label: "降级为会员",
          done: "已降级为会员",
          confirm:
            "降级后该会员不再是分销商（商品页不再显示分享赚），已记入的佣金不受影响。确定降级？",
          variant: "secondary",
        },
        DISABLE,
      ]
    case "disabled":
      return [{ to: "member", label: "恢复", done: "已恢复为会员", variant: "secondary" }]
    default:
      return []
  }
}
