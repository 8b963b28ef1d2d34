"use client"

import { formatCNY, formatDateTime, type DoctorIncome, type DoctorIncomeApi } from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { WithdrawForm } from "@/components/income/withdraw-form"
import { doctorIncomeInBrowser } from "@/lib/doctor-income-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"

const yuan = (fen: number) => formatCNY(fen / 100)
const PAGE = 20

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; data: DoctorIncome }

/**
 * 我的收入: what is pending (held after the work), available and withdrawn; each
 * consultation's share and each report's or session's fee, paged; and 提现 of the available
 * balance (commerce refuses more than is available, or a second request while one waits).
 */
export function DoctorIncomeView({ api: given }: { api?: DoctorIncomeApi }) {
  const api = useMemo(() => given ?? doctorIncomeInBrowser(), [given])
  const [shown, setShown] = useState<Shown>({ state: "loading" })
  const [offset, setOffset] = useState(0)
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    api.income("", { limit: PAGE, offset }).then(
      (data) => live && setShown({ state: "ready", data }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, offset, round])

  if (shown.state === "loading") {
    return (
      <p className="hint" role="status">
        正在读取收入…
      </p>
    )
  }
  if (shown.state === "error") {
    return (
      <section data-testid="doctor-income-error">
        <p className="error" role="alert">
          {shown.message}
        </p>
        {shown.signedOut && (
          <Link href="/doctor/sign-in" className="button primary">
            重新登录
          </Link>
        )}
      </section>
    )
  }

  const { income, earnings, count, withdrawals } = shown.data
  // Requested, approved or being transferred by WeChat: one open withdrawal at a time.
  const open = withdrawals.find((w) => ["requested", "approved", "paying"].includes(w.status))
  const withdrawable = Math.max(0, income.available_fen)

  return (
    <section data-testid="doctor-income">
      <h1>我的收入</h1>
      <dl className="doctor-income-figures">
        <div>
          <dt>可提现</dt>
          <dd data-testid="doctor-available">{yuan(income.available_fen)}</dd>
        </div>
        <div>
          <dt>待结算</dt>
          <dd data-testid="doctor-pending">{yuan(income.pending_fen)}</dd>
        </div>
        <div>
          <dt>提现中</dt>
          <dd>{yuan(income.requested_fen)}</dd>
        </div>
        <div>
          <dt>已提现</dt>
          <dd data-testid="doctor-withdrawn">{yuan(income.withdrawn_fen)}</dd>
        </div>
      </dl>
      {income.available_fen < 0 && (
        <p className="hint" data-testid="doctor-negative">
          已提现的收入有退款冲销，后续收入会先抵扣 {yuan(-income.available_fen)}。
        </p>
      )}
      <WithdrawForm
        testId="doctor"
        withdrawableFen={withdrawable}
        blockedLabel={open ? "已有提现处理中" : undefined}
        request={(fen) => api.requestWithdrawal("", fen)}
        noticeOf={(amount) => `已申请提现 ${amount}，财务打款后会显示在下方`}
        onDone={() => setRound((n) => n + 1)}
        classes={{ button: "button primary", error: "error", notice: "hint" }}
      />

      <h2>收入明细</h2>
      {earnings.length === 0 ? (
        <p className="hint" data-testid="doctor-earnings-empty">
          还没有收入：完成问诊、出具检测评估报告或主持在线咨询后会出现在这里。
        </p>
      ) : (
        <table className="table" data-testid="doctor-earnings">
          <thead>
            <tr>
              <th>类型</th>
              <th>完成时间</th>
              <th>收入</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {earnings.map((earning) => (
              <tr key={earning.id} data-testid="doctor-earning">
                <td>
                  {earning.kind_label}
                  {earning.share_percent !== null &&
                    ` · ${yuan(earning.price_fen)} × ${earning.share_percent}%`}
                </td>
                <td>{formatDateTime(earning.earned_at)}</td>
                <td className="num">
                  {yuan(earning.net_fen)}
                  {earning.reversed_fen > 0 && ` （已冲销 ${yuan(earning.reversed_fen)}）`}
                </td>
                <td>
                  {earning.status_label}
                  {earning.status === "pending" &&
                    ` · ${formatDateTime(earning.release_at)} 可提现`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > PAGE && (
        <nav className="pager" aria-label="收入明细分页">
          <button
            type="button"
            className="button small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            上一页
          </button>
          <span>
            第 {offset / PAGE + 1} / {Math.ceil(count / PAGE)} 页
          </span>
          <button
            type="button"
            className="button small"
            disabled={offset + PAGE >= count}
            onClick={() => setOffset(offset + PAGE)}
          >
            下一页
          </button>
        </nav>
      )}

      <h2>提现记录</h2>
      {withdrawals.length === 0 ? (
        <p className="hint">还没有提现记录。</p>
      ) : (
        <ul data-testid="doctor-withdrawals">
          {withdrawals.map((w) => (
            <li key={w.id}>
              {formatDateTime(w.created_at)} · {yuan(w.amount_fen)} · {w.status_label}
              {w.reject_reason && `（${w.reject_reason}）`}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
