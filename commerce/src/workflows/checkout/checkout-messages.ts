/** What the server-run checkout tells the shopper, each naming what to fix. */
export const CHECKOUT_MESSAGES = {
  cartGone: "购物车已失效，请重新选购",
  emptyCart: "购物车是空的，请先选购商品",
  completed: "该购物车已提交订单，请在「我的订单」中查看",
  busy: "正在为该购物车提交订单，请勿重复提交，稍候查看支付结果",
  changedSinceCheckout: "订单信息有变化，请重新确认后提交",
  lineUnknown: "购物车中没有这件商品，请刷新页面后重试",
  lineTwice: (title: string) => `「${title}」的采样方式重复提交了，请只选择一次`,
  lineNoMethod: (title: string) => `「${title}」无需选择采样方式`,
  lineMissing: (title: string) => `请为「${title}」选择采样方式（寄送采样盒或采集点现场采集）`,
  onSiteNeedsMember: "现场采集需登录会员后预约时段，请先登录，或选择寄送采样盒",
  pickSite: (title: string) => `「${title}」请选择现场采集的采集点、日期和时段`,
  addressProvince: "请选择收货地址的省份",
  addressCity: "请选择收货地址的城市",
  addressStreet: "请填写详细地址（街道、门牌号）",
  creditNeedsMember: "余额抵扣仅限登录会员使用",
  providerUnknown: "不支持该支付方式，请重新选择",
  openidNeeded: "请先用微信登录后再支付",
  noShipping: (mailed: boolean) =>
    mailed ? "该地址暂不支持配送，请更换地址" : "暂不支持现场采集，请选择寄送采样盒",
  paymentFailed: "支付发起失败，请稍后重试或更换支付方式",
  offlineInstructions:
    "请通过银行转账或到岳阳采集点付款，付款时备注订单号；财务确认收款后为您发货或预约，72 小时内未确认的订单将自动取消。",
} as const
