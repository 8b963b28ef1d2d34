/**
 * How long each kind of personal record is kept, what happens to it then, and why (个人信息保护法
 * art. 19: no longer than the purpose needs; art. 47: delete or anonymise once it is reached).
 * One place for operators and auditors to read; the daily sweep (retention-sweep.ts) enforces it.
 */
export type RetentionAction = "delete" | "anonymise" | "review"

export type RetentionRule = {
  kind: string
  label: string
  /** Days after the record was written. */
  period_days: number
  action: RetentionAction
  /** What the sweep does, in Chinese, as the admin shows it. */
  effect: string
  legal_reason: string
}

const DAY = 1

export const RETENTION_POLICY: RetentionRule[] = [
  {
    kind: "escort_message",
    label: "陪诊会话消息",
    period_days: 180 * DAY,
    action: "anonymise",
    effect: "清除消息正文与图片引用，仅保留发送时间与发送方类型",
    legal_reason:
      "个人信息保护法第十九条：保存期限为实现处理目的所必要的最短时间；服务完成后的争议与投诉处理期按 180 天计",
  },
  {
    kind: "escort_location_point",
    label: "陪诊定位点",
    period_days: 90 * DAY,
    action: "anonymise",
    effect: "清除服务时间线上的定位坐标，保留状态与时间",
    legal_reason:
      "个人信息保护法第二十八条：行踪轨迹属于敏感个人信息，仅为核对服务过程短期保存（90 天）",
  },
  {
    kind: "escort_step_photo",
    label: "陪诊图片（会话图片、步骤照片、评价照片）",
    period_days: 180 * DAY,
    action: "delete",
    effect: "删除图片记录与对象存储中的文件，不再提供下载；服务报告引用的单据照片随报告保存",
    legal_reason: "个人信息保护法第十九条、第四十七条：服务与售后完成后删除（180 天）",
  },
  {
    kind: "escort_service_report",
    label: "陪诊服务报告",
    period_days: 3 * 365 * DAY,
    action: "delete",
    effect: "删除报告内容及其单据照片（含对象存储中的文件）",
    legal_reason: "民法典第一百八十八条：诉讼时效三年，报告作为服务凭证保存三年后删除",
  },
  {
    kind: "identity_verification_person_served",
    label: "就诊人实名认证记录",
    period_days: 365 * DAY,
    action: "anonymise",
    effect: "清除姓名与加密身份证号，仅保留认证结果、打码号码与时间",
    legal_reason:
      "个人信息保护法第二十八条、第四十七条：身份证号属于敏感个人信息，认证目的达成后一年匿名化",
  },
  {
    kind: "escort_admission_document",
    label: "陪诊员入驻材料（已驳回或已过期）",
    period_days: 365 * DAY,
    action: "delete",
    effect:
      "驳回满一年、或有效期届满满一年的健康证、背景调查、证书与照片：删除记录与对象存储中的文件",
    legal_reason:
      "个人信息保护法第十九条、第四十七条：材料已不能用于入驻审核与资质核验，保存一年以备争议后删除",
  },
  {
    kind: "audit_log",
    label: "访问与操作审计日志",
    period_days: 3 * 365 * DAY,
    action: "review",
    effect: "只统计到期条数：日志只可追加，由数据库管理员按归档流程导出后删除",
    legal_reason:
      "网络安全法第二十一条（网络日志留存不少于六个月）与数据安全法第二十七条：审计日志保存三年",
  },
]
