import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { ESCORT_INCOME_MESSAGES as M, WITHDRAWAL_STATUS_TEXT } from "./escort-income-messages"

type Withdrawal = {
  id: string
  escort_name: string | null
  amount_fen: number
  status: string
  method: "bank" | "wechat" | null
  reference: string | null
  reject_reason: string | null
  fail_reason: string | null
  created_at: string
}

/**
 * Escorts' withdrawals: approve, reject, record the bank transfer that paid them, or pay
 * them by WeChat 商家转账 to the WeChat the escort bound (they confirm in the mini-program).
 */
export function EscortWithdrawalsPanel() {
  const [rows, setRows] = useState<Withdrawal[]>()
  const [error, setError] = useState<string>()
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [notice, setNotice] = useState<string>()

  const load = useCallback(() => {
    adminRequest<{ withdrawals: Withdrawal[] }>("/admin/escort-income/withdrawals")
      .then((answer) => setRows(answer.withdrawals))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const act = async (row: Withdrawal, action: "approve" | "reject" | "pay" | "wechat-transfer") => {
    const text = (inputs[row.id] ?? "").trim()
    if (action === "reject" && !text) return setError(`请在输入框填写${M.rejectReason}`)
    if (action === "pay" && !text) return setError(`请在输入框填写${M.reference}`)
    setBusy(row.id)
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest(
        `/admin/escort-income/withdrawals/${encodeURIComponent(row.id)}/${action}`,
        {
          method: "POST",
          body:
            action === "reject" ? { reason: text } : action === "pay" ? { reference: text } : {},
        }
      )
      if (action === "wechat-transfer") setNotice(M.wechatTransferStarted)
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
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      <RecordTable
        rows={rows ?? []}
        rowKey={(row) => row.id}
        empty={rows ? M.noWithdrawals : undefined}
        columns={[
          { header: "申请时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "陪诊员", cell: (row) => row.escort_name ?? "—" },
          { header: "金额", cell: (row) => formatFen(row.amount_fen), className: "tabular-nums" },
          {
            header: "状态",
            cell: (row) => (
              <Badge
                size="2xsmall"
                color={
                  row.status === "paid"
                    ? "green"
                    : row.status === "rejected" || row.status === "failed"
                      ? "red"
                      : "orange"
                }
              >
                {WITHDRAWAL_STATUS_TEXT[row.status] ?? row.status}
              </Badge>
            ),
          },
          {
            header: "流水号 / 原因",
            cell: (row) =>
              row.fail_reason ??
              (row.reference
                ? `${row.method === "wechat" ? "微信转账单 " : ""}${row.reference}`
                : (row.reject_reason ?? "—")),
          },
          {
            header: "操作",
            cell: (row) =>
              row.status === "requested" || row.status === "approved" ? (
                <div className="flex items-center gap-2">
                  <Input
                    size="small"
                    placeholder={row.status === "approved" ? M.reference : M.rejectReason}
                    value={inputs[row.id] ?? ""}
                    onChange={(e) => setInputs({ ...inputs, [row.id]: e.target.value })}
                  />
                  {row.status === "requested" ? (
                    <Button
                      size="small"
                      isLoading={busy === row.id}
                      onClick={() => act(row, "approve")}
                    >
                      {M.approve}
                    </Button>
                  ) : (
                    <>
                      <Button
                        size="small"
                        isLoading={busy === row.id}
                        onClick={() => act(row, "pay")}
                      >
                        {M.pay}
                      </Button>
                      <Button
                        size="small"
                        variant="secondary"
                        isLoading={busy === row.id}
                        onClick={() => act(row, "wechat-transfer")}
                      >
                        {M.wechatTransfer}
                      </Button>
                    </>
                  )}
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
