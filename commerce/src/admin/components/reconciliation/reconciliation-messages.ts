/** Every word of the 对账 page (zh-CN), in one place. */
export const RECONCILIATION_MESSAGES = {
  title: "对账",
  intro:
    "每天自动下载微信支付、支付宝、银联前一天的账单，与平台的收款、退款逐笔核对；有差异的列在下面，处理后写明说明。线下收款请登记银行流水号。",
  billTab: "支付渠道账单",
  provider: "支付渠道",
  allProviders: "全部渠道",
  skipped: (names: string) => `${names}，未对账`,
  offlineTab: "线下收款",
  billDate: "账单日期",
  runNow: "立即对账",
  running: "正在下载账单并核对…",
  runs: "对账记录",
  noRuns: "还没有对账记录。每天上午 10 点后会自动核对前一天的账单，也可以选日期立即对账。",
  loading: "正在加载…",
  startedBy: "发起人",
  system: "系统（每日自动）",
  lines: "账单笔数",
  matched: "一致",
  differences: "差异",
  failed: "失败",
  completed: "已完成",
  noBill: "当日无账单",
  billPaid: "账单收款",
  ourPaid: "平台收款",
  billRefunded: "账单退款",
  ourRefunded: "平台退款",
  showDifferences: "查看差异",
  differencesOf: (date: string, provider: string) => `${provider} ${date} 的对账差异`,
  noDifferences: "这一天的账单与平台记录完全一致。",
  openOnly: "只看未处理",
  kind: "差异类型",
  subject: "类别",
  tradeNo: "商户订单号 / 退款单号",
  order: "订单",
  billAmount: "账单金额",
  ourAmount: "平台金额",
  status: "状态（账单 / 平台）",
  resolution: "处理",
  resolve: "处理",
  resolveTitle: "记录处理说明",
  resolveHint: "说明这笔差异如何处理（例如已联系买家补款、已在商户平台核实）。金额本身不会被修改。",
  notePlaceholder: "处理说明",
  save: "保存",
  cancel: "取消",
  resolvedBy: (when: string) => `已处理 · ${when}`,
  offlineIntro:
    "财务确认线下收款后，在这里登记银行流水号；没有流水号或多笔订单共用同一流水号的会被标出。",
  allReceipts: "全部",
  missingReference: "未登记流水号",
  duplicateReference: "流水号重复",
  noReceipts: "没有符合条件的线下收款。",
  paymentId: "收款记录",
  amount: "金额",
  capturedAt: "确认时间",
  bankReference: "银行流水号",
  record: "登记",
  referencePlaceholder: "例如 ICBC-20261206-0001",
} as const

export const DIFFERENCE_KIND_TEXT: Record<string, string> = {
  missing_ours: "平台无记录",
  missing_provider: "渠道账单无记录",
  amount_mismatch: "金额不符",
  status_mismatch: "状态不符",
}

export const DIFFERENCE_SUBJECT_TEXT: Record<string, string> = {
  payment: "收款",
  refund: "退款",
}

/** The providers whose bills are reconciled, by payment provider id. */
export const PROVIDER_NAME: Record<string, string> = {
  pp_wechatpay_wechatpay: "微信支付",
  pp_alipay_alipay: "支付宝",
  pp_unionpay_unionpay: "银联",
}
