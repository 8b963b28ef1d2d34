import type { QueueCounts } from "./queue-types"

/** What each queue does, for staff who do not know BullMQ's names. */
export const QUEUE_LABELS: Record<string, string> = {
  storefront: "店铺缓存刷新",
  payments: "支付对账",
  "health-archive": "检测报告入库",
  appointments: "预约提醒与排期",
  cms: "文章推送",
  search: "搜索索引",
  "affiliate-maturation": "推广佣金结算",
}

export const COUNT_LABELS: Record<keyof QueueCounts, string> = {
  waiting: "等待",
  active: "执行中",
  delayed: "延迟",
  completed: "已完成",
  failed: "失败",
}

export const QUEUE_MESSAGES = {
  title: "队列监控",
  intro:
    "后台任务队列的运行情况：每 10 秒自动刷新。失败的任务可逐个或全部重试；任务数据中的个人信息已脱敏。",
  refresh: "刷新",
  autoRefresh: "自动刷新",
  retry: "重试",
  retryAll: "全部重试",
  retried: (count: number) => `已重新排队 ${count} 个任务`,
  failedJobs: "失败的任务",
  delayedJobs: "延迟的任务",
  noFailed: "没有失败的任务。",
  noDelayed: "没有延迟的任务。",
  job: "任务",
  attempts: "尝试次数",
  reason: "失败原因",
  failedAt: "失败时间（北京时间）",
  runAt: "计划执行（北京时间）",
  data: "任务数据",
  loadFailed: "无法读取队列状态",
} as const
