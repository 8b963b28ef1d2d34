import { formatCNY, formatDateTime, messages, monthlyEarnings } from "@health/core"
import type { Metadata } from "next"
import { randomUUID } from "node:crypto"
import { EarningsChart } from "@/components/affiliate/earnings-chart"
import { SharePoster } from "@/components/affiliate/share-poster"
import { WithdrawalForm } from "@/components/affiliate/withdrawal-form"
import { WithdrawalList } from "@/components/affiliate/withdrawal-list"
import { member as memberApi } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"
import { sharePosterSvg } from "@/lib/share-poster"

export const metadata: Metadata = { title: "分销中心" }

const STATUS_LABEL = { member: "会员", distributor: "分销商", disabled: "已停用" }

export default async function AffiliateCentrePage() {
  const { token, member } = await requireMember("/account/affiliate")
  const [affiliate, ledger, team, withdrawals] = await Promise.all([
    memberApi.affiliate.me(token),
    memberApi.affiliate.commissions(token, 100),
    memberApi.affiliate.team(token),
    memberApi.affiliate.withdrawals(token),
  ])
  const name = `${member.last_name ?? ""}${member.first_name ?? ""}` || "您的好友"
  const poster = await sharePosterSvg({
    brand: messages.brand,
    headline: "专业基因检测，读懂自己的健康",
    memberName: name,
    code: affiliate.code,
    link: affiliate.link,
  })
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
          <SharePoster svg={poster} link={affiliate.link} code={affiliate.code} />
        </div>

        <div className="panel">
          <h2>近 6 个月收入</h2>
          <EarningsChart months={monthlyEarnings(ledger.commissions, new Date())} />
          <h2>申请提现</h2>
          <WithdrawalForm
            available={balances.available}
            minimum={programme.min_withdrawal}
            requestKey={randomUUID()}
          />
        </div>
      </div>

      <div className="panel">
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
        ) : (
          <p className="muted" data-testid="commission-empty">
            还没有佣金记录。好友通过您的链接下单付款后，佣金会显示在这里。
          </p>
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
