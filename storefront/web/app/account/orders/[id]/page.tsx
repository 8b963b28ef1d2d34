import { formatDateTime, kitUsage, orderState, orderStateLabel } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderLines } from "@/components/order/order-lines"
import { CancelOrderForm } from "@/components/order/cancel-order-form"
import { ChangeAddressForm } from "@/components/order/change-address-form"
import { OrderTestMethodsPanel } from "@/components/order/order-test-methods"
import { WechatKfLink } from "@/components/support/wechat-kf-link"
import { checkout, healthArchive, orderTestMethods, orders } from "@/lib/backends"
import { cancelOrder, changeOrderAddress } from "@/lib/order-actions"
import { FULFILLMENT_STATUS_LABEL } from "@/lib/order-status"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "订单详情" }

/** One of the member's own orders (the store API gives any order by id, so ownership is checked here). */
export default async function MemberOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams?: Promise<Record<string, string | string[] | undefined>>
}) {
  const { id } = await params
  const changed = (await searchParams)?.test_method === "changed"
  const { token, member } = await requireMember(`/account/orders/${id}`)
  const order = await checkout.order(id, token).catch(() => null)
  if (!order || order.customer_id !== member.id) notFound()
  const address = order.shipping_address
  // An archive that cannot load should not hide the order itself.
  const kits = (await healthArchive.listKits(token, order.id).catch(() => null))?.kits ?? []
  // Business and usage state, and whether 修改 / 取消 are still open (and why not).
  const business = await orders.get(token, order.id).catch(() => null)
  const cancellation = business?.cancellation ?? null
  // Each kit's 采样方式 and whether 修改检测方式/改约 is still open.
  const methods = await orderTestMethods.get(token, order.id).catch(() => null)
  const state = orderState(order)

  return (
    <section className="narrow" data-testid="member-order">
      <p>
        <Link href="/account">← 我的账户</Link>
      </p>
      <h1>订单 #{order.display_id}</h1>
      <WechatKfLink page={{ kind: "order", id: order.id, displayId: order.display_id }} />
      <p className="muted">
        {formatDateTime(order.created_at)} ·{" "}
        <span className="chip" data-testid="order-state">
          {orderStateLabel(order)}
        </span>
        {business?.usage_label && state !== "canceled" && (
          <span className="chip" data-testid="order-usage">
            {business.usage_label}
          </span>
        )}
        {order.fulfillment_status && (
          <span className="chip">
            {FULFILLMENT_STATUS_LABEL[order.fulfillment_status] ?? order.fulfillment_status}
          </span>
        )}
      </p>
      <OrderLines order={order} totalLabel="合计" />
      {changed && (
        <p className="notice" role="status" data-testid="test-method-changed">
          采样方式已修改，订单金额不变。
        </p>
      )}
      {methods && state !== "canceled" && (
        <OrderTestMethodsPanel orderId={order.id} methods={methods} />
      )}
      {kits.length > 0 && (
        <div className="panel" data-testid="order-kits">
          <h2>检测盒</h2>
          <ul className="report-list">
            {kits.map((kit) => (
              <li key={kit.id} className="order-row">
                <span>
                  {kit.product_title}
                  {kit.person && <span className="muted"> · {kit.person.name}</span>}
                  <span className="muted"> · {kit.barcode ?? "条码待分配"}</span>
                </span>
                <span className="chip" data-testid="kit-usage">
                  {kitUsage(kit.status)}
                </span>
                <span className="chip">{kit.status_label}</span>
                <Link href={`/account/health/kits/${encodeURIComponent(kit.id)}`}>查看</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state === "canceled" && (
        <p className="notice" data-testid="order-canceled">
          订单已取消
          {order.payment_status === "refunded" || order.payment_status === "partially_refunded"
            ? "，已支付的金额将原路退回，通常 1–3 个工作日到账"
            : ""}
          。
        </p>
      )}
      {cancellation && state !== "canceled" && (
        <div className="panel" data-testid="order-cancellation">
          <h2>取消订单</h2>
          {cancellation.allowed ? (
            <>
              <p className="muted">
                采样盒寄出或现场采样之前可以自行取消
                {state === "paid" ? "，已支付的金额原路退回" : ""}。
              </p>
              <CancelOrderForm action={cancelOrder.bind(null, order.id)} paid={state === "paid"} />
            </>
          ) : (
            <p className="muted">{cancellation.reason}</p>
          )}
        </div>
      )}
      {address && (
        <div className="panel">
          <h2>收货信息</h2>
          <p>
            {address.last_name}
            {address.first_name} · {address.phone}
          </p>
          <p className="muted">
            {address.province} {address.city} {address.address_2} {address.address_1}
          </p>
          {business && state !== "canceled" && (
            <div data-testid="order-edit">
              {business.edit.allowed ? (
                <ChangeAddressForm
                  action={changeOrderAddress.bind(null, order.id)}
                  address={{
                    name: `${address.last_name ?? ""}${address.first_name ?? ""}`,
                    phone: address.phone ?? "",
                    province: address.province ?? "",
                    city: address.city ?? "",
                    district: address.address_2 ?? "",
                    street: address.address_1 ?? "",
                  }}
                />
              ) : (
                <p className="muted" data-testid="order-edit-reason">
                  不能再修改收货地址：{business.edit.reason}
                </p>
              )}
              {business.edit.allowed && (
                <p className="hint">
                  检测盒寄出前可以修改收货地址；现场采集的采集点和时间可在上方“采样方式”中改约。
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  )
}
