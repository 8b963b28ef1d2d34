import {
  ORDER_TABS,
  ORDER_USAGE_TABS,
  orderListFilter,
  orderTabsHref,
  parseOrderTab,
  parseOrderUsageTab,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { OrderRow } from "@/components/order/order-row"
import { PendingPaymentNotice } from "@/components/order/pending-payment-notice"
import { orders as ordersApi } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "我的订单" }

/** Members rarely have more; commerce filters by both tabs before this many are taken. */
const RECENT = 100

export default async function MemberOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string; usage?: string }>
}) {
  const params = await searchParams
  const tab = parseOrderTab(params.tab)
  const usage = parseOrderUsageTab(params.usage)
  const here = orderTabsHref("/account/orders", tab, usage)
  const { token } = await requireMember(here)
  const loaded = await ordersApi
    .list(token, { ...orderListFilter(tab, usage), limit: RECENT })
    .catch(() => null)
  const orders = loaded?.orders ?? []
  const emptyWhat = [
    tab === "all" ? "" : ORDER_TABS.find((t) => t.id === tab)!.label,
    usage === "all" ? "" : ORDER_USAGE_TABS.find((t) => t.id === usage)!.label,
  ]
    .filter(Boolean)
    .join("、")

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
            href={orderTabsHref("/account/orders", id, usage)}
            className={tab === id ? "tab active" : "tab"}
            aria-current={tab === id ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <nav className="tabs" aria-label="使用状态" data-testid="usage-tabs">
        {ORDER_USAGE_TABS.map(({ id, label }) => (
          <Link
            key={id}
            href={orderTabsHref("/account/orders", tab, id)}
            className={usage === id ? "tab active" : "tab"}
            aria-current={usage === id ? "page" : undefined}
          >
            {id === "all" ? "全部检测盒" : label}
          </Link>
        ))}
      </nav>
      {(tab === "all" || tab === "unpaid") && usage === "all" && <PendingPaymentNotice />}
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
          <p>{emptyWhat ? `没有${emptyWhat}的订单` : "还没有订单"}</p>
          <Link href="/products" className="button primary">
            去选购基因检测
          </Link>
        </div>
      )}
    </section>
  )
}
