/** What the service account says to followers and staff, in one place. */
export const OFFICIAL_ACCOUNT_TEXT = {
  welcome: "感谢关注健康服务平台！检测报告、订单与预约进度都会在这里通知您。",
  bindInvite: (url: string) =>
    `绑定会员后即可在这里收到报告、订单与预约通知：<a href="${url}">点击登录并绑定</a>（30分钟内有效）`,
  bindInvalid: "绑定链接无效或已过期，请在公众号中重新获取",
  notConfigured: "公众号未配置",
  badSignature: "签名无效",
  badMessage: "消息格式不正确",
  undecryptable: "消息无法解密",
  safeModeOff: "未配置消息加解密密钥",
  tooLarge: "消息过大",
  menuRefused: (errcode: number, errmsg: string) => `微信拒绝了菜单（${errcode}）：${errmsg}`,
  wechatUnreachable: "暂时无法连接微信，请稍后重试",
  massContentMissing: "内容不存在或尚未发布",
  massContentNotMicrosite: "该内容未设置“发布到微官网”，不能群发",
  massProductMissing: "商品不存在或尚未上架",
  massProductNotMicrosite: "该商品未设置“发布到微官网”，不能群发",
  micrositeProductMissing: "商品不存在",
  micrositeHiddenProduct: "该商品未在小程序上架",
  massQuotaUsed: (limit: number) => `本月群发次数已用完（服务号每月 ${limit} 次），请下月再发`,
  massCmsUnavailable: "内容管理系统暂时无法读取，请稍后再试",
  massDefaultDigest: "点击阅读全文",
} as const
