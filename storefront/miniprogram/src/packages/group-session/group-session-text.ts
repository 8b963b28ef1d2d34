/** The mini-program's 专家在线咨询 wording in one place (as the web's /consult/group-sessions says it). */
export const GROUP_SESSION_TEXT = {
  intro:
    "专家定期集中答疑：加入后提问，经审核公开，专家在直播间统一解答。内容为健康咨询，不作诊断。",
  empty: "近期没有安排在线咨询，请稍后再来。",
  signInToJoin: "登录后加入",
  join: "加入本场咨询",
  joining: "加入中…",
  joined: "已加入，开始前 30 分钟可以提问",
  noQuestions: "还没有公开的问题。专家审核后，问题和解答会实时出现在这里。",
  waitingAnswer: "等待专家解答",
  ended: "本场咨询已结束。",
  notOpenYet: "开始前 30 分钟开放提问。",
  askPlaceholder: "请勿填写手机号、微信号等个人信息；问题经审核后公开",
  askTooShort: "请写下您的问题（5 至 300 字）",
  ask: "提交问题",
  asking: "提交中…",
  asked: "已提交，审核通过后会在直播间公开",
  noMine: "您还没有提问。",
}

/** What commerce accepts as a question (QUESTION_CHARS in commerce's session rules). */
export const QUESTION_CHARS = { min: 5, max: 300 }
