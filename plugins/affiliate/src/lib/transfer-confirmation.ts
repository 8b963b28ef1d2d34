/**
 * What the member's WeChat needs to open 确认收款 for a paying withdrawal
 * (wx.requestMerchantTransfer in the mini-program, WeixinJSBridge "requestMerchantTransfer"
 * in WeChat's browser): WeChat wants the merchant number and AppID the bill was created with,
 * which are the WeChat Pay settings the transfer itself is made with (WECHATPAY_MCHID and
 * WECHATPAY_APPID, read the same way by the wechatpay plugin), and the bill's package.
 * Null when there is nothing to confirm or WeChat Pay is not configured.
 */
export function transferConfirmation(
  withdrawal: { status: string; transfer_package?: string | null },
  env: NodeJS.ProcessEnv = process.env
): { mch_id: string; app_id: string; package: string } | null {
  const mchId = env.WECHATPAY_MCHID
  const appId = env.WECHATPAY_APPID
  if (withdrawal.status !== "paying" || !withdrawal.transfer_package || !mchId || !appId) {
    return null
  }
  return { mch_id: mchId, app_id: appId, package: withdrawal.transfer_package }
}
