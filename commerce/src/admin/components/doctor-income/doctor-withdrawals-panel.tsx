import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import {
  DOCTOR_INCOME_MESSAGES as M,
  DOCTOR_WITHDRAWAL_STATUS_TEXT,
} from "./doctor-income-messages"

type Withdrawal = {
  id: string
  doctor_name: string | null
  amount_fen: number
  status: string
  reference: string | null
  reject_reason: string | null
  created_at: string
}

/** Doctors' withdrawals: record the bank transfer that paid one, or reject it (money back). */
export function DoctorWithdrawalsPanel() {
  const [rows, setRows] = useState<Withdrawal[]>()
  const [error, setError] = useState<string>()
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(() => {
    adminRequest<{ withdrawals: Withdrawal[] }>("/admin/doctor-income/withdrawals")
      .then((answer) => setRows(answer.withdrawals))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const act = async (row: Withdrawal, action: "pay" | "reject") => {
    const text = (inputs[row.id] ?? "").trim()
    if (!text) return setError(`请在输入框填写${action === "pay" ? M.reference : M.rejectReason}`)
    setBusy(row.id)
    setError(undefined)
    try {
      await adminRequest(
        `/admin/doctor-income/withdrawals/${encodeURIComponent(row.id)}/${action}`,
        { method: "POST", body: action === "pay" ? { reference: text } : { reason: text } }
      )
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={rows ?? []}
        rowKey={(row) => row.id}
        empty={rows ? M.noWithdrawals : undefined}
        columns={[
          { header: "申请时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "医生", cell: (row) => row.doctor_name ?? "—" },
          { header: "金额", cell: (row) => formatFen(row.amount_fen), className: "tabular-nums" },
          {
            header: "状态",
            cell: (row) => (
              <Badge
                size="2xsmall"
                color={
                  row.status === "paid" ? "green" : row.status === "rejected" ? "red" : "orange"
                }
              >
                {DOCTOR_WITHDRAWAL_STATUS_TEXT[row.status] ?? row.status}
              </Badge>
            ),
          },
          { header: "流水号 / 原因", cell: (row) => row.reference ?? row.reject_reason ?? "—" },
          {
            header: "操作",
            cell: (row) =>
              row.status === "requested" ? (
                <div className="flex items-center gap-2">
                  <Input
                    size="small"
                    placeholder={`${M.reference} / ${M.rejectReason}`}
                    value={inputs[row.id] ?? ""}
                    onChange={(e) => setInputs({ ...inputs, [row.id]: e.target.value })}
                  />
                  <Button size="small" isLoading={busy === row.id} onClick={() => act(row, "pay")}>
                    {M.pay}
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    isLoading={busy === row.id}
                    onClick={() => act(row, "reject")}
                  >
                    {M.reject}
                  </Button>
                </div>
              ) : null,
          },
        ]}
      />
    </div>
  )
}
