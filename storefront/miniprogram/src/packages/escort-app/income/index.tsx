import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  ESCORT_EARNING_STATUS_LABELS,
  formatCNY,
  formatDateTime,
  getEscortIncome,
  parseYuanInput,
  requestEscortWithdrawal,
  type EscortIncome,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortAppOptions } from "../escort-app-client"
import { useEscortLoad } from "../use-escort-load"

const yuan = (fen: number) => formatCNY(fen / 100)

/** 我的收入: balances, level and its rules, each task's earning, 提现. */
export default function EscortIncomePage() {
  const { result, reload } = useEscortLoad(async (token) => ({
    token,
    income: await getEscortIncome(escortAppOptions, token),
  }))
  return (
    <View className="page" data-testid="escort-income">
      <StateView result={result} onRetry={reload}>
        {({ token, income }) => <Income token={token} data={income} onChanged={reload} />}
      </StateView>
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
