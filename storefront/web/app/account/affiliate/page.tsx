import { formatCNY, formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { randomUUID } from "node:crypto"
import { EarningsChart } from "@/components/affiliate/earnings-chart"
import { PosterProductPicker } from "@/components/affiliate/poster-product-picker"
import { SharePoster } from "@/components/affiliate/share-poster"
import { WithdrawalForm } from "@/components/affiliate/withdrawal-form"
import { WithdrawalList } from "@/components/affiliate/withdrawal-list"
import { affiliateEarnings, commerce, member as memberApi, optional } from "@/lib/backends"
import { posterPrice } from "@/lib/product-poster-price"
import { productPosterLink } from "@/lib/product-share-link"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "分销中心" }

const STATUS_LABEL = { member: "会员", distributor: "分销商", disabled: "已停用" }

/** Commission lines per page (the store API pages them; the chart sums all of them). */
export const COMMISSIONS_PER_PAGE = 20

type SearchParams = Promise<{ page?: string; poster?: string }>

/**
 * Products a poster can be made for: the shop's first page, title order as listed, with the
 * price the poster prints, read from the same catalog data as the product list.
 */
async function posterProducts() {
  const region = await commerce.getRegion()
  const { products } = await commerce.listProducts({ regionId: region.id, limit: 50 })
  return products.map((product) => ({
    handle: product.handle,
    title: product.title,
    price: posterPrice(product),
  }))
}

export default async function AffiliateCentrePage({
  searchParams,
}: {
  searchParams: SearchParams
}) {
  const params = await searchParams
  const { token } = await requireMember("/account/affiliate")
  const requested = Math.floor(Number(params.page))
  const page = Number.isFinite(requested) && requested > 1 ? requested : 1
  const [affiliate, ledger, months, team, withdrawals, products] = await Promise.all([
    memberApi.affiliate.me(token),
    memberApi.affiliate.commissions(token, COMMISSIONS_PER_PAGE, (page - 1) * COMMISSIONS_PER_PAGE),
    affiliateEarnings.monthly(token, 6),
    memberApi.affiliate.team(token),
    memberApi.affiliate.withdrawals(token),
    optional(posterProducts, []),
  ])
  const pages = Math.max(1, Math.ceil(ledger.count / COMMISSIONS_PER_PAGE))
  const posterProduct = products.find((product) => product.handle === params.poster) ?? products[0]
  const pageLink = (n: number) => {
    const query = new URLSearchParams()
    if (n > 1) query.set("page", String(n))
    if (params.poster) query.set("poster", params.poster)
    const text = query.toString()
    return `/account/affiliate${text ? `?${text}` : ""}#commissions`
  }
  const { balances, programme } = affiliate

  return (
    <section className="affiliate-centre">
      <h1>分销中心</h1>
      <p className="muted">
        身份：<span data-testid="affiliate-status">{STATUS_LABEL[affiliate.status]}</span>
        {affiliate.referrer && <> · 推荐人：{affiliate.referrer}</>}
      </p>

      <div className="balance-cards" data-testid="balances">
        <div className="balance-card">
          <span className="muted">待结算</span>
          <strong data-testid="balance-pending">{formatCNY(balances.pending)}</strong>
          <small className="muted">订单完成或付款 {programme.hold_days} 天后无退款即可提现</small>
        </div>
        <div className="balance-card highlight">
          <span className="muted">可提现</span>
          <strong data-testid="balance-available">{formatCNY(balances.available)}</strong>
        </div>
        <div className="balance-card">
          <span className="muted">提现中</span>
          <strong>{formatCNY(balances.withdrawing)}</strong>
        </div>
        <div className="balance-card">
          <span className="muted">已提现</span>
          <strong data-testid="balance-withdrawn">{formatCNY(balances.withdrawn)}</strong>
        </div>
      </div>

      <div className="affiliate-grid">
        <div className="panel">
          <h2>我的推广链接</h2>
          <p className="share-link">
            <code data-testid="share-link">{affiliate.link}</code>
          </p>
          <p className="hint">
            好友通过链接注册或首次下单即与您绑定；好友付款后您获得{" "}
            {programme.rates_percent.map((rate, i) => `${i + 1} 级 ${rate}%`).join("、")} 的佣金。
          </p>
          <h3>商品分享海报</h3>
          {posterProduct ? (
            <>
              <PosterProductPicker products={products} selected={posterProduct.handle} />
              <SharePoster
                handle={posterProduct.handle}
                title={posterProduct.title}
                price={posterProduct.price}
                link={productPosterLink(affiliate.link, posterProduct.handle, affiliate.code)}
              />
            </>
          ) : (
            <p className="muted">商品暂时无法读取，请先复制上方链接分享。</p>
          )}
        </div>

        <div className="panel">
          <h2>近 6 个月收入</h2>
          <EarningsChart months={months} />
          <h2>申请提现</h2>
          <WithdrawalForm
            available={balances.available}
            minimum={programme.min_withdrawal}
            requestKey={randomUUID()}
          />
        </div>
      </div>

      <div className="panel" id="commissions">
        <h2>佣金明细</h2>
        {ledger.commissions.length ? (
          <table className="table" data-testid="commission-list">
            <thead>
              <tr>
                <th>时间</th>
                <th>类型</th>
                <th>说明</th>
                <th className="num">金额</th>
              </tr>
            </thead>
            <tbody>
              {ledger.commissions.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.created_at)}</td>
                  <td>{entry.kind_label}</td>
                  <td className="muted">
                    {entry.level
                      ? `${entry.level} 级好友订单，实付 ${formatCNY(entry.base_amount ?? 0)} × ${entry.rate_percent}%`
                      : (entry.note ?? "")}
                  </td>
                  <td className={entry.amount < 0 ? "num negative" : "num"}>
                    {entry.amount > 0 ? "+" : ""}
                    {formatCNY(entry.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : page > 1 ? (
          <p className="muted">这一页没有记录。</p>
        ) : (
          <p className="muted" data-testid="commission-empty">
            还没有佣金记录。好友通过您的链接下单付款后，佣金会显示在这里。
          </p>
        )}
        {pages > 1 && (
          <nav className="pagination" aria-label="佣金明细分页" data-testid="commission-pages">
            {page > 1 && <Link href={pageLink(page - 1)}>上一页</Link>}
            <span aria-current="page">
              第 {Math.min(page, pages)} / {pages} 页，共 {ledger.count} 条
            </span>
            {page < pages && <Link href={pageLink(page + 1)}>下一页</Link>}
          </nav>
        )}
      </div>

      <div className="affiliate-grid">
        <div className="panel">
          <h2>我的团队</h2>
          {team.every((level) => level.count === 0) ? (
            <p className="muted">还没有好友加入，分享海报邀请好友吧。</p>
          ) : (
            team.map((level) => (
              <div key={level.level} data-testid={`team-level-${level.level}`}>
                <h3>
                  {level.level} 级好友（{level.count} 人）
                </h3>
                <ul className="team-list">
                  {level.members.map((m, i) => (
                    <li key={i}>
                      {m.name}
                      {m.is_distributor && <span className="chip">分销商</span>}
                      {m.joined_at && (
                        <span className="muted"> · {formatDateTime(m.joined_at)}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </div>
        <div className="panel">
          <h2>提现记录</h2>
          <WithdrawalList withdrawals={withdrawals.withdrawals} />
        </div>
      </div>
    </section>
  )
}
