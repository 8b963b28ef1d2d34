/** Withdrawal and affiliate states as staff read them. */
export const STATUS_LABEL: Record<string, string> = {
  requested: "待审核",
  approved: "待打款",
  rejected: "已驳回",
  paying: "微信转账中，待会员确认收款",
  paid: "已打款",
  failed: "转账失败，已退回余额",
  member: "会员",
  distributor: "分销商",
  disabled: "已停用",
}

type Person = {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  email?: string | null
}

/** "王小明（ABC2345）": who a payout goes to, so staff check before transferring money. */
export function payeeMemberLabel(member: { code: string; customer: Person | null } | undefined) {
  if (!member) return "—"
  const c = member.customer
  const name = `${c?.last_name ?? ""}${c?.first_name ?? ""}` || c?.phone || c?.email || "会员"
  return `${name}（${member.code}）`
}
