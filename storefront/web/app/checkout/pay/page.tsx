import {
  describeCollectionChoice,
  describeLineTestChoice,
  formatCNY,
  readCollectionChoice,
  readLineTestChoice,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import QRCode from "qrcode"
import { PaymentWaiter } from "@/components/checkout/payment-waiter"
import { WechatBridgePay } from "@/components/checkout/wechat-bridge-pay"
import { checkout } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const metadata: Metadata = { title: "微信支付" }

type Search = Promise<{ cart?: string }>

export default async function PayPage({ searchParams }: { searchParams: Search }) {
  const { cart: cartId } = await searchParams
  if (!cartId || !/^cart_\w+$/.test(cartId)) redirect("/cart")
  const { cart, payment } = await checkout.wechatSession(cartId, await readToken()).catch(() => ({
    cart: null,
    payment: null,
  }))
  if (!cart || !payment) redirect("/cart")
  const total = cart.total ?? 0
  const collection = readCollectionChoice(cart.metadata)
  // Each gene-test line's 采样方式 as checkout kept it on the line.
  const methods = (cart.items ?? []).flatMap((item) => {
    const choice = readLineTestChoice(item.metadata)
    return choice ? [{ id: item.id, title: item.product_title ?? item.title, choice }] : []
  })
  const qr = payment.code_url
    ? await QRCode.toString(payment.code_url, { type: "svg", margin: 1, width: 240 })
    : null
  // The local sandbox's code_url is a web page; a real one is weixin://, only WeChat opens it.
  const testPage = payment.code_url?.startsWith("http") ? payment.code_url : null

  return (
    <section className="narrow pay-page">
      <h1>微信支付</h1>
      <p className="pay-amount" data-testid="pay-amount">
        {formatCNY(total)}
      </p>
      {collection && (
        <p className="muted" data-testid="collection-appointment">
          现场采集：{describeCollectionChoice(collection)}（支付成功后为您预约）
        </p>
      )}
      {methods.length > 0 && (
        <ul className="summary-lines" data-testid="line-test-methods">
          {methods.map((line) => (
            <li key={line.id}>
              {line.title}：{describeLineTestChoice(line.choice)}
              {line.choice.method === "on_site" ? "（支付成功后为您预约）" : ""}
            </li>
          ))}
        </ul>
      )}
      {payment.request_payment ? (
        <WechatBridgePay params={payment.request_payment} />
      ) : qr ? (
        <figure className="qr" data-testid="wechat-qr">
          <span dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>请使用微信「扫一扫」完成支付</figcaption>
        </figure>
      ) : (
        <p className="notice">已跳转到微信完成支付。支付完成后本页会自动更新。</p>
      )}
      <PaymentWaiter cartId={cartId} expiresAt={payment.time_expire} />
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
