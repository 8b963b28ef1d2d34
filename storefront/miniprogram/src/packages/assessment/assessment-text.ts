/** The mini-program's 检测评估 wording in one place (as the web's /account/assessments says it). */
export const ASSESSMENT_TEXT = {
  empty: "还没有检测评估。选择专家和档案资料，专家会出具检测评估报告。",
  grantTitle: "申请检测评估",
  noItems: "健康档案里还没有可授权的资料。",
  noDoctors: "暂时没有可选择的专家，请稍后再来。",
  consent:
    "我已阅读并同意《档案资料授权书》：仅所选专家可在期限内查看所选资料，用于本次评估；我可随时撤回，专家每次查看都会记入我的档案访问记录。",
  pickDoctor: "请选择评估专家",
  noQuestion: "请填写希望专家评估的内容",
  pickItem: "请至少选择一份档案资料",
  needConsent: "请阅读并同意《档案资料授权书》后再提交",
  badDays: "授权期限应为 1 至 90 天",
  questionPlaceholder: "希望专家评估的内容，例如：结合基因检测和体检报告看看饮食需要注意什么",
  submit: "同意授权并提交",
  submitting: "提交中…",
  waiting: "专家正在评估，出具报告后会通过消息中心通知您。",
  noReads: "专家还没有查看您的资料。",
  withdraw: "撤回授权",
  withdrawConfirm: "撤回后专家将无法再查看本次授权的任何资料，确定撤回吗？",
  withdrawn: "已撤回授权",
  pdfOnWeb: "请在网页版「检测评估」中查看和下载 PDF。",
  pdfFailed: "报告打开失败",
}

/** How long a grant lasts, in days (commerce accepts 1–90). */
export const GRANT_DAYS = { min: 1, max: 90, initial: 14, choices: [7, 14, 30, 90] }
