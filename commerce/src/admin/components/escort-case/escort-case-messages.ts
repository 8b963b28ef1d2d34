/** 事件与理赔 and 平台保障金: every staff-facing text of these screens. */
export const ESCORT_CASE_MESSAGES = {
  title: "事件与理赔",
  intro:
    "会员投诉、陪诊员报备与异常告警立案处理：指定负责人、记录经过、认定成立后由平台保障金先行赔付，并向陪诊员或保险公司追偿。",
  fundTitle: "平台保障金",
  fundIntro: "先行赔付资金池：每一笔注资、赔付与追偿都记在只增不改的台账上，余额由台账汇总得出。",
  statuses: {
    open: "待处理",
    investigating: "调查中",
    upheld: "成立",
    dismissed: "不成立",
    closed: "已结案",
  },
  kinds: {
    fund_in: "平台注资",
    compensation_paid: "先行赔付",
    recovery_from_escort: "向陪诊员追偿",
    recovery_from_insurer: "保险理赔到账",
  },
  claimStatuses: {
    filed: "已报案，待保险公司处理",
    approved: "保险公司已核准",
    rejected: "保险公司拒赔",
    paid: "理赔款已到账",
  },
  allStatuses: "全部状态",
  noCases: "暂无事件",
  noComplaints: "没有待立案的会员申诉",
  openFromComplaint: "立案",
  complaintsTitle: "待立案的会员申诉",
  casesTitle: "事件列表",
  timeline: "处理记录",
  assignToMe: "由我负责",
  addNote: "添加记录",
  notePlaceholder: "记录核实经过（只能追加，不能修改）",
  compensation: "赔付金额（元，如 199.00；0 表示不赔付）",
  decisionNote: "认定说明",
  uphold: "认定成立并先行赔付",
  dismiss: "认定不成立",
  close: "结案",
  claimAmount: "理赔金额（元）",
  fileClaim: "申请保险理赔",
  back: "返回列表",
  balance: "当前余额",
  topUp: "注资",
  topUpAmount: "注资金额（元）",
  topUpNote: "注资说明，如 2026 年 12 月保障金拨付",
  exportCsv: "导出台账（CSV）",
  noEntries: "台账暂无记录",
  badAmount: "请填写正确的金额，如 199.00",
} as const

export type ClaimStatus = keyof typeof ESCORT_CASE_MESSAGES.claimStatuses

/** The insurer's decision on a claim in staff's words; an unknown state is shown as it came. */
export function claimStatusLabel(status: string): string {
  return ESCORT_CASE_MESSAGES.claimStatuses[status as ClaimStatus] ?? status
}

/** "199.5" → 19950; "0" → 0 when allowed; anything else null. */
export function yuanToFen(text: string, { allowZero = false } = {}): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
  return fen > 0 || (allowZero && fen === 0) ? fen : null
}
