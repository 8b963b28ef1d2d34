import { Text, View } from "@tarojs/components"
import { messages, transferToConfirm, type AffiliateProfile, type Withdrawal } from "@health/core"
import { useEffect, useRef, useState } from "react"
import { StateView } from "../../../components/state-view"
import { member } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { requestMerchantTransfer } from "../../../lib/merchant-transfer"
import { useMemberLoad } from "../../../lib/use-member-load"
import { WithdrawalForm } from "./withdrawal-form"
import { WithdrawalList } from "./withdrawal-list"

const text = messages.affiliate

type Data = { profile: AffiliateProfile; withdrawals: Withdrawal[] }

async function loadWithdrawals(token: string): Promise<Data> {
  const [profile, list] = await Promise.all([
    member.affiliate.me(token),
    member.affiliate.withdrawals(token, 20),
  ])
  return { profile, withdrawals: list.withdrawals }
}

/**
 * After the member confirms in WeChat, WeChat tells commerce (the transfer callback); the page
 * asks again every FOLLOW_INTERVAL_MS, FOLLOW_ATTEMPTS times at most, until the withdrawal is
 * no longer paying.
 */
const FOLLOW_INTERVAL_MS = 2000
const FOLLOW_ATTEMPTS = 15

/** 提现: the request form, the history, and 确认收款 for a WeChat payout waiting for the member. */
export default function Withdraw() {
  const { result, reload } = useMemberLoad(async (token) => ({
    token,
    data: await loadWithdrawals(token),
  }))
  return (
    <View className="page" data-testid="affiliate-withdraw">
      <StateView result={result} onRetry={reload}>
        {({ token, data }) => <WithdrawPanel token={token} initial={data} />}
      </StateView>
    </View>
  )
}

function WithdrawPanel({ token, initial }: { token: string; initial: Data }) {
  const [data, setData] = useState(initial)
  const [busy, setBusy] = useState<{ id: string; label: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const alive = useRef(true)
  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  /** Balances and history again, without the loading state (the form keeps what was typed). */
  async function refresh(): Promise<Data | null> {
    try {
      const next = await loadWithdrawals(token)
      if (alive.current) setData(next)
      return next
    } catch (error) {
      if (alive.current) setProblem(explainError(error))
      return null
    }
  }

  async function follow(id: string) {
    for (let attempt = 0; attempt < FOLLOW_ATTEMPTS; attempt++) {
      const next = await refresh()
      if (!alive.current) return
      const withdrawal = next?.withdrawals.find((w) => w.id === id)
      if (withdrawal && withdrawal.status !== "paying") {
        setNotice(withdrawal.status === "paid" ? text.receiptArrived : null)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS))
      if (!alive.current) return
    }
    setNotice(text.receiptStillProcessing)
  }

  async function confirm(withdrawal: Withdrawal) {
    const transfer = transferToConfirm(withdrawal)
    if (!transfer || busy) return
    setProblem(null)
    setNotice(null)
    setBusy({ id: withdrawal.id, label: text.confirmingReceipt })
    const outcome = await requestMerchantTransfer(transfer)
    if (!alive.current) return
    if (outcome.state !== "confirmed") {
      setBusy(null)
      setProblem(outcome.message)
      return
    }
    setNotice(outcome.message)
    setBusy({ id: withdrawal.id, label: text.awaitingArrival })
    await follow(withdrawal.id)
    if (alive.current) setBusy(null)
  }

  return (
    <View>
      <WithdrawalForm token={token} profile={data.profile} onRequested={() => void refresh()} />
      {problem ? (
        <Text className="error-text" data-testid="withdraw-problem">
          {problem}
        </Text>
      ) : null}
      {notice ? (
        <Text className="notice-text" data-testid="withdraw-notice">
          {notice}
        </Text>
      ) : null}
      <WithdrawalList withdrawals={data.withdrawals} busy={busy} onConfirm={confirm} />
    </View>
  )
}
