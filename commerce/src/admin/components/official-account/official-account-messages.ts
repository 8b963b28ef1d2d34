/** The official-account admin screen's words, in one place. */
export const OFFICIAL_ACCOUNT_MESSAGES = {
  title: "公众号",
  intro:
    "服务号的自动回复、自定义菜单与模板消息记录。关注者按 unionid 或绑定链接关联会员；报告出具时向关注且未退订的会员发送模板消息。群发尚未提供。",
  kinds: { keyword: "关键词回复", click: "菜单点击回复", follow: "关注回复" },
  modes: { exact: "完全匹配", contains: "包含" },
  matchPlaceholder: { keyword: "关键词", click: "按钮键值（key）", follow: "（无需填写）" },
  replyPlaceholder: '回复内容（可含 <a href="…">链接</a>）',
  addRule: "添加规则",
  noRules: "还没有自动回复规则。",
  switchOn: "启用",
  switchOff: "停用",
  remove: "删除",
  menuHint:
    "按微信 menu/create 的 button 格式编辑：最多3个一级菜单、每个最多5个子菜单；按钮类型 click（key）、view（url）或 miniprogram。",
  saveMenu: "保存菜单",
  publishMenu: "发布到微信",
  menuInvalidJson: "菜单不是有效的 JSON",
  neverPublished: "尚未发布",
  noSends: "还没有模板消息记录。",
  outcomes: {
    sent: "已发送",
    failed: "失败",
    opted_out: "会员已退订",
    not_following: "未关注公众号",
  },
} as const
