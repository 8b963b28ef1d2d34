import type { ArchiveAccessEntry } from "@health/contracts"
import { formatDateTime } from "../format"

/** What was touched, in the member's words. */
const RESOURCES: Record<string, string> = {
  archive: "健康档案",
  report: "检测报告",
  report_file: "检测报告原件（PDF）",
  report_findings: "检测报告的结果解读",
  upload: "上传的医院资料",
  constitution: "体质辨识结果",
  escort_report: "陪诊服务报告",
  person: "就诊人或受检人信息",
  consent: "授权同意",
  assessment: "检测评估",
  suggestions: "健康建议",
}

/** What was done; an action not listed reads as 查看 or 处理 by its verb. */
const ACTIONS: Record<string, string> = {
  view: "查看了",
  list: "查看了",
  create: "新增了",
  update: "修改了",
  delete: "删除了",
  export: "导出了",
  erase: "删除了",
  withdraw: "撤回了",
  share_with_doctor: "向医生共享了",
  doctor_view: "查看了（问诊共享）",
  assessment_expert_view: "查看了（检测评估授权）",
  grant_assessment_expert: "授权专家查看",
  withdraw_assessment_consent: "撤回了专家对",
}

const ACTORS: Record<ArchiveAccessEntry["actor"], string> = {
  self: "您本人",
  doctor: "医生",
  staff: "平台工作人员",
  system: "系统",
}

/** Who, in words: a doctor by name when commerce knows it. */
export function accessActor(entry: ArchiveAccessEntry): string {
  if (entry.actor === "doctor" && entry.actor_name) return `医生 ${entry.actor_name}`
  return ACTORS[entry.actor] ?? "平台工作人员"
}

/** One line of the access log: "2026年12月7日 10:30 医生 李慧敏 查看了（检测评估授权）检测报告". */
export function accessLogLine(entry: ArchiveAccessEntry): { when: string; text: string } {
  const what = RESOURCES[entry.resource_type] ?? "健康档案中的资料"
  const done =
    ACTIONS[entry.action] ??
    (entry.action.includes("view") || entry.action.includes("read") ? "查看了" : "处理了")
  const suffix = entry.action === "withdraw_assessment_consent" ? "的查看授权" : ""
  return { when: formatDateTime(entry.at), text: `${accessActor(entry)} ${done}${what}${suffix}` }
}
