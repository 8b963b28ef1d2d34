import { ORDER_TABS, ordersInTab, parseOrderTab, type MemberOrder } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { OrderRow } from "@/components/order/order-row"
import { PendingPaymentNotice } from "@/components/order/pending-payment-notice"
import { member as memberApi } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "我的订单" }

/** Members rarely have more; the tabs filter this many of the newest. */
const RECENT = 100

export default async function MemberOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string }>
}) {
  const tab = parseOrderTab((await searchParams).tab)
  const { token } = await requireMember(`/account/orders?tab=${tab}`)
  const loaded = await memberApi.listOrders(token, RECENT).catch(() => null)
  const orders = ordersInTab(loaded?.orders ?? ([] as MemberOrder[]), tab)

  return (
    <section className="narrow" data-testid="member-orders">
      <p>
        <Link href="/account">← 我的账户</Link>
      </p>
      <h1>我的订单</h1>
      <nav className="tabs" aria-label="订单状态">
        {ORDER_TABS.map(({ id, label }) => (
          <Link
            key={id}
            href={id === "all" ? "/account/orders" : `/account/orders?tab=${id}`}
            className={tab === id ? "tab active" : "tab"}
            aria-current={tab === id ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {(tab === "all" || tab === "unpaid") && <PendingPaymentNotice />}
      {!loaded ? (
        <p className="form-error" role="alert">
          订单暂时无法加载，请稍后刷新重试。
        </p>
      ) : orders.length ? (
        <ul className="order-list">
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ul>
      ) : (
        <div className="empty-state small" data-testid="orders-empty">
          <EmptyIcon kind="cart" />
          <p>
            {tab === "all"
              ? "还没有订单"
              : `没有${ORDER_TABS.find((t) => t.id === tab)!.label}的订单`}
          </p>
          <Link href="/products" className="button primary">
            去选购基因检测
          </Link>
        </div>
      )}
    </section>
  )
}
