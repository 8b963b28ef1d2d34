import {
  formatCNY,
  isGeneTestLine,
  paymentMethodsFor,
  sumCNY,
  typedPromotionCodes,
} from "@health/core"
import type { Metadata } from "next"
import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { CartTotals } from "@/components/cart/cart-totals"
import { PromotionCodeField } from "@/components/cart/promotion-code-field"
import { CheckoutForm } from "@/components/checkout/checkout-form"
import { checkout, cms, member as memberApi, optional } from "@/lib/backends"
import { currentCart } from "@/lib/current-cart"
import { namedForPlace, paymentPlaceFor } from "@/lib/payment-channel"
import { currentMember } from "@/lib/session"
import {
  OPENID_COOKIE,
  isWechatBrowser,
  officialAccountFromEnv,
} from "@/lib/wechat-official-account"

export const metadata: Metadata = { title: "确认订单" }

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<{ wechat_oauth?: string }>
}) {
  const cart = await currentCart()
  const items = cart?.items ?? []
  if (!cart || !items.length) redirect("/cart")
  // Inside WeChat, learn the payer's openid first (silently), so paying opens WeChat Pay
  // right there; if that fails the QR code is shown instead.
  const userAgent = (await headers()).get("user-agent") ?? ""
  const inWechat = isWechatBrowser(userAgent)
  if (
    inWechat &&
    officialAccountFromEnv() &&
    !(await cookies()).get(OPENID_COOKIE)?.value &&
    (await searchParams).wechat_oauth !== "failed"
  ) {
    redirect("/api/wechat/oauth?next=/checkout")
  }
  const session = await currentMember()
  const member = session?.member
  // Each gene-test line gets its own 采样方式 (寄送采样盒 or 采集点现场采集).
  const lines = items.filter(isGeneTestLine).map((item) => ({
    id: item.id,
    title: item.product_title ?? item.title,
    quantity: item.quantity,
  }))
  // Collection sites for 采集点现场采集; only members book, so guests are not sent them.
  const sites = session && lines.length ? await optional(() => cms.listCollectionSites(), null) : []
  const subtotal = cart.item_subtotal ?? sumCNY(items.map((item) => item.subtotal ?? 0))
  // A balance that cannot be read just means no credit offered; checkout still works.
  const available = session
    ? await memberApi.affiliate
        .me(session.token)
        .then((affiliate) => affiliate.balances.available)
        .catch(() => 0)
    : 0
  // The methods this place may pay with, among those the shop has set up on the region;
  // offline is listed where allowed in principle, the address decides (the 岳阳 rule).
  const registered = await optional(
    () => checkout.paymentProviders(cart.region_id).then((list) => list.map((p) => p.id)),
    []
  )
  const place = paymentPlaceFor(userAgent)
  const methods = namedForPlace(
    paymentMethodsFor({ channel: place, registered, offlineAllowed: true }),
    place
  )
  // The default address fills the form; the member can still change any field.
  const saved = session
    ? (await memberApi.addresses.list(session.token).catch(() => []))[0]
    : undefined

  return (
    <section className="checkout">
      <h1>确认订单</h1>
      <div className="checkout-grid">
        <div className="panel">
          {!member && (
            <p className="notice">
              <a href="/account/sign-in?next=/checkout">登录</a>{" "}
              后下单，可在「我的账户」查看订单与报告。
            </p>
          )}
          <CheckoutForm
            payLabel={`提交订单并支付 ${formatCNY(cart.total ?? subtotal)}`}
            lines={lines}
            collection={{ sites, signedIn: !!session }}
            paymentMethods={methods}
            storeCredit={
              available > 0 ? { available, orderTotal: Number(cart.total ?? subtotal) } : undefined
            }
            defaults={{
              email: member?.email ?? "",
              name: member ? `${member.last_name ?? ""}${member.first_name ?? ""}` : "",
              phone: saved?.phone ?? member?.phone?.replace(/^\+86/, "") ?? "",
              ...(saved && {
                name: saved.name,
                province: saved.province,
                city: saved.city,
                district: saved.district,
                address: saved.street,
              }),
            }}
          />
        </div>
        <aside className="panel" data-testid="checkout-summary">
          <h2>商品清单</h2>
          <ul className="summary-lines">
            {items.map((item) => (
              <li key={item.id}>
                <span>
                  {item.product_title ?? item.title}
                  <span className="muted"> × {item.quantity}</span>
                </span>
                <span>{formatCNY(item.subtotal ?? 0)}</span>
              </li>
            ))}
          </ul>
          <PromotionCodeField applied={typedPromotionCodes(cart)} />
          <CartTotals cart={cart} subtotal={subtotal} />
          <p className="hint">
            {inWechat
              ? "支付方式：微信支付（在微信内直接付款）。"
              : "支付方式：微信支付、支付宝或银联（以下单页列出的为准），可叠加余额抵扣。"}
          </p>
        </aside>
      </div>
    </section>
  )
}
