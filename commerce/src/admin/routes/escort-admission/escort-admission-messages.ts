/** 陪诊员审核's zh-CN text, in one place. */
export const ESCORT_ADMISSION_MESSAGES = {
  title: "陪诊员审核",
  intro:
    "逐项审核入驻材料：通过时填写证件有效期，驳回时填写原因（申请人可见）。实名认证、健康证与背景调查均通过后方可启用。查看申请与材料均记入审计日志。",
  tabs: { submitted: "待审核", draft: "填写中", approved: "已通过", suspended: "已暂停" },
  empty: "暂无申请",
  approve: "通过",
  reject: "驳回",
  expiresOn: "有效期至（YYYY-MM-DD）",
  reason: "驳回原因（申请人可见）",
  activate: "启用陪诊员",
  activated: "已启用，该陪诊员可以接单了",
  view: "查看文件",
  review: "审核",
  back: "返回列表",
} as const
