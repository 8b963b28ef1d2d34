import Taro from "@tarojs/taro"
import { checkout, wechatLogin } from "./clients"
import { isWeapp } from "./config"
import { bindPendingReferral, type BindOutcome } from "./referral"
import { session } from "./session"

/**
 * After any sign-in: keep the token, give the visitor's cart to the member, and bind the
 * referrer they arrived with (as the web does at sign-up).
 */
export async function completeSignIn(token: string): Promise<BindOutcome> {
  session.setToken(token)
  const cartId = session.cartId()
  if (cartId) await checkout.claimCart(cartId, token).catch(() => session.clearCart())
  return bindPendingReferral(token)
}

/** 微信一键登录: wx.login's code → commerce (code2session) → a member token. */
export async function signInWithWechat(): Promise<BindOutcome> {
  if (!isWeapp()) throw new Error("请在微信小程序中使用微信登录")
  const { code } = await Taro.login()
  const token = await wechatLogin.signInWithWechat(code)
  return completeSignIn(token)
}
