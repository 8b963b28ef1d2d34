"use client"

import { formatCNY, parseYuanInput } from "@health/core"
import { useState } from "react"
import { escortAppError } from "@/lib/escort-app-error"

const yuan = (fen: number) => formatCNY(fen / 100)

/**
 * 提现 of an available balance, the same for escorts and doctors: an amount in yuan (empty
 * for all of it), checked against the balance here and again by commerce, whose Chinese
 * refusal is shown. `testId` prefixes the test ids (`<testId>-withdraw`, `-withdraw-amount`…).
 */
export function WithdrawForm({
  testId,
  withdrawableFen,
  blockedLabel,
  request,
  noticeOf,
  onDone,
  classes,
}: {
  testId: string
  withdrawableFen: number
  /** Why the form is held (e.g. a withdrawal already waits), shown on the button. */
  blockedLabel?: string
  request: (fen: number) => Promise<{ amount_fen: number }>
  /** The notice after a request, given the requested amount in yuan. */
  noticeOf: (amount: string) => string
  onDone: () => void
  classes: { button: string; error: string; notice: string }
}) {
  const [amount, setAmount] = useState("")
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})

  const withdraw = async (event: React.FormEvent) => {
    event.preventDefault()
    const fen = amount.trim() ? parseYuanInput(amount) : withdrawableFen
    if (fen === null || fen <= 0) return setFeedback({ error: "请输入正确的提现金额（元）" })
    if (fen > withdrawableFen) {
      return setFeedback({ error: `可提现余额为 ${yuan(withdrawableFen)}` })
    }
    setBusy(true)
    setFeedback({})
    try {
      const done = await request(fen)
      setAmount("")
      setFeedback({ notice: noticeOf(yuan(done.amount_fen)) })
      onDone()
    } catch (error) {
      setFeedback({ error: escortAppError(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <form className="form" onSubmit={withdraw} data-testid={`${testId}-withdraw`}>
        <label>
          提现金额（元，留空为全部）
          <input
            inputMode="decimal"
            value={amount}
            placeholder={(withdrawableFen / 100).toFixed(2)}
            onChange={(event) => setAmount(event.target.value)}
            data-testid={`${testId}-withdraw-amount`}
          />
        </label>
        <button
          type="submit"
          className={classes.button}
          disabled={busy || withdrawableFen <= 0 || !!blockedLabel}
          data-testid={`${testId}-withdraw-submit`}
        >
          {busy
            ? "提交中…"
            : blockedLabel
              ? blockedLabel
              : withdrawableFen > 0
                ? "申请提现"
                : "暂无可提现余额"}
        </button>
      </form>
      {feedback.error && (
        <p className={classes.error} role="alert" data-testid={`${testId}-withdraw-error`}>
          {feedback.error}
        </p>
      )}
      {feedback.notice && (
        <p className={classes.notice} role="status" data-testid={`${testId}-withdraw-notice`}>
          {feedback.notice}
        </p>
      )}
    </>
  )
}
