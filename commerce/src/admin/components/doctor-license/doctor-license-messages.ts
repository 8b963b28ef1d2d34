/** 医生资质审核's zh-CN text, kept in one place. */
export const DOCTOR_LICENSE_MESSAGES = {
  title: "医生资质审核",
  intro:
    "医生在医生端上传执业证书、资格证书等材料。审核通过即核验执业资格，医生可接诊并向会员展示；驳回会撤销核验，医生会看到驳回原因。每次查看材料都会记录审计日志。",
  tabs: { pending: "待审核", approved: "已通过", rejected: "已驳回" },
  empty: "暂无材料",
  view: "查看材料",
  approve: "通过",
  reject: "驳回",
  rejectReason: "驳回原因（医生可见）",
  needReason: "请先在输入框填写驳回原因",
} as const
