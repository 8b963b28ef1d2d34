import type { KitStatus } from "@health/contracts"
import type { BatchFileStatus } from "./lab-types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** Badge colours: blue waits on the member, orange on the lab, green is finished. */
export const KIT_STATUS_COLORS: Record<KitStatus, BadgeColor> = {
  ordered: "grey",
  shipped: "blue",
  activated: "blue",
  received: "orange",
  testing: "purple",
  report_ready: "green",
  delivered: "green",
  rejected: "red",
  cancelled: "grey",
}

export const BATCH_FILE_STATUS: Record<BatchFileStatus, { label: string; color: BadgeColor }> = {
  queued: { label: "排队中", color: "grey" },
  processing: { label: "处理中", color: "blue" },
  done: { label: "已入档", color: "green" },
  failed: { label: "失败", color: "red" },
}

/** Shown beside an offline order whose money finance has not confirmed: it may not ship yet. */
export const AWAITING_OFFLINE_PAYMENT = "待财务确认收款"

export const COLLECTION_METHODS = { mail_in: "寄回采样", on_site: "现场采样" } as const

export const KIT_ACTION_DONE = {
  ship: "已发货",
  receive: "已接收样本",
  "start-testing": "已开始检测",
  reject: "已退回样本，会员会收到重新采样的通知",
} as const

export type KitActionPath = keyof typeof KIT_ACTION_DONE
