import { CONSTITUTION_NAMES, KIT_STATUS_LABELS } from "@health/contracts"

export { CONSTITUTION_NAMES, KIT_STATUS_LABELS }

/** The steps of the conversion funnel, in order, and the step no table records. */
export const CONVERSION_STEP_LABELS = {
  visits: "访问",
  carts: "加入购物车",
  checkouts: "发起支付",
  orders: "提交订单",
  paid: "完成支付",
} as const

export type ConversionStep = keyof typeof CONVERSION_STEP_LABELS

/** Why the visit step has no figure: nothing records page visits yet. */
export const NO_VISIT_DATA = "暂无访问数据：系统尚未记录页面访问，漏斗从加入购物车开始"

/**
 * Registration channels, from what sign-up writes on the customer (metadata.signup_method):
 * `wechat` is the mini-program's wx.login, `phone` the SMS code, none the web e-mail form.
 */
export const MEMBER_CHANNEL_LABELS = {
  web: "网站（邮箱注册）",
  mini_program: "微信小程序",
  phone: "手机验证码",
  wechat_oa: "微信公众号",
} as const

export type MemberChannel = keyof typeof MEMBER_CHANNEL_LABELS

/** Channels members cannot sign up through yet, so they have no figure (not zero). */
export const UNTRACKED_MEMBER_CHANNELS: { channel: MemberChannel; note: string }[] = [
  { channel: "wechat_oa", note: "公众号网页授权登录尚未上线，暂无数据" },
]

export const AFFILIATE_LEVEL_LABELS: Record<number, string> = { 1: "一级", 2: "二级", 3: "三级" }

/** Sheet names of the workbook, one per block. */
export const BLOCK_LABELS = {
  sales: "销售与订单",
  conversion: "转化漏斗",
  members: "新增会员",
  affiliates: "分销贡献",
  kits: "检测盒",
  appointments: "预约",
  constitution: "体质分布",
  regions: "地区分布",
} as const
