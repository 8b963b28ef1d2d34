import { Badge, Button, Input, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime, formatFen } from "../finance/finance-format"
import { claimStatusLabel, ESCORT_CASE_MESSAGES as M, yuanToFen } from "./escort-case-messages"
import type { EscortCaseDetail } from "./escort-case-types"

/** One case: its status timeline, its fund entries, and the moves its status allows. */
export function EscortCaseDetailView({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const [detail, setDetail] = useState<EscortCaseDetail>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState("")
  const [amount, setAmount] = useState("")
  const [claimAmount, setClaimAmount] = useState("")

  const path = `/admin/escort-cases/${encodeURIComponent(caseId)}`
  const load = useCallback(() => {
    adminRequest<{ case: EscortCaseDetail }>(path)
      .then((answer) => setDetail(answer.case))
      .catch((e) => setError(errorText(e)))
  }, [path])
  useEffect(load, [load])

  const act = async (action: string, body: unknown, done: string) => {
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest(`${path}/${action}`, { method: "POST", body })
      setNotice(done)
      setNote("")
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const uphold = () => {
    const fen = yuanToFen(amount || "0", { allowZero: true })
    if (fen === null) return setError(M.badAmount)
    if (!note.trim()) return setError("请填写认定说明")
    return act(
      "uphold",
      { compensation_fen: fen, note: note.trim() },
      `已认定成立，先行赔付 ${formatFen(fen)}`
    )
  }

  const fileClaim = () => {
    const fen = yuanToFen(claimAmount)
    if (fen === null) return setError(M.badAmount)
    return act("insurance-claim", { amount_fen: fen }, "已向保险公司申请理赔")
  }

  if (!detail) {
    return error ? <Text className="text-ui-fg-error">{error}</Text> : <Text>加载中…</Text>
  }
  const undecided = detail.status === "open" || detail.status === "investigating"
  const decided = detail.status === "upheld" || detail.status === "dismissed"

  return (
    <div className="flex flex-col gap-4" data-testid="escort-case-detail">
      <Button size="small" variant="transparent" className="self-start" onClick={onBack}>
        {M.back}
      </Button>
      <div className="flex items-center gap-2">
        <Badge data-testid="escort-case-status">{detail.status_label}</Badge>
        <Text weight="plus">{detail.summary}</Text>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {detail.source_label} · 订单 {detail.booking_id}
        {detail.policy && ` · 保单 ${detail.policy.policy_no}`}
        {detail.claim &&
          ` · 理赔 ${detail.claim.claim_no}（${claimStatusLabel(detail.claim.status)}）`}
      </Text>
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}

      <Text weight="plus">{M.timeline}</Text>
      <ol className="flex flex-col gap-1" data-testid="escort-case-timeline">
        {detail.timeline.map((line) => (
          <li key={line.id}>
            <Text size="small">
              {formatBeijingTime(line.created_at)} · {M.statuses[line.status] ?? line.status} ·{" "}
              {line.body}
            </Text>
          </li>
        ))}
      </ol>
      {detail.fund_entries.length > 0 && (
        <ul className="flex flex-col gap-1" data-testid="escort-case-fund-entries">
          {detail.fund_entries.map((entry) => (
            <li key={entry.id}>
              <Text size="small">
                {M.kinds[entry.kind]} {formatFen(entry.amount_fen)} · {entry.note}
              </Text>
            </li>
          ))}
        </ul>
      )}

      {detail.status !== "closed" && (
        <Textarea
          placeholder={undecided ? M.decisionNote : M.notePlaceholder}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      )}
      <div className="flex flex-wrap gap-2">
        {detail.status !== "closed" && (
          <Button
            size="small"
            variant="secondary"
            isLoading={busy}
            onClick={() => act("notes", { body: note.trim() }, "已添加记录")}
          >
            {M.addNote}
          </Button>
        )}
        {undecided && (
          <Button
            size="small"
            variant="secondary"
            isLoading={busy}
            onClick={() => act("assign", {}, "已指定由你负责")}
          >
            {M.assignToMe}
          </Button>
        )}
        {decided && (
          <Button
            size="small"
            variant="secondary"
            isLoading={busy}
            onClick={() => act("close", { note: note.trim() || undefined }, "已结案")}
          >
            {M.close}
          </Button>
        )}
      </div>
      {undecided && (
        <div className="flex flex-wrap items-center gap-2">
          <Input
            size="small"
            placeholder={M.compensation}
            value={amount}
            data-testid="escort-case-compensation"
            onChange={(e) => setAmount(e.target.value)}
          />
          <Button size="small" variant="danger" isLoading={busy} onClick={uphold}>
            {M.uphold}
          </Button>
          <Button
            size="small"
            variant="secondary"
            isLoading={busy}
            onClick={() => act("dismiss", { note: note.trim() }, "已认定不成立")}
          >
            {M.dismiss}
          </Button>
        </div>
      )}
      {detail.status === "upheld" && detail.policy && !detail.claim && (
        <div className="flex flex-wrap items-center gap-2">
          <Input
            size="small"
            placeholder={M.claimAmount}
            value={claimAmount}
            onChange={(e) => setClaimAmount(e.target.value)}
          />
          <Button size="small" variant="secondary" isLoading={busy} onClick={fileClaim}>
            {M.fileClaim}
          </Button>
        </div>
      )}
    </div>
  )
}
