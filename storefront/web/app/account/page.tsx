import { displayName, messages, type OrderBusinessView } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { signOut } from "@/lib/account-actions"
import { SignOutButton } from "@/components/account/sign-out-button"
import { orders as ordersApi } from "@/lib/backends"
import { OrderRow } from "@/components/order/order-row"
import { OA_BIND_TEXT } from "@/lib/official-account-bind"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.title }

const { account } = messages
const RECENT_ORDERS = 5
const TILES = [
  { href: "/account/profile", title: account.profile, hint: account.profileHint, id: "profile" },
  {
    href: "/account/addresses",
    title: account.addresses,
    hint: account.addressesHint,
    id: "addresses",
  },
  {
    href: "/account/password",
    title: account.password,
    hint: account.passwordHint,
    id: "password",
  },
  {
    href: "/account/affiliate",
    title: account.affiliate,
    hint: account.affiliateHint,
    id: "affiliate",
  },
  {
    href: "/account/appointments",
    title: account.appointments,
    hint: account.appointmentsHint,
    id: "appointments",
  },
  {
    href: "/account/escort",
    title: "我的陪诊",
    hint: "陪诊预约、服务进度与确认完成",
    id: "escort",
  },
  { href: "/account/health", title: account.health, hint: account.healthHint, id: "health" },
  {
    href: "/constitution/history",
    title: account.constitution,
    hint: account.constitutionHint,
    id: "constitution",
  },
  {
    href: "/account/assessments",
    title: "检测评估",
    hint: "授权专家查看档案资料，出具检测评估报告",
    id: "assessments",
  },
  { href: "/account/inbox", title: account.inbox, hint: account.inboxHint, id: "inbox" },
]

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{ referral?: string; oa_bind?: string; oa_bind_refused?: string }>
}) {
  const { token, member } = await requireMember("/account")
  const { referral, oa_bind, oa_bind_refused } = await searchParams
  const { orders } = await ordersApi
    .list(token, { limit: RECENT_ORDERS })
    .catch(() => ({ orders: [] as OrderBusinessView[] }))
  const name = displayName(member)

  return (
    <section className="account">
      <header className="account-head">
        <div>
          <h1>{account.title}</h1>
          <p className="muted" data-testid="member-name">
            {name}
          </p>
        </div>
        <SignOutButton signOut={signOut} />
      </header>
      {referral && <p className="notice">推荐关系未绑定：{referral}</p>}
      {oa_bind === "bound" && (
        <p className="notice success" role="status" data-testid="oa-bind-outcome">
          {OA_BIND_TEXT.bound}
        </p>
      )}
      {oa_bind_refused && (
        <p className="notice" role="status" data-testid="oa-bind-outcome">
          {OA_BIND_TEXT.refusedPrefix}
          {oa_bind_refused}
        </p>
      )}

      <nav className="account-tiles" aria-label="账户功能">
        {TILES.map((tile) => (
          <Link key={tile.id} href={tile.href} className="tile" data-testid={`${tile.id}-tile`}>
            <strong>{tile.title}</strong>
            <span className="muted">{tile.hint}</span>
          </Link>
        ))}
      </nav>

      <div className="section-head">
        <h2>我的订单</h2>
        <Link href="/account/orders" data-testid="all-orders">
          全部订单 →
        </Link>
      </div>
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
