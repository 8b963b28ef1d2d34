/**
 * Every message the global error handler answers with (zh-CN). Routes that know
 * better throw their own Chinese message; these cover Medusa, zod, body-parser and
 * Express, which speak English.
 */
export const ERROR_MESSAGES = {
  malformedPath: "请求地址无效：含有无法识别的编码或控制字符",
  malformedInput: "提交的内容含有无效字符（如空字符），请检查后重试",
  invalidJson: "请求内容不是有效的 JSON，请检查格式后重试",
  queryTooDeep: "查询参数层级过深：参数名最多两级（如 a.b）",
  payloadTooLarge: "提交的内容过大，请精简后重试",
  unsupportedEncoding: "不支持的请求内容编码或字符集，请使用 UTF-8",
  requestAborted: "请求未完整发送，请重试",
  invalidData: "提交的数据无效，请检查后重试",
  invalidValue: "提交的数据格式或取值无效，请检查后重试",
  notAllowed: "当前状态下不能进行此操作",
  notFound: "未找到请求的内容，可能已被删除或地址有误",
  unknownRoute: "没有这个接口：请检查请求地址和请求方法",
  unauthorized: "请先登录，或登录已过期，请重新登录",
  wrongCredentials: "邮箱或密码不正确",
  resetLinkInvalid: "重置密码的链接无效、已过期或已使用，请重新申请重置密码",
  signInMethodNotAllowed: "此账号不能用这种方式登录：员工账号只能用邮箱和密码登录",
  forbidden: "没有权限执行此操作",
  duplicate: "该记录已存在，请勿重复提交",
  conflict: "该请求正与另一个请求同时处理，请稍后重试",
  paymentInProgress: "正在处理另一笔付款，请稍后重试",
  paymentAuthorization: "支付未能完成授权，请重试或更换支付方式",
  refundExceedsCaptured: "退款金额超过这笔支付尚可退的金额（已收款减去已退款），请改小后重试",
  publishableKeyRequired: "缺少或无效的店铺访问密钥（x-publishable-api-key）",
  indexUnavailable: "索引功能未启用",
  registrationNotCompleted: "注册未能完成：如该邮箱已注册，请直接登录，或使用短信验证码登录",
  promotionCodeUnknown: "优惠码不存在，请核对后重新输入",
  badRequest: "请求无效，请检查后重试",
  tooManyRequests: "请求过于频繁，请稍后再试",
  internal: "服务器开小差了，请稍后重试",
} as const

/** Field-level wording for validation errors: "字段 email：格式不正确". */
export const FIELD_MESSAGES = {
  field: (path: string, problem: string) =>
    path ? `字段 ${path}：${problem}` : `请求内容：${problem}`,
  required: "必填",
  wrongType: (expected: string) => `类型不正确，应为${TYPE_NAMES[expected] ?? expected}`,
  oneOf: (values: string[]) => `取值必须是 ${values.join("、")} 之一`,
  unrecognized: (keys: string[]) => `不支持的字段：${keys.join("、")}`,
  tooSmall: (minimum: string) => `不能小于 ${minimum}（长度或数值）`,
  tooBig: (maximum: string) => `不能大于 ${maximum}（长度或数值）`,
  notMultipleOf: (divisor: string) => `必须是 ${divisor} 的倍数`,
  badFormat: "格式不正确",
  invalid: "取值无效",
  invalidKey: "含有无效的键",
  invalidElement: "含有无效的元素",
}

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "布尔值（true/false）",
  object: "对象",
  array: "数组",
  date: "日期",
  bigint: "整数",
  null: "空值",
}
