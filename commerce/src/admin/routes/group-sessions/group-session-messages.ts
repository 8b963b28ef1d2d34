/** The 在线咨询审核 screen's words, in one place. */
export const GROUP_SESSION_MESSAGES = {
  title: "在线咨询审核",
  intro:
    "专家定时举办的在线咨询（直播间答疑）：会员的提问先在这里等待审核，通过后实时出现在直播间，驳回的不公开（理由仅提问者可见）。解答由主讲专家在医生工作台填写。",
  noSessions: "还没有安排在线咨询",
  back: "返回场次列表",
  open: "审核提问",
  refresh: "刷新",
  autoRefresh: "进行中：每 10 秒自动刷新",
  tabs: { pending: "待审核", approved: "已公开", rejected: "已驳回" },
  empty: {
    pending: "没有待审核的提问",
    approved: "还没有公开的提问",
    rejected: "没有驳回的提问",
  },
  approve: "通过并公开",
  reject: "驳回",
  confirmReject: "确认驳回",
  cancel: "取消",
  rejectReason: "驳回理由（选填，仅提问者可见，不超过 200 字）",
  reasonTooLong: "驳回理由不超过 200 字",
  approved: "已通过，直播间已实时显示",
  rejected: "已驳回",
  forbidden: "您没有内容审核权限，请联系管理员开通。",
  noAnswer: "等待专家解答",
  decidedBy: { doctor: "专家", staff: "平台审核" },
} as const
