import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_PROVIDER_IDS,
  type PaymentMethodKey,
} from "@health/contracts"

/** Every zh-CN text of the 财务统计 and 分销核算 pages. */
export const FINANCE_MESSAGES = {
  financeTitle: "财务统计",
  financeIntro: "按北京时间统计实收、退款、余额抵扣、佣金与提现，金额单位为元，可下钻到每一笔。",
  commissionsTitle: "分销核算",
  commissionsIntro:
    "按分销商核算本期新增佣金、冲回、结算、提现与期末未结清金额，可下载月度对账单。",
  thisMonth: "本月",
  lastMonth: "上月",
  custom: "自定义",
  from: "开始日期",
  to: "结束日期",
  query: "查询",
  loading: "加载中…",
  download: "下载 Excel",
  downloadStatement: "下载对账单",
  downloadStatementPdf: "下载 PDF",
  statementMonth: "对账月份",
  allChannels: "全部渠道",
  allMethods: "全部支付方式",
  allStatuses: "全部订单状态",
  productId: "商品 ID",
  categoryId: "分类 ID",
  customerId: "会员 ID",
  clearFilters: "清除筛选",
  previous: (from: string, to: string) => `上期 ${from} 至 ${to}`,
  noPrevious: "上期为 0",
  breakdown: "分组统计",
  noRows: "本期没有数据",
  entriesTitle: (figure: string) => `${figure}明细`,
  entriesTotal: (count: number, amount: string) => `共 ${count} 笔，合计 ${amount}`,
  close: "关闭",
  time: "时间（北京时间）",
  order: "订单号",
  member: "会员",
  amount: "金额",
  method: "支付方式",
  channel: "渠道",
  source: "来源编号",
  affiliate: "分销商",
  kind: "类型",
  product: "商品",
  buyer: "买家",
  level: "层级",
  totalsRow: "合计",
  viewEntries: "查看明细",
} as const

export const FIGURE_TEXT = {
  orders: "订单数",
  paid: "实收",
  refunded: "退款",
  net: "净收入",
  store_credit: "余额抵扣",
  commissions: "佣金",
  payouts: "提现支付",
} as const

export const GROUP_TEXT = {
  day: "按日",
  product: "按商品",
  category: "按分类",
  channel: "按渠道",
  payment_method: "按支付方式",
  member: "按会员",
} as const

export const CHANNEL_TEXT = {
  web: "网站（PC 与 H5）",
  miniprogram: "微信小程序",
  miniprogram_h5: "小程序 H5 版",
  offline: "线下（岳阳）",
} as const

/** The payment-method filter: every method checkout offers, by provider id. */
export const METHOD_TEXT: Record<string, string> = Object.fromEntries(
  (Object.keys(PAYMENT_PROVIDER_IDS) as PaymentMethodKey[]).map((key) => [
    PAYMENT_PROVIDER_IDS[key],
    PAYMENT_METHOD_LABELS[key],
  ])
)

export const ORDER_STATUS_TEXT = {
  pending: "进行中",
  completed: "已完成",
  canceled: "已取消",
  archived: "已归档",
  requires_action: "待处理",
} as const

export const COMMISSION_FIGURE_TEXT = {
  accrued: "新增佣金",
  reversed: "退款冲回",
  matured: "结算入可提现",
  withdrawn: "提现到账",
  pending: "期末待结算",
  available: "期末可提现",
  outstanding: "期末未结清",
  opening_outstanding: "期初未结清",
} as const

export const LEDGER_KIND_TEXT: Record<string, string> = {
  commission: "佣金",
  reversal: "退款冲回",
  maturation: "结算入账",
  withdrawal_paid: "提现到账",
}
