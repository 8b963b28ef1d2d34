import { Button, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { ESCORT_CASE_MESSAGES as M, yuanToFen } from "./escort-case-messages"
import type { FundEntry } from "./escort-case-types"

type Fund = { balance_fen: number; by_kind: Record<FundEntry["kind"], number> }

/** 平台保障金: the balance, what made it, finance's top-up, and the ledger. */
export function GuaranteeFundPanel() {
  const [fund, setFund] = useState<Fund>()
  const [entries, setEntries] = useState<FundEntry[]>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)
  // One key per top-up form: a double click or a retried request adds the money once.
  const [key, setKey] = useState(() => `web-${crypto.randomUUID()}`)

  const load = useCallback(() => {
    adminRequest<{ fund: Fund; entries: FundEntry[] }>("/admin/guarantee-fund?limit=200")
      .then((answer) => {
        setFund(answer.fund)
        setEntries(answer.entries)
      })
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const topUp = async () => {
    const fen = yuanToFen(amount)
    if (fen === null) return setError(M.badAmount)
    setBusy(true)
    setError(undefined)
    try {
      await adminRequest("/admin/guarantee-fund/entries", {
        method: "POST",
        body: { amount_fen: fen, idempotency_key: key, note: note.trim() || "平台注资" },
      })
      setNotice(`已注资 ${formatFen(fen)}`)
      setAmount("")
      setNote("")
      setKey(`web-${crypto.randomUUID()}`)
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {fund && (
        <div className="flex flex-wrap gap-6" data-testid="guarantee-fund-balance">
          <Text weight="plus">
            {M.balance}：{formatFen(fund.balance_fen)}
          </Text>
          {Object.entries(fund.by_kind).map(([kind, fen]) => (
            <Text key={kind} size="small" className="text-ui-fg-subtle">
              {M.kinds[kind as FundEntry["kind"]]} {formatFen(fen)}
            </Text>
          ))}
        </div>
      )}
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <div className="flex flex-wrap items-center gap-2">
        <Input
          size="small"
          placeholder={M.topUpAmount}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <Input
          size="small"
          placeholder={M.topUpNote}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button size="small" isLoading={busy} onClick={topUp}>
          {M.topUp}
        </Button>
        <a href="/admin/guarantee-fund/export" className="text-ui-fg-interactive txt-compact-small">
          {M.exportCsv}
        </a>
      </div>
      <RecordTable
        rows={entries ?? []}
        rowKey={(row) => row.id}
        empty={entries ? M.noEntries : undefined}
        columns={[
          { header: "时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "类型", cell: (row) => M.kinds[row.kind] },
          { header: "金额", cell: (row) => formatFen(row.amount_fen) },
          { header: "事件", cell: (row) => row.case_id ?? "—" },
          { header: "说明", cell: (row) => row.note },
        ]}
      />
    </div>
  )
}
