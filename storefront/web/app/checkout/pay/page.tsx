import { formatCNY, PAYMENT_METHOD_LABELS, PAYMENT_PROVIDER_IDS, toFen } from "@health/core"
import type { Metadata } from "next"
import { cookies } from "next/headers"
import Link from "next/link"
import { redirect } from "next/navigation"
import QRCode from "qrcode"
import { FormPostPay } from "@/components/checkout/form-post-pay"
import { PaymentWaiter } from "@/components/checkout/payment-waiter"
import { WechatBridgePay } from "@/components/checkout/wechat-bridge-pay"
import { checkout } from "@/lib/backends"
import { readToken } from "@/lib/session"
import { PAYMENT_COOKIE, readOpenPayment, type OpenPayment } from "./payment-cookie"

export const metadata: Metadata = { title: "支付" }

type Search = Promise<{ cart?: string; returned?: string }>

const labelOf = (providerId: string) =>
  Object.entries(PAYMENT_PROVIDER_IDS).find(([, id]) => id === providerId)?.[0] as
    | keyof typeof PAYMENT_PROVIDER_IDS
    | undefined

/**
 * A payment opened earlier (the member's 待支付 list, another tab): WeChat Pay's, 支付宝's or
 * 银联's session, its next step as the provider wrote it, read from the cart.
 */
async function resumedPayment(cartId: string): Promise<OpenPayment | null> {
  const open = await checkout.openPayment(cartId, await readToken()).catch(() => null)
  if (!open?.payment_action) return null
  return {
    cart_id: cartId,
    provider_id: open.provider_id,
    amount_fen: toFen(open.cart.total ?? 0),
    action: open.payment_action,
  }
}

/**
 * The shopper's next step as the checkout answered it (QR code, cashier form, WeChat JSAPI),
 * then the waiting state until commerce has the order. Coming back from a provider's cashier
 * page, only the waiting state is left.
 */
export default async function PayPage({ searchParams }: { searchParams: Search }) {
  const { cart: cartId, returned } = await searchParams
  if (!cartId || !/^cart_\w+$/.test(cartId)) redirect("/cart")
  // Back from a cashier (the return route): only the wait is left; the cashier form, which
  // posts itself, would take the shopper straight back to a cashier that was already paid.
  const back = returned === "1"
  const payment =
    readOpenPayment((await cookies()).get(PAYMENT_COOKIE)?.value, cartId) ??
    (await resumedPayment(cartId))
  const key = payment ? labelOf(payment.provider_id) : undefined
  const label = key ? PAYMENT_METHOD_LABELS[key] : "支付"
  const action = back ? undefined : payment?.action
  const qr =
    action?.kind === "qr_code"
      ? await QRCode.toString(action.code_url, { type: "svg", margin: 1, width: 240 })
      : null
  // The local sandbox's code_url is a web page; a real one is weixin://, only WeChat opens it.
  const testPage =
    action?.kind === "qr_code" && action.code_url.startsWith("http") ? action.code_url : null
  const expiresAt = action && "expires_at" in action ? action.expires_at : undefined

  return (
    <section className="narrow pay-page">
      <h1>{label}</h1>
      {payment && (
        <p className="pay-amount" data-testid="pay-amount">
          {formatCNY(payment.amount_fen / 100)}
        </p>
      )}
      {action?.kind === "jsapi" ? (
        <WechatBridgePay params={action.params} />
      ) : qr ? (
        <figure className="qr" data-testid="wechat-qr">
          <span dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>请使用{key === "wechatpay" ? "微信" : label}「扫一扫」完成支付</figcaption>
        </figure>
      ) : action?.kind === "form_post" ? (
        <FormPostPay action={action.action} fields={action.fields} label={label} />
      ) : action?.kind === "redirect" ? (
        <p className="notice">
          <a className="button primary" href={action.url}>
            前往{label}付款
          </a>
        </p>
      ) : back ? (
        <p className="notice" data-testid="pay-returned">
          已从{label}返回，正在确认支付结果…
        </p>
      ) : (
        <p className="notice">支付完成后本页会自动更新。</p>
      )}
      <PaymentWaiter cartId={cartId} expiresAt={expiresAt} />
      {testPage && (
        <p className="hint">
          测试环境：
          <a href={testPage} data-testid="sandbox-pay-link">
            在浏览器中打开沙箱支付页
          </a>
        </p>
      )}
      <p>
        <Link href="/cart">返回购物车</Link>
      </p>
    </section>
  )
}
