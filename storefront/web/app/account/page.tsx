import { formatCNY, formatDateTime, type MemberOrder } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { signOut } from "@/lib/account-actions"
import { member as memberApi } from "@/lib/backends"
import { PAYMENT_STATUS_LABEL } from "@/lib/order-status"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "我的账户" }

function OrderRow({ order }: { order: MemberOrder }) {
  return (
    <li className="order-row" data-testid="order-row">
      <div>
        <Link href={`/account/orders/${order.id}`}>
          <strong>订单 #{order.display_id}</strong>
        </Link>
        <span className="muted"> · {formatDateTime(order.created_at)}</span>
        <p className="muted">{order.items.map((item) => item.title).join("、")}</p>
      </div>
      <div className="order-side">
        <span className="price">{formatCNY(order.total)}</span>
        <span className="chip">
          {PAYMENT_STATUS_LABEL[order.payment_status] ?? order.payment_status}
        </span>
      </div>
    </li>
  )
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ referral?: string }>
}) {
  const { token, member } = await requireMember("/account")
  const { referral } = await searchParams
  const { orders } = await memberApi
    .listOrders(token)
    .catch(() => ({ orders: [] as MemberOrder[] }))
  const name = `${member.last_name ?? ""}${member.first_name ?? ""}` || member.phone || member.email

  return (
    <section className="account">
      <header className="account-head">
        <div>
          <h1>我的账户</h1>
          <p className="muted" data-testid="member-name">
            {name}
          </p>
        </div>
        <form action={signOut}>
          <button type="submit" className="button">
            退出登录
          </button>
        </form>
      </header>
      {referral && <p className="notice">推荐关系未绑定：{referral}</p>}

      <nav className="account-tiles" aria-label="账户功能">
        <Link href="/account/affiliate" className="tile" data-testid="affiliate-tile">
          <strong>分销中心</strong>
          <span className="muted">推荐好友，赚取佣金</span>
        </Link>
        <Link href="/products" className="tile">
          <strong>基因检测</strong>
          <span className="muted">选购检测套餐</span>
        </Link>
      </nav>

      <h2>我的订单</h2>
      {orders.length ? (
        <ul className="order-list">
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ul>
      ) : (
        <div className="empty-state small">
          <EmptyIcon kind="cart" />
          <p>还没有订单</p>
          <Link href="/products" className="button primary">
            去选购基因检测
          </Link>
        </div>
      )}
    </section>
  )
}
