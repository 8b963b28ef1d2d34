/**
 * The kit lifecycle (domain.md): ordered → shipped → activated → received → testing →
 * report_ready → delivered, with the side exits rejected (re-collect) and cancelled.
 * Commerce sends the label as `status_label`; clients use it where they only have the code.
 */
export const KIT_STATUSES = [
  "ordered",
  "shipped",
  "activated",
  "received",
  "testing",
  "report_ready",
  "delivered",
  "rejected",
  "cancelled",
] as const

export type KitStatus = (typeof KIT_STATUSES)[number]

export const KIT_STATUS_LABELS: Record<KitStatus, string> = {
  ordered: "待发货",
  shipped: "已寄出",
  activated: "已激活",
  received: "样本已接收",
  testing: "检测中",
  report_ready: "报告已出",
  delivered: "已查看报告",
  rejected: "样本不合格（需重新采样）",
  cancelled: "已取消",
}
