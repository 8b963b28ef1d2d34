/** 医生结算's zh-CN text, kept in one place. */
export const DOCTOR_INCOME_MESSAGES = {
  title: "医生结算",
  intro:
    "医生完成问诊按分成计收入，出具检测评估报告、主持在线咨询按固定报酬计收入；等待期后可提现，问诊退款会冲销对应收入。",
  noWithdrawals: "暂无医生提现申请",
  reject: "驳回",
  rejectReason: "驳回原因",
  pay: "登记银行打款",
  reference: "银行转账流水号",
  approve: "审核通过",
  wechatTransfer: "转账到微信零钱",
  wechatTransferStarted: "已发起微信转账，等待医生在小程序确认收款",
  wechatBill: "微信转账单",
} as const

export const DOCTOR_WITHDRAWAL_STATUS_TEXT: Record<string, string> = {
  requested: "待打款",
  approved: "已审核，待转账",
  paying: "微信转账中，待确认收款",
  paid: "已打款",
  rejected: "已驳回",
  failed: "微信转账未完成，已退回余额",
}
