import { KIT_STATUS_LABELS, type KitStatus } from "@health/contracts"

// The lifecycle's statuses and their labels are shared with the storefronts: @health/contracts.
export { KIT_STATUSES, KIT_STATUS_LABELS, type KitStatus } from "@health/contracts"

export type KitAction =
  | "ship"
  | "activate"
  | "receive"
  | "start_testing"
  | "reject"
  | "report"
  | "deliver"
  | "cancel"

/** Where each action may start from, and where it leads. */
export const KIT_TRANSITIONS: Record<KitAction, { from: KitStatus[]; to: KitStatus }> = {
  ship: { from: ["ordered"], to: "shipped" },
  // On-site collection has no parcel: staff hand the tube over at the site.
  activate: { from: ["ordered", "shipped"], to: "activated" },
  // A re-collected sample after a rejection is received again.
  receive: { from: ["activated", "rejected"], to: "received" },
  start_testing: { from: ["received"], to: "testing" },
  reject: { from: ["received", "testing"], to: "rejected" },
  // A corrected report may replace one already issued.
  report: { from: ["received", "testing", "report_ready", "delivered"], to: "report_ready" },
  deliver: { from: ["report_ready"], to: "delivered" },
  cancel: { from: ["ordered", "shipped"], to: "cancelled" },
}

export const KIT_ACTION_LABELS: Record<KitAction, string> = {
  ship: "发货",
  activate: "激活",
  receive: "接收样本",
  start_testing: "开始检测",
  reject: "退回样本",
  report: "上传报告",
  deliver: "查看报告",
  cancel: "作废",
}

/** A zh-CN refusal when the kit is not in a status the action starts from, else null. */
export function kitTransitionRefusal(status: KitStatus, action: KitAction): string | null {
  if (KIT_TRANSITIONS[action].from.includes(status)) return null
  return `检测盒当前状态为“${KIT_STATUS_LABELS[status]}”，不能${KIT_ACTION_LABELS[action]}`
}
