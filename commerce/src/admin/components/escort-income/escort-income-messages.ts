/** 陪诊结算's zh-CN text, kept in one place. */
export const ESCORT_INCOME_MESSAGES = {
  title: "陪诊结算",
  intro: "陪诊员收入按等级分成；会员确认或服务完成 24 小时后无申诉自动结算，申诉期间冻结。",
  tabs: {
    earnings: "收入明细",
    disputes: "申诉处理",
    withdrawals: "提现审核",
    settings: "结算设置",
  },
  noEarnings: "暂无陪诊收入记录",
  noDisputes: "暂无待处理的申诉",
  noWithdrawals: "暂无提现申请",
  allStatuses: "全部状态",
  release: "发放给陪诊员",
  refund: "退款给会员",
  refundAmount: "退款金额（元，留空为全额）",
  note: "处理说明",
  approve: "审核通过",
  reject: "驳回",
  rejectReason: "驳回原因",
  pay: "登记银行打款",
  wechatTransfer: "转账到微信零钱",
  wechatTransferStarted: "已发起微信转账，等待陪诊员在小程序确认收款",
  reference: "银行转账流水号",
  save: "保存设置",
  saved: "已保存",
  refundedOffline: "该订单为线下收款，请财务线下退回会员",
  refundedProvider: "已原路退款",
} as const

export const EARNING_STATUS_TEXT: Record<string, string> = {
  pending: "待结算",
  available: "已结算",
  frozen: "申诉冻结",
  reversed: "已退回",
}

export const WITHDRAWAL_STATUS_TEXT: Record<string, string> = {
  requested: "待审核",
  approved: "已审核，待打款",
  paying: "微信转账中，待确认收款",
  paid: "已打款",
  rejected: "已驳回",
  failed: "微信转账未完成，已退回余额",
}

export const LEVEL_TEXT: Record<string, string> = { trainee: "见习", silver: "银牌", gold: "金牌" }

/** "12.30" yuan typed by staff → integer fen; null when it is not a positive amount. */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
  return fen > 0 ? fen : null
}
