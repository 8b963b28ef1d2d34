import { Button, Input, Text } from "@medusajs/ui"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { useWithdrawals, WithdrawalStatusBadge } from "../income/use-withdrawals"
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
  method: "bank" | "wechat" | null
  reference: string | null
  reject_reason: string | null
  fail_reason: string | null
  created_at: string
}

/**
 * Doctors' withdrawals: record the bank transfer that paid one, reject it (money back), or
 * approve it and pay it by WeChat 商家转账 to the WeChat the doctor bound (they confirm
 * receipt in the mini-program).
 */
export function DoctorWithdrawalsPanel() {
  const { rows, error, notice, busy, act, input, setInput } = useWithdrawals<Withdrawal>(
    "/admin/doctor-income/withdrawals",
    {
      reference: M.reference,
      rejectReason: M.rejectReason,
      noticeAfter: { "wechat-transfer": M.wechatTransferStarted },
    }
  )

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
          { header: "医生", cell: (row) => row.doctor_name ?? "—" },
          { header: "金额", cell: (row) => formatFen(row.amount_fen), className: "tabular-nums" },
          {
            header: "状态",
            cell: (row) => (
              <WithdrawalStatusBadge status={row.status} labels={DOCTOR_WITHDRAWAL_STATUS_TEXT} />
            ),
          },
          {
            header: "流水号 / 原因",
            cell: (row) =>
              row.fail_reason ??
              (row.reference
                ? `${row.method === "wechat" ? `${M.wechatBill} ` : ""}${row.reference}`
                : (row.reject_reason ?? "—")),
          },
          {
            header: "操作",
            cell: (row) =>
              row.status === "requested" || row.status === "approved" ? (
                <div className="flex items-center gap-2">
                  <Input
                    size="small"
                    placeholder={`${M.reference} / ${M.rejectReason}`}
                    value={input(row)}
                    onChange={(e) => setInput(row, e.target.value)}
                  />
                  <Button size="small" isLoading={busy === row.id} onClick={() => act(row, "pay")}>
                    {M.pay}
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={busy === row.id}
                    onClick={() =>
                      act(row, row.status === "requested" ? "approve" : "wechat-transfer")
                    }
                  >
                    {row.status === "requested" ? M.approve : M.wechatTransfer}
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
