import { Button, Select, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { ESCORT_CASE_MESSAGES as M } from "./escort-case-messages"
import type { CaseStatus, EscortCase } from "./escort-case-types"

type Complaint = { id: string; booking_id: string; reason: string; created_at: string }

/** Open complaints waiting to become cases, and the cases by status; a row opens its case. */
export function EscortCaseList({ onOpen }: { onOpen: (caseId: string) => void }) {
  const [status, setStatus] = useState<CaseStatus | "all">("all")
  const [cases, setCases] = useState<EscortCase[]>()
  const [complaints, setComplaints] = useState<Complaint[]>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(() => {
    const query = status === "all" ? "" : `?status=${status}`
    Promise.all([
      adminRequest<{ cases: EscortCase[] }>(`/admin/escort-cases${query}`),
      adminRequest<{ disputes: Complaint[] }>("/admin/escort-income/disputes?status=open"),
    ])
      .then(([listed, open]) => {
        setCases(listed.cases)
        setComplaints(open.disputes)
      })
      .catch((e) => setError(errorText(e)))
  }, [status])
  useEffect(load, [load])

  const openFrom = async (complaint: Complaint) => {
    setBusy(complaint.id)
    setError(undefined)
    try {
      const answer = await adminRequest<{ case: EscortCase }>("/admin/escort-cases", {
        method: "POST",
        body: { from: "dispute", source_id: complaint.id },
      })
      onOpen(answer.case.id)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <Text weight="plus">{M.complaintsTitle}</Text>
      <RecordTable
        rows={complaints ?? []}
        rowKey={(row) => row.id}
        empty={complaints ? M.noComplaints : undefined}
        columns={[
          { header: "提交时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "订单", cell: (row) => row.booking_id },
          { header: "申诉原因", cell: (row) => row.reason },
          {
            header: "",
            cell: (row) => (
              <Button
                size="small"
                variant="secondary"
                isLoading={busy === row.id}
                data-testid={`open-case-${row.booking_id}`}
                onClick={() => openFrom(row)}
              >
                {M.openFromComplaint}
              </Button>
            ),
          },
        ]}
      />
      <div className="flex items-center justify-between">
        <Text weight="plus">{M.casesTitle}</Text>
        <div className="w-40">
          <Select value={status} onValueChange={(v) => setStatus(v as CaseStatus | "all")}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{M.allStatuses}</Select.Item>
              {Object.entries(M.statuses).map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <RecordTable
        rows={cases ?? []}
        rowKey={(row) => row.id}
        empty={cases ? M.noCases : undefined}
        onRowClick={(row) => onOpen(row.id)}
        columns={[
          { header: "立案时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "来源", cell: (row) => row.source_label },
          { header: "事件", cell: (row) => row.summary },
          { header: "状态", cell: (row) => row.status_label },
          {
            header: "赔付",
            cell: (row) => (row.compensation_fen ? formatFen(row.compensation_fen) : "—"),
          },
        ]}
      />
    </div>
  )
}
