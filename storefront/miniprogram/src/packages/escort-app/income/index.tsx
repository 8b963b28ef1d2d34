import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  bindEscortWechat,
  ESCORT_EARNING_STATUS_LABELS,
  formatCNY,
  formatDateTime,
  getEscortIncome,
  listEscortWithdrawals,
  parseYuanInput,
  requestEscortWithdrawal,
  type EscortIncome,
  type EscortWithdrawal,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { requestMerchantTransfer } from "../../../lib/merchant-transfer"
import { escortAppOptions } from "../escort-app-client"
import { useEscortLoad } from "../use-escort-load"

const yuan = (fen: number) => formatCNY(fen / 100)

/** 我的收入: balances, level and its rules, each task's earning, 提现 (to WeChat once bound). */
export default function EscortIncomePage() {
  const { result, reload } = useEscortLoad(async (token) => {
    const [income, withdrawals] = await Promise.all([
      getEscortIncome(escortAppOptions, token),
      listEscortWithdrawals(escortAppOptions, token),
    ])
    return { token, income, withdrawals }
  })
  return (
    <View className="page" data-testid="escort-income">
      <StateView result={result} onRetry={reload}>
        {({ token, income, withdrawals }) => (
          <>
            <Income token={token} data={income} onChanged={reload} />
            <WechatPayout token={token} bound={income.income.wechat_bound} onChanged={reload} />
            <Withdrawals withdrawals={withdrawals} onChanged={reload} />
          </>
        )}
      </StateView>
    </View>
  )
}

/**
 * 绑定微信: escorts sign in by phone, so their WeChat is bound here (wx.login → commerce
 * exchanges the code) before finance can transfer withdrawals to their WeChat balance.
 */
function WechatPayout({
  token,
  bound,
  onChanged,
}: {
  token: string
  bound: boolean | undefined
  onChanged: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (bound === undefined) return null
  if (bound) {
    return (
      <View className="section">
        <Text className="muted" data-testid="escort-wechat-bound">
          已绑定微信，提现可转账到微信零钱
        </Text>
      </View>
    )
  }
  const bind = async () => {
    if (!isWeapp()) return setProblem("请在微信小程序的陪诊员模式中绑定微信")
    setBusy(true)
    setProblem(null)
    try {
      const { code } = await Taro.login()
      await bindEscortWechat(escortAppOptions, token, code)
      Taro.showToast({ title: "已绑定微信", icon: "none" })
      onChanged()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section">
      <Text className="muted">绑定微信后，平台可将提现直接转账到您的微信零钱</Text>
      {problem ? (
        <Text className="error-text" data-testid="escort-wechat-error">
          {problem}
        </Text>
      ) : null}
      <Button disabled={busy} onClick={bind} data-testid="escort-wechat-bind">
        绑定微信
      </Button>
    </View>
  )
}

/** 提现记录, with 确认收款 for a WeChat transfer waiting for the escort. */
function Withdrawals({
  withdrawals,
  onChanged,
}: {
  withdrawals: EscortWithdrawal[]
  onChanged: () => void
}) {
  const [notice, setNotice] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (!withdrawals.length) return null
  const confirm = async (withdrawal: EscortWithdrawal) => {
    if (!withdrawal.transfer) return
    setProblem(null)
    const outcome = await requestMerchantTransfer(withdrawal.transfer)
    if (outcome.state !== "confirmed") return setProblem(outcome.message)
    // WeChat tells commerce when the money arrived; the list shows it on the next load.
    setNotice(outcome.message)
    onChanged()
  }
  return (
    <View className="section">
      <Text className="section__title">提现记录</Text>
      {notice ? (
        <Text className="notice-text" data-testid="escort-withdrawal-notice">
          {notice}
        </Text>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="escort-withdrawal-problem">
          {problem}
        </Text>
      ) : null}
      {withdrawals.map((withdrawal) => (
        <View key={withdrawal.id} className="list-item" data-testid="escort-withdrawal">
          <View>
            <Text>
              {yuan(withdrawal.amount_fen)} · {withdrawal.status_label ?? withdrawal.status}
            </Text>
            <Text className="muted"> {formatDateTime(withdrawal.created_at)}</Text>
            {withdrawal.fail_reason || withdrawal.reject_reason ? (
              <Text className="muted"> {withdrawal.fail_reason ?? withdrawal.reject_reason}</Text>
            ) : null}
          </View>
          {withdrawal.transfer ? (
            <Button
              size="mini"
              className="btn-primary"
              onClick={() => confirm(withdrawal)}
              data-testid="escort-withdrawal-confirm"
            >
              确认收款
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}

function Income({
  token,
  data: { income, earnings },
  onChanged,
}: {
  token: string
  data: EscortIncome
  onChanged: () => void
}) {
  const [amount, setAmount] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const withdraw = async () => {
    const fen = amount.trim() ? parseYuanInput(amount) : income.balance_fen
    if (fen === null || fen <= 0) return setProblem("请输入正确的提现金额（元）")
    if (fen > income.balance_fen) return setProblem(`可提现余额为 ${yuan(income.balance_fen)}`)
    setBusy(true)
    setProblem(null)
    try {
      await requestEscortWithdrawal(escortAppOptions, token, fen)
      setAmount("")
      Taro.showToast({ title: `已申请提现 ${yuan(fen)}`, icon: "none" })
      onChanged()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title" data-testid="escort-balance">
          可提现 {yuan(income.balance_fen)}
        </Text>
        <Text className="muted" data-testid="escort-pending">
          待结算 {yuan(income.pending_fen)} · 申诉冻结 {yuan(income.frozen_fen)} · 已提现{" "}
          {yuan(income.withdrawn_fen)}
        </Text>
        <Field label="提现金额（元，留空为全部）">
          <Input
            type="digit"
            value={amount}
            onInput={(e) => setAmount(e.detail.value)}
            data-testid="escort-withdraw-amount"
          />
        </Field>
        {problem ? (
          <Text className="error-text" data-testid="escort-withdraw-error">
            {problem}
          </Text>
        ) : null}
        <Button
          className="btn-primary"
          disabled={busy || income.balance_fen <= 0}
          onClick={withdraw}
          data-testid="escort-withdraw-submit"
        >
          {income.balance_fen > 0 ? "申请提现" : "暂无可提现余额"}
        </Button>
      </View>
      <View className="section" data-testid="escort-level">
        <Text className="section__title">
          {income.level_label} · 分成 {income.share_percent}%
        </Text>
        <Text className="muted">
          已完成 {income.completed_count} 单 · 评分{" "}
          {income.rating_average === null ? "暂无" : income.rating_average.toFixed(1)}
        </Text>
        <View>
          <Text data-testid="escort-next-level">
            {income.next_level
              ? `升级到${income.next_level.level_label}：${income.next_level.needs}`
              : "已是最高等级"}
          </Text>
        </View>
        {income.rules.map((rule) => (
          <View key={rule.level_label}>
            <Text className="muted">
              {rule.level_label} 分成 {rule.share_percent}%：{rule.condition}
            </Text>
          </View>
        ))}
      </View>
      <View className="section">
        <Text className="section__title">任务收入</Text>
        {earnings.length === 0 ? (
          <Text className="muted" data-testid="escort-earnings-empty">
            还没有任务收入，完成服务后会出现在这里
          </Text>
        ) : null}
        {earnings.map((earning) => (
          <View key={earning.booking_id} className="list-item" data-testid="escort-earning">
            <View>
              <Text>
                {earning.service_name} · {ESCORT_EARNING_STATUS_LABELS[earning.status]}
              </Text>
              <Text className="muted">
                {" "}
                {earning.service_date} {yuan(earning.price_fen)} × {earning.share_percent}%
              </Text>
              {earning.status === "pending" && earning.available_at ? (
                <Text className="muted"> 预计 {formatDateTime(earning.available_at)} 可提现</Text>
              ) : null}
            </View>
            <Text className="price">{yuan(earning.amount_fen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
