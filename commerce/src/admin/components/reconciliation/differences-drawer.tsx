import { Badge, Button, Checkbox, Drawer, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import {
  DIFFERENCE_KIND_TEXT,
  DIFFERENCE_SUBJECT_TEXT,
  PROVIDER_NAME,
  RECONCILIATION_MESSAGES as M,
} from "./reconciliation-messages"
import type { ReconciliationDifference, ReconciliationRun } from "./reconciliation-types"

const money = (fen: number | null) => (fen === null ? "—" : formatFen(fen))

/** One run's differences, each with its order; finance writes how each was settled. */
export function DifferencesDrawer({
  run,
  onClose,
}: {
  run: ReconciliationRun | null
  onClose: () => void
}) {
  const [differences, setDifferences] = useState<ReconciliationDifference[]>()
  const [openOnly, setOpenOnly] = useState(false)
  const [resolving, setResolving] = useState<ReconciliationDifference | null>(null)
  const [note, setNote] = useState("")
  const [error, setError] = useState<string>()
  const [reload, setReload] = useState(0)

  useEffect(() => {
    if (!run) return
    let current = true
    setDifferences(undefined)
    const query = new URLSearchParams(openOnly ? { resolved: "false" } : {})
    adminRequest<{ differences: ReconciliationDifference[] }>(
      `/admin/finance/reconciliation/runs/${run.id}/differences?${query}`
    )
      .then((answer) => current && setDifferences(answer.differences))
      .catch((e) => current && setError(errorText(e)))
    return () => {
      current = false
    }
  }, [run, openOnly, reload])

  const save = async () => {
    if (!resolving) return
    setError(undefined)
    try {
      await adminRequest(`/admin/finance/reconciliation/differences/${resolving.id}/resolve`, {
        method: "POST",
        body: { note },
      })
      setResolving(null)
      setNote("")
      setReload((n) => n + 1)
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <Drawer open={Boolean(run)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-5xl">
        <Drawer.Header>
          <Drawer.Title>
            {run
              ? M.differencesOf(run.bill_date, PROVIDER_NAME[run.provider_id] ?? run.provider_id)
              : ""}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex items-center gap-2">
            <Checkbox
              id="open-only"
              checked={openOnly}
              onCheckedChange={(checked) => setOpenOnly(checked === true)}
            />
            <Label htmlFor="open-only">{M.openOnly}</Label>
          </div>
          {error && <Text className="text-ui-fg-error">{error}</Text>}
          <RecordTable
            rows={differences ?? []}
            rowKey={(d) => d.id}
            empty={differences ? M.noDifferences : M.loading}
            columns={[
              {
                header: M.kind,
                cell: (d) => (
                  <Badge color={d.kind === "amount_mismatch" ? "red" : "orange"} size="2xsmall">
                    {DIFFERENCE_KIND_TEXT[d.kind] ?? d.kind}
                  </Badge>
                ),
              },
              { header: M.subject, cell: (d) => DIFFERENCE_SUBJECT_TEXT[d.subject] },
              {
                header: M.tradeNo,
                cell: (d) => (
                  <span className="font-mono text-xs">
                    {d.out_trade_no}
                    {d.out_refund_no ? ` / ${d.out_refund_no}` : ""}
                  </span>
                ),
              },
              {
                header: M.order,
                cell: (d) =>
                  d.order ? (
                    <a className="text-ui-fg-interactive" href={`/app/orders/${d.order.id}`}>
                      #{d.order.display_id ?? d.order.id}
                    </a>
                  ) : (
                    "—"
                  ),
              },
              {
                header: M.billAmount,
                cell: (d) => money(d.bill_amount),
                className: "text-right tabular-nums",
              },
              {
                header: M.ourAmount,
                cell: (d) => money(d.our_amount),
                className: "text-right tabular-nums",
              },
              { header: M.status, cell: (d) => `${d.bill_status ?? "—"} / ${d.our_status ?? "—"}` },
              {
                header: M.resolution,
                cell: (d) =>
                  d.resolved_at ? (
                    <div className="flex flex-col">
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {M.resolvedBy(formatBeijingTime(d.resolved_at))}
                      </Text>
                      <Text size="small">{d.resolution_note}</Text>
                    </div>
                  ) : (
                    <Button size="small" variant="secondary" onClick={() => setResolving(d)}>
                      {M.resolve}
                    </Button>
                  ),
              },
            ]}
          />
          {resolving && (
            <div className="shadow-elevation-card-rest flex flex-col gap-2 rounded-lg p-4">
              <Text weight="plus">{M.resolveTitle}</Text>
              <Text size="small" className="text-ui-fg-subtle">
                {M.resolveHint}
              </Text>
              <Textarea
                value={note}
                placeholder={M.notePlaceholder}
                onChange={(event) => setNote(event.target.value)}
              />
              <div className="flex justify-end gap-2">
                <Button size="small" variant="secondary" onClick={() => setResolving(null)}>
                  {M.cancel}
                </Button>
                <Button size="small" onClick={save} disabled={note.trim().length < 2}>
                  {M.save}
                </Button>
              </div>
            </div>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
