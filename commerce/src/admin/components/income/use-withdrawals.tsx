import { Badge } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"

/**
 * Finance's withdrawal list and its actions, the same for escorts' and doctors' withdrawals:
 * `GET <base>` and `POST <base>/:id/<action>`, where `pay` sends the typed reference,
 * `reject` the typed reason (both required), and any other action an empty body.
 */
export function useWithdrawals<Row extends { id: string }>(
  base: string,
  text: {
    reference: string
    rejectReason: string
    /** A notice to show after an action succeeded (e.g. a WeChat transfer started). */
    noticeAfter?: Record<string, string>
  }
) {
  const [rows, setRows] = useState<Row[]>()
  const [error, setError] = useState<string>()
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [notice, setNotice] = useState<string>()

  const load = useCallback(() => {
    adminRequest<{ withdrawals: Row[] }>(base)
      .then((answer) => setRows(answer.withdrawals))
      .catch((e) => setError(errorText(e)))
  }, [base])
  useEffect(load, [load])

  const act = async (row: Row, action: string) => {
    const typed = (inputs[row.id] ?? "").trim()
    if (action === "reject" && !typed) return setError(`请在输入框填写${text.rejectReason}`)
    if (action === "pay" && !typed) return setError(`请在输入框填写${text.reference}`)
    setBusy(row.id)
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest(`${base}/${encodeURIComponent(row.id)}/${action}`, {
        method: "POST",
        body:
          action === "reject" ? { reason: typed } : action === "pay" ? { reference: typed } : {},
      })
      const after = text.noticeAfter?.[action]
      if (after) setNotice(after)
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  const input = (row: Row) => inputs[row.id] ?? ""
  const setInput = (row: Row, value: string) => setInputs({ ...inputs, [row.id]: value })

  return { rows, error, notice, busy, act, input, setInput }
}

/** A withdrawal's status: paid green, rejected or failed red, anything still open orange. */
export function WithdrawalStatusBadge({
  status,
  labels,
}: {
  status: string
  labels: Record<string, string>
}) {
  return (
    <Badge
      size="2xsmall"
      color={
        status === "paid"
          ? "green"
          : status === "rejected" || status === "failed"
            ? "red"
            : "orange"
      }
    >
      {labels[status] ?? status}
    </Badge>
  )
}
