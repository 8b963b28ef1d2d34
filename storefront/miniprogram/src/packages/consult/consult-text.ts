import type { ConsultationMode } from "@health/core"

/** The mini-program's 问诊 wording in one place (as the web's /consult and 我的问诊 say it). */
export const MODE_LABELS: Record<ConsultationMode, string> = {
  text: "图文问诊",
  phone: "电话问诊",
  video: "视频问诊",
}

export const FROM_LABELS: Record<string, string> = { member: "我", doctor: "医生", staff: "平台" }

export const CONSULT_TEXT = {
  disclaimer: "医生提供健康咨询与复诊建议，不作诊断、不开处方；急症请立即就医或拨打 120。",
  noDoctors: "暂时没有可咨询的医生，请稍后再来。",
  offDuty: "医生暂停接诊，请选择其他医生。",
  textRefund: "医生未在承诺时间内回复将自动全额退款",
  slotsFailed: "号源暂时无法读取，请稍后刷新重试。",
  noSlots: (mode: string) => `未来两周暂无可预约的${mode}时段，请稍后再来或选择图文问诊。`,
  questionPlaceholder: "症状、持续时间、用药情况等（提交后可发送图片，或共享健康档案中的报告）",
  questionTooShort: "请用至少 5 个字描述您的问题",
  pickSlot: "请选择预约时段",
  slotHold: "请在 30 分钟内完成支付，否则时段将释放；医生未按时开始或取消将自动全额退款。",
  noConsultations: "还没有问诊记录",
  askedSlot: "时段已为您保留，请在 30 分钟内完成支付。",
  askedText: "问题已提交，支付后医生将在承诺时间内回复。",
  phoneCalls: "医生将在预约时段通过隐私号码来电，请留意接听",
  payCancelled: "已取消支付，问诊将为您保留 30 分钟",
  paid: "支付成功",
  emptyMessage: "请输入消息内容",
  pictureTooLarge: "图片超过 5 MB，请压缩后再发送",
  archived: "已存入您的健康档案。",
}

/** Pictures and PDFs the doctor and member exchange: commerce refuses more than 5 MB. */
export const MAX_CONSULT_ATTACHMENT_BYTES = 5 * 1024 * 1024
