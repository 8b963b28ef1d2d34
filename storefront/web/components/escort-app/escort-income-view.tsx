"use client"

import {
  ESCORT_EARNING_STATUS_LABELS,
  formatCNY,
  formatDateTime,
  getEscortIncome,
  listEscortWithdrawals,
  requestEscortWithdrawal,
  type CommerceClientOptions,
  type EscortIncome,
  type EscortWithdrawal,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { EmptyIcon } from "@/components/icons"
import { WithdrawForm } from "@/components/income/withdraw-form"
import { escortRelayOptions } from "@/lib/escort-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"

const yuan = (fen: number) => formatCNY(fen / 100)

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; income: EscortIncome; withdrawals: EscortWithdrawal[] }

/**
 * 我的收入: balances, the level with its rules and what the next level needs, each task's
 * earning, and 提现 of the available balance (commerce refuses more than is available).
 */
export function EscortIncomeView({ client: given }: { client?: CommerceClientOptions }) {
  const client = useMemo(() => given ?? escortRelayOptions(), [given])
  const [shown, setShown] = useState<Shown>({ state: "loading" })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    Promise.all([getEscortIncome(client, ""), listEscortWithdrawals(client, "")]).then(
      ([income, withdrawals]) => live && setShown({ state: "ready", income, withdrawals }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [client, round])

  if (shown.state === "loading") {
    return (
      <p className="muted" role="status">
        正在读取收入…
      </p>
    )
  }
  if (shown.state === "error") {
    return (
      <div className="empty-state" data-testid="escort-income-error">
        <EmptyIcon kind="warning" />
        <p role="alert">{shown.message}</p>
        {shown.signedOut && (
          <Link href="/escort-app/sign-in" className="button primary">
            重新登录
          </Link>
        )}
      </div>
    )
  }

  const { income, earnings } = shown.income

  return (
    <div className="escort-income" data-testid="escort-income">
      <section className="card">
        <div className="card-body">
          <div className="escort-income-figures">
            <div>
              可提现
              <strong data-testid="escort-balance">{yuan(income.balance_fen)}</strong>
            </div>
            <div>
              待结算
              <strong data-testid="escort-pending">{yuan(income.pending_fen)}</strong>
            </div>
            <div>
              申诉冻结
              <strong data-testid="escort-frozen">{yuan(income.frozen_fen)}</strong>
            </div>
            <div>
              已提现
              <strong>{yuan(income.withdrawn_fen)}</strong>
            </div>
          </div>
          <WithdrawForm
            testId="escort"
            withdrawableFen={income.balance_fen}
            request={(fen) => requestEscortWithdrawal(client, "", fen)}
            noticeOf={(amount) => `已申请提现 ${amount}，审核通过后转到微信零钱`}
            onDone={() => setRound((n) => n + 1)}
            classes={{ button: "button primary block", error: "form-error", notice: "form-notice" }}
          />
        </div>
      </section>
      <section className="card" data-testid="escort-level">
        <div className="card-body">
          <h2>
            {income.level_label} · 分成 {income.share_percent}%
          </h2>
          <p className="muted">
            已完成 {income.completed_count} 单 · 评分{" "}
            {income.rating_average === null ? "暂无" : income.rating_average.toFixed(1)}
          </p>
          <p data-testid="escort-next-level">
            {income.next_level
              ? `升级到${income.next_level.level_label}：${income.next_level.needs}`
              : "已是最高等级"}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>等级</th>
                <th>分成</th>
                <th>条件</th>
              </tr>
            </thead>
            <tbody>
              {income.rules.map((rule) => (
                <tr key={rule.level_label}>
                  <td>{rule.level_label}</td>
                  <td className="num">{rule.share_percent}%</td>
                  <td>{rule.condition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <div className="card-body">
          <h2>任务收入</h2>
          {earnings.length === 0 ? (
            <p className="muted" data-testid="escort-earnings-empty">
              还没有任务收入，完成服务后会出现在这里
            </p>
          ) : (
            <ul className="escort-task-list" data-testid="escort-earnings">
              {earnings.map((earning) => (
                <li key={earning.booking_id} data-testid="escort-earning">
                  <div className="escort-task-head">
                    <strong>{earning.service_name}</strong>
                    <span className="kit-badge">
                      {ESCORT_EARNING_STATUS_LABELS[earning.status]}
                    </span>
                  </div>
                  <p className="muted">
                    {earning.service_date} · 订单 {yuan(earning.price_fen)} ×{" "}
                    {earning.share_percent}% = <strong>{yuan(earning.amount_fen)}</strong>
                  </p>
                  {earning.status === "pending" && earning.available_at && (
                    <p className="muted">预计 {formatDateTime(earning.available_at)} 可提现</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {shown.withdrawals.length > 0 && (
        <section className="card">
          <div className="card-body">
            <h2>提现记录</h2>
            <ul className="escort-days-off" data-testid="escort-withdrawals">
              {shown.withdrawals.map((w) => (
                <li key={w.id}>
                  {formatDateTime(w.created_at)} · {yuan(w.amount_fen)} ·{" "}
                  {w.status_label ?? w.status}
                  {w.reject_reason ? `（${w.reject_reason}）` : ""}
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  )
}
