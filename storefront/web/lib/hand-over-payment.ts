import { PAYMENT_PROVIDER_IDS, type PaymentAction, type PaymentChannel } from "@health/core"
import { storeCreditFen } from "@health/core/commerce/store-credit"
import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { PAYMENT_COOKIE, type OpenPayment } from "@/app/checkout/pay/payment-cookie"
import type { AccountActionState } from "./account-actions"
import { memberActionError } from "./member-action-error"
import { h5CashierUrl, paymentPlaceFor } from "./payment-channel"
import { OPENID_COOKIE, officialAccountFromEnv } from "./wechat-official-account"

type Answer = { action: PaymentAction; cart_id: string }

/**
 * Pays something booked outside the shop (a consultation, an escort booking) through its own
 * cart: reads the chosen method and balance from the form, calls `pay`, and hands over to the
 * checkout's pay page (QR code, cashier, WeChat JSAPI) unless store credit covered it all
 * (then `paidNotice`). Refusals come back as the form's error.
 */
export async function handOverPayment(
  form: FormData,
  what: string,
  pay: (method: {
    provider_id: string
    channel: PaymentChannel
    openid?: string
    store_credit_fen: number
  }) => Promise<Answer>,
  paidNotice: string
): Promise<AccountActionState> {
  const providerId = String(form.get("payment") ?? "").trim()
  if (!providerId) return { error: "请选择支付方式" }
  const credit = storeCreditFen(
    form.get("use_credit") === "yes",
    String(form.get("credit_amount") ?? "").trim()
  )
  if ("problem" in credit) return { error: credit.problem }
  const jar = await cookies()
  const openid = officialAccountFromEnv() ? jar.get(OPENID_COOKIE)?.value : undefined
  let answer: Answer
  try {
    answer = await pay({
      provider_id: providerId,
      channel: paymentPlaceFor((await headers()).get("user-agent") ?? ""),
      ...(openid && { openid }),
      store_credit_fen: credit.fen,
    })
  } catch (error) {
    return memberActionError(error, what)
  }
  const { action, cart_id } = answer
  if (action.kind === "none") return { notice: paidNotice }
  const amount = Number(form.get("amount_fen")) || 0
  const open: OpenPayment = {
    cart_id,
    provider_id: providerId,
    amount_fen: Math.max(0, amount - credit.fen),
    action,
  }
  jar.set(PAYMENT_COOKIE, JSON.stringify(open), {
    httpOnly: true,
    sameSite: "lax",
    path: "/checkout",
    maxAge: 60 * 60,
  })
  if (action.kind === "redirect") {
    redirect(
      providerId === PAYMENT_PROVIDER_IDS.wechatpay ? h5CashierUrl(action.url, cart_id) : action.url
    )
  }
  redirect(`/checkout/pay?cart=${cart_id}`)
}
