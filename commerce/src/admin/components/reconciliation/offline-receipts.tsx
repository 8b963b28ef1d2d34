import { Badge, Button, Input, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { AdminPagination } from "../shared/admin-pagination"
import { RecordTable } from "../shared/record-table"
import { RECONCILIATION_MESSAGES as M } from "./reconciliation-messages"
import type { OfflineReceiptRow } from "./reconciliation-types"

const PAGE_SIZE = 20
type Problem = "all" | "missing_reference" | "duplicate_reference"

/** Confirmed offline payments and their bank references; those without or shared stand out. */
export function OfflineReceipts() {
  const [problem, setProblem] = useState<Problem>("missing_reference")
  const [page, setPage] = useState(0)
  const [data, setData] = useState<{ receipts: OfflineReceiptRow[]; count: number }>()
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()
  const [reload, setReload] = useState(0)

  useEffect(() => setPage(0), [problem])
  useEffect(() => {
    let current = true
    const query = new URLSearchParams({
      ...(problem !== "all" && { problem }),
      limit: String(PAGE_SIZE),
      offset: String(page * PAGE_SIZE),
    })
    adminRequest<{ receipts: OfflineReceiptRow[]; count: number }>(
      `/admin/finance/reconciliation/offline-receipts?${query}`
    )
      .then((answer) => current && setData(answer))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [problem, page, reload])

  const record = async (paymentId: string) => {
    setError(undefined)
    try {
      await adminRequest("/admin/finance/reconciliation/offline-receipts", {
        method: "POST",
        body: { payment_id: paymentId, bank_reference: (drafts[paymentId] ?? "").trim() },
      })
      setReload((n) => n + 1)
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Text size="small" className="text-ui-fg-subtle">
        {M.offlineIntro}
      </Text>
      <div className="w-56">
        <Select value={problem} onValueChange={(value) => setProblem(value as Problem)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="missing_reference">{M.missingReference}</Select.Item>
            <Select.Item value="duplicate_reference">{M.duplicateReference}</Select.Item>
            <Select.Item value="all">{M.allReceipts}</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={data?.receipts ?? []}
        rowKey={(row) => row.payment_id}
        empty={data ? M.noReceipts : M.loading}
        columns={[
          {
            header: M.order,
            cell: (row) =>
              row.order_id ? (
                <a className="text-ui-fg-interactive" href={`/app/orders/${row.order_id}`}>
                  #{row.display_id ?? row.order_id}
                </a>
              ) : (
                "—"
              ),
          },
          {
            header: M.amount,
            cell: (row) => formatFen(row.amount),
            className: "text-right tabular-nums",
          },
          { header: M.capturedAt, cell: (row) => formatBeijingTime(row.captured_at) },
          {
            header: M.bankReference,
            cell: (row) =>
              row.bank_reference ? (
                <div className="flex items-center gap-2">
                  <span className="font-mono text-xs">{row.bank_reference}</span>
                  {row.duplicate_reference && (
                    <Badge color="orange" size="2xsmall">
                      {M.duplicateReference}
                    </Badge>
                  )}
                </div>
              ) : (
                <div className="flex items-center gap-2">
                  <Input
                    size="small"
                    placeholder={M.referencePlaceholder}
                    value={drafts[row.payment_id] ?? ""}
                    onChange={(event) =>
                      setDrafts((all) => ({ ...all, [row.payment_id]: event.target.value }))
                    }
                  />
                  <Button
                    size="small"
                    variant="secondary"
                    disabled={(drafts[row.payment_id] ?? "").trim().length < 4}
                    onClick={() => record(row.payment_id)}
                  >
                    {M.record}
                  </Button>
                </div>
              ),
          },
        ]}
      />
      {data && data.count > PAGE_SIZE && (
        <AdminPagination
          count={data.count}
          pageSize={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
        />
      )}
    </div>
  )
}
