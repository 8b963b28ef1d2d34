import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatCNY,
  formatDateTime,
  parseYuanInput,
  type DoctorIncome,
  type DoctorWithdrawal,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { requestMerchantTransfer } from "../../../lib/merchant-transfer"
import { doctorIncome } from "../doctor-app-client"
import { useDoctorLoad } from "../use-doctor-load"

const yuan = (fen: number) => formatCNY(fen / 100)

/** Open withdrawals hold the balance: one at a time (requested, approved or transferring). */
const OPEN = ["requested", "approved", "paying"]

/**
 * 我的收入 for doctors, as the web's /doctor/income: balances, earnings, 提现, and here in the
 * mini-program also 绑定微信 and 确认收款 of a WeChat 商家转账.
 */
export default function DoctorIncomePage() {
  const { result, reload } = useDoctorLoad(async (token) => ({
    token,
    data: await doctorIncome.income(token, { limit: 50 }),
  }))
  return (
    <View className="page" data-testid="doctor-income">
      <StateView result={result} onRetry={reload}>
        {({ token, data }) => (
          <>
            <Balance token={token} data={data} onChanged={reload} />
            <WechatPayout token={token} bound={data.wechat?.bound} onChanged={reload} />
            <Withdrawals withdrawals={data.withdrawals} onChanged={reload} />
            <Earnings data={data} />
          </>
        )}
      </StateView>
    </View>
  )
}

function Balance({
  token,
  data: { income, withdrawals },
  onChanged,
}: {
  token: string
  data: DoctorIncome
  onChanged: () => void
}) {
  const [amount, setAmount] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const withdrawable = Math.max(0, income.available_fen)
  const open = withdrawals.some((w) => OPEN.includes(w.status))

  const withdraw = async () => {
    const fen = amount.trim() ? parseYuanInput(amount) : withdrawable
    if (fen === null || fen <= 0) return setProblem("请输入正确的提现金额（元）")
    if (fen > withdrawable) return setProblem(`可提现余额为 ${yuan(withdrawable)}`)
    setBusy(true)
    setProblem(null)
    try {
      await doctorIncome.requestWithdrawal(token, fen)
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
    <View className="section">
      <Text className="section__title" data-testid="doctor-available">
        可提现 {yuan(income.available_fen)}
      </Text>
      <Text className="muted" data-testid="doctor-figures">
        待结算 {yuan(income.pending_fen)} · 提现中 {yuan(income.requested_fen)} · 已提现{" "}
        {yuan(income.withdrawn_fen)}
      </Text>
      {income.available_fen < 0 ? (
        <Text className="muted" data-testid="doctor-negative">
          已提现的收入有退款冲销，后续收入会先抵扣 {yuan(-income.available_fen)}。
        </Text>
      ) : null}
      <Field label="提现金额（元，留空为全部）">
        <Input
          type="digit"
          value={amount}
          onInput={(e) => setAmount(e.detail.value)}
          data-testid="doctor-withdraw-amount"
        />
      </Field>
      {problem ? (
        <Text className="error-text" data-testid="doctor-withdraw-error">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        disabled={busy || open || withdrawable <= 0}
        onClick={withdraw}
        data-testid="doctor-withdraw-submit"
      >
        {open ? "已有提现处理中" : withdrawable > 0 ? "申请提现" : "暂无可提现余额"}
      </Button>
    </View>
  )
}

/**
 * 绑定微信: doctors sign in by phone, so their WeChat is bound here (wx.login → commerce
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
        <Text className="muted" data-testid="doctor-wechat-bound">
          已绑定微信，提现可转账到微信零钱
        </Text>
      </View>
    )
  }
  const bind = async () => {
    if (!isWeapp()) return setProblem("请在微信小程序中绑定微信")
    setBusy(true)
    setProblem(null)
    try {
      const { code } = await Taro.login()
      await doctorIncome.bindWechat(token, code)
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
        <Text className="error-text" data-testid="doctor-wechat-error">
          {problem}
        </Text>
      ) : null}
      <Button disabled={busy} onClick={bind} data-testid="doctor-wechat-bind">
        绑定微信
      </Button>
    </View>
  )
}

/** 提现记录, with 确认收款 for a WeChat transfer waiting for the doctor. */
function Withdrawals({
  withdrawals,
  onChanged,
}: {
  withdrawals: DoctorWithdrawal[]
  onChanged: () => void
}) {
  const [notice, setNotice] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (!withdrawals.length) return null
  const confirm = async (withdrawal: DoctorWithdrawal) => {
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
        <Text className="notice-text" data-testid="doctor-withdrawal-notice">
          {notice}
        </Text>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="doctor-withdrawal-problem">
          {problem}
        </Text>
      ) : null}
      {withdrawals.map((withdrawal) => (
        <View key={withdrawal.id} className="list-item" data-testid="doctor-withdrawal">
          <View>
            <Text>
              {yuan(withdrawal.amount_fen)} · {withdrawal.status_label}
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
              data-testid="doctor-withdrawal-confirm"
            >
              确认收款
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}

function Earnings({ data: { earnings } }: { data: DoctorIncome }) {
  return (
    <View className="section">
      <Text className="section__title">收入明细</Text>
      {earnings.length === 0 ? (
        <Text className="muted" data-testid="doctor-earnings-empty">
          还没有收入：完成问诊、出具检测评估报告或主持在线咨询后会出现在这里。
        </Text>
      ) : null}
      {earnings.map((earning) => (
        <View key={earning.id} className="list-item" data-testid="doctor-earning">
          <View>
            <Text>
              {earning.kind_label} · {earning.status_label}
            </Text>
            <Text className="muted"> {formatDateTime(earning.earned_at)}</Text>
            {earning.reversed_fen > 0 ? (
              <Text className="muted"> 退款冲销 {yuan(earning.reversed_fen)}</Text>
            ) : null}
            {earning.status === "pending" ? (
              <Text className="muted"> 预计 {formatDateTime(earning.release_at)} 可提现</Text>
            ) : null}
          </View>
          <Text className="price">{yuan(earning.net_fen)}</Text>
        </View>
      ))}
    </View>
  )
}
