import { formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderLines } from "@/components/order/order-lines"
import { checkout } from "@/lib/backends"
import { FULFILLMENT_STATUS_LABEL, PAYMENT_STATUS_LABEL } from "@/lib/order-status"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "订单详情" }

/** One of the member's own orders (the store API gives any order by id, so ownership is checked here). */
export default async function MemberOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token, member } = await requireMember(`/account/orders/${id}`)
  const order = await checkout.order(id, token).catch(() => null)
  if (!order || order.customer_id !== member.id) notFound()
  const address = order.shipping_address

  return (
    <section className="narrow" data-testid="member-order">
      <p>
        <Link href="/account">← 我的账户</Link>
      </p>
      <h1>订单 #{order.display_id}</h1>
      <p className="muted">
        {formatDateTime(order.created_at)} ·{" "}
        <span className="chip">
          {PAYMENT_STATUS_LABEL[order.payment_status] ?? order.payment_status}
        </span>
        {order.fulfillment_status && (
          <span className="chip">
            {FULFILLMENT_STATUS_LABEL[order.fulfillment_status] ?? order.fulfillment_status}
          </span>
        )}
      </p>
      <OrderLines order={order} totalLabel="合计" />
      {address && (
        <div className="panel">
          <h2>收货信息</h2>
          <p>
            {address.last_name}
            {address.first_name} · {address.phone}
          </p>
          <p className="muted">
            {address.province} {address.city} {address.address_1}
          </p>
        </div>
      )}
    </section>
  )
}
