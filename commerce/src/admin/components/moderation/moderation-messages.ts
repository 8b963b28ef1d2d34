/** The 内容审核 screen's words, in one place. */
export const MODERATION_MESSAGES = {
  title: "内容审核",
  intro:
    "会员与陪诊员的评价先经敏感词与医疗广告过滤；命中或被举报的内容在这里等待审核。通过（可删改后通过）即展示，驳回须填写原因，作者会收到通知。",
  tabs: { queue: "待审核", decided: "已处理", words: "敏感词" },
  noPending: "没有待审核的内容",
  noDecided: "还没有处理过的内容",
  approve: "通过",
  editApprove: "删改后通过",
  reject: "驳回",
  rejectReason: "驳回原因（作者会看到）",
  editedText: "展示的内容",
  addWord: "添加敏感词",
  wordPlaceholder: "敏感词，如：根治",
  noWords: "敏感词表为空",
  switchOff: "停用",
  switchOn: "启用",
  remove: "删除",
  categories: {
    medical_ad: "医疗广告",
    illegal: "违法",
    contact: "联系方式",
    abuse: "辱骂",
    other: "其他",
  },
} as const
