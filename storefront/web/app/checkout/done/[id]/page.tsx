import { describeCollectionChoice, formatDateTime, readLineTestChoice } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderLines } from "@/components/order/order-lines"
import { checkout } from "@/lib/backends"
import { env } from "@/lib/env"
import { readToken } from "@/lib/session"

export const metadata: Metadata = { title: "订单已提交" }

const NEXT_STEPS = [
  "支付成功",
  "寄送采样盒 / 预约采集",
  "激活采样盒并采样",
  "实验室检测",
  "查看报告",
]

export default async function OrderDonePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ token?: string | string[] }>
}) {
  const { id } = await params
  // A guest's order opens with the token its checkout answered; a member's with their session.
  const { token: accessToken } = await searchParams
  const token = await readToken()
  const order = await checkout
    .order(id, token, typeof accessToken === "string" ? accessToken : undefined)
    .catch(() => null)
  if (!order) notFound()
  // Only members choose on-site collection; the page still shows when this cannot be read.
  const collection = token
    ? await checkout.orderCollectionChoice(id, token).catch(() => null)
    : null
  // Per-line picks: each line below says its method; the appointments are booked for them.
  const onSiteLines = order.items.filter(
    (item) => readLineTestChoice(item.metadata)?.method === "on_site"
  ).length
  // WeChat Pay captures at once; an offline order stays authorised until staff confirm the money.
  const awaitingOfflinePayment = order.payment_status === "authorized"
  const steps = awaitingOfflinePayment
    ? ["订单已提交", "线下付款", ...NEXT_STEPS.slice(1)]
    : NEXT_STEPS

  return (
    <section className="narrow" data-testid="order-done">
      <div className="success-head">
        <span className="success-mark" aria-hidden>
          ✓
        </span>
        <h1>{awaitingOfflinePayment ? "订单已提交，待付款" : "支付成功"}</h1>
        <p className="muted">
          订单 #{order.display_id} · {formatDateTime(order.created_at)}
        </p>
      </div>
      {awaitingOfflinePayment && (
        <p className="notice" data-testid="offline-instructions">
          {env.offlinePaymentNote} 转账时请备注订单号 #{order.display_id}
          。工作人员确认收款后安排寄送采样盒并通知您。
        </p>
      )}
      {collection && (
        <p className="notice" data-testid="collection-appointment">
          现场采集：{describeCollectionChoice(collection)}。已为您提交预约，可在
          <Link href="/account/appointments">「我的预约」</Link>
          查看、改期或取消；如该时段已被约满，我们会在消息中心通知您另选时段。
        </p>
      )}
      {!collection && onSiteLines > 0 && (
        <p className="notice" data-testid="collection-appointment">
          现场采集的检测已按所选采集点和时段为您提交预约，可在
          <Link href="/account/appointments">「我的预约」</Link>
          查看、改期或取消；如某时段已被约满，我们会在消息中心通知您另选时段。
        </p>
      )}
      <ol className="timeline" aria-label="接下来">
        {steps.map((step, index) => (
          <li key={step} className={index === 0 ? "done" : ""}>
            {step}
          </li>
        ))}
      </ol>
      <OrderLines order={order} totalLabel={awaitingOfflinePayment ? "应付" : "实付"} />
      <p className="actions">
        <Link href="/account" className="button primary">
          查看我的订单
        </Link>
        <Link href="/products" className="button">
          继续逛逛
        </Link>
      </p>
    </section>
  )
}
