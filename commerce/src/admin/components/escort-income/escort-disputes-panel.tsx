import { Button, Input, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { ESCORT_INCOME_MESSAGES as M, yuanToFen } from "./escort-income-messages"

type Dispute = {
  id: string
  booking_id: string
  escort_name: string | null
  reason: string
  created_at: string
}

type Resolved = { refund: { through: "none" | "offline" | "provider"; fen: number } }

/** Open disputes, each settled by releasing the income or refunding the member. */
export function EscortDisputesPanel() {
  const [disputes, setDisputes] = useState<Dispute[]>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [open, setOpen] = useState<string | null>(null)
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    adminRequest<{ disputes: Dispute[] }>("/admin/escort-income/disputes?status=open")
      .then((answer) => setDisputes(answer.disputes))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const resolve = async (dispute: Dispute, outcome: "release" | "refund") => {
    const refund_fen = outcome === "refund" && amount.trim() ? yuanToFen(amount) : undefined
    if (refund_fen === null) return setError("请填写正确的退款金额，如 99.50")
    setBusy(true)
    setError(undefined)
    try {
      const answer = await adminRequest<Resolved>(
        `/admin/escort-income/disputes/${encodeURIComponent(dispute.id)}/resolve`,
        { method: "POST", body: { outcome, refund_fen, note: note.trim() || undefined } }
      )
      const { through, fen } = answer.refund
      setNotice(
        through === "none"
          ? "已发放给陪诊员"
          : `退款 ${formatFen(fen)}：${through === "offline" ? M.refundedOffline : M.refundedProvider}`
      )
      setOpen(null)
      setAmount("")
      setNote("")
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={disputes ?? []}
        rowKey={(row) => row.id}
        empty={disputes ? M.noDisputes : undefined}
        columns={[
          { header: "提交时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "陪诊员", cell: (row) => row.escort_name ?? "—" },
          { header: "订单", cell: (row) => row.booking_id },
          { header: "申诉原因", cell: (row) => row.reason },
          {
            header: "处理",
            cell: (row) =>
              open === row.id ? (
                <div className="flex flex-col gap-2 py-2">
                  <Input
                    size="small"
                    placeholder={M.refundAmount}
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                  />
                  <Textarea
                    placeholder={M.note}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <div className="flex gap-2">
                    <Button
                      size="small"
                      variant="secondary"
                      isLoading={busy}
                      onClick={() => resolve(row, "release")}
                    >
                      {M.release}
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      isLoading={busy}
                      onClick={() => resolve(row, "refund")}
                    >
                      {M.refund}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button size="small" variant="secondary" onClick={() => setOpen(row.id)}>
                  处理申诉
                </Button>
              ),
          },
        ]}
      />
    </div>
  )
}
