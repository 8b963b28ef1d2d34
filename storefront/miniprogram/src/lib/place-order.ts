import {
  toMedusaAddress,
  type Address,
  type MemberAddressInput,
  type WechatPaymentData,
} from "@health/core"
import { checkout } from "./clients"
import { startPayment } from "./payment"
import { bindPendingReferral } from "./referral"

export type CheckoutInput = { email: string; address: MemberAddressInput; consent: boolean }

/** What the form must fix before anything is sent, in the words the web's checkout uses. */
export function checkoutProblem(input: CheckoutInput): string | null {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email.trim()))
    return "请填写正确的邮箱，用于接收订单通知"
  const a = input.address
  if (!a.name.trim()) return "请填写收货人"
  if (!/^1[3-9]\d{9}$/.test(a.phone.replace(/\s/g, ""))) return "请输入正确的 11 位手机号"
  if (!a.province.trim() || !a.city.trim() || !a.district.trim()) return "请填写省份、城市和区县"
  if (!a.street.trim()) return "请填写详细地址"
  if (!input.consent) return "请阅读并同意《隐私政策》与检测知情说明"
  return null
}

const ON_SITE = "on-site-collection"

export type PaymentStep = { total: number; payment: WechatPaymentData }

/**
 * The checkout steps of the web, in the same order: the cart becomes the member's, the
 * referrer they arrived with is bound (first order), contact and address, mail-in shipping,
 * then a WeChat Pay session on this runtime's channel.
 */
export async function placeOrder(
  cartId: string,
  token: string,
  input: CheckoutInput,
  openid?: string
): Promise<PaymentStep> {
  await checkout.claimCart(cartId, token)
  await bindPendingReferral(token)
  const address = { ...toMedusaAddress(input.address), country_code: "cn" } as Address
  await checkout.setContactAndAddress(cartId, { email: input.email.trim(), address }, token)
  const options = await checkout.shippingOptions(cartId)
  const mailIn = options.find((o) => o.type?.code !== ON_SITE) ?? options[0]
  if (!mailIn) throw new Error("该地址暂不支持配送，请更换地址")
  await checkout.chooseShipping(cartId, mailIn.id, token)
  await checkout.setCollectionAppointment(cartId, null, token)
  const payment = await startPayment(cartId, token, openid)
  const { cart } = await checkout.wechatSession(cartId)
  return { total: Number(cart.total ?? 0), payment }
}
