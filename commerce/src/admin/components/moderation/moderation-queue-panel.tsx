import { Badge, Button, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { MODERATION_MESSAGES as M } from "./moderation-messages"

export type ModerationItem = {
  id: string
  source_label: string
  author_label: string
  text: string
  status: "pending" | "approved" | "rejected"
  status_label: string
  matches: { category_label: string; word: string }[]
  reports: { by: string; reason: string; at: string }[]
  final_text: string | null
  decision_reason: string | null
  created_at: string
  review: { rating: number; tags: string[] } | null
}

type Decision = { kind: "edit" | "reject"; text: string }

/** The queue (pending) or the record (decided): each pending item approved, edited or rejected. */
export function ModerationQueuePanel({ status }: { status: "pending" | "all" }) {
  const [items, setItems] = useState<ModerationItem[]>()
  const [error, setError] = useState<string>()
  const [open, setOpen] = useState<{ id: string; decision: Decision } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    adminRequest<{ items: ModerationItem[] }>(`/admin/moderation/items?status=${status}&limit=50`)
      .then((answer) =>
        setItems(
          status === "all" ? answer.items.filter((i) => i.status !== "pending") : answer.items
        )
      )
      .catch((e) => setError(errorText(e)))
  }, [status])
  useEffect(load, [load])

  const decide = async (item: ModerationItem, action: "approve" | "reject", text?: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await adminRequest(`/admin/moderation/items/${encodeURIComponent(item.id)}/${action}`, {
        method: "POST",
        body: action === "reject" ? { reason: text } : { text },
      })
      setOpen(null)
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={items ?? []}
        rowKey={(row) => row.id}
        empty={items ? (status === "pending" ? M.noPending : M.noDecided) : undefined}
        columns={[
          { header: "提交时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "类型", cell: (row) => `${row.source_label}（${row.author_label}）` },
          {
            header: "内容",
            cell: (row) => (
              <div className="flex max-w-md flex-col gap-1 py-2">
                {row.review && (
                  <Text size="small">
                    {"★".repeat(row.review.rating)} {row.review.tags.map((t) => `#${t}`).join(" ")}
                  </Text>
                )}
                <Text size="small" className="whitespace-pre-wrap">
                  {row.text || "（无文字）"}
                </Text>
                {row.final_text != null && row.final_text !== row.text && (
                  <Text size="small" className="text-ui-fg-subtle">
                    展示为：{row.final_text}
                  </Text>
                )}
              </div>
            ),
          },
          {
            header: "原因",
            cell: (row) => (
              <div className="flex flex-wrap gap-1">
                {row.matches.map((m) => (
                  <Badge key={`${m.category_label}:${m.word}`} size="2xsmall" color="orange">
                    {m.category_label}：{m.word}
                  </Badge>
                ))}
                {row.reports.map((r) => (
                  <Badge key={r.at} size="2xsmall" color="red">
                    {r.by}举报：{r.reason}
                  </Badge>
                ))}
              </div>
            ),
          },
          {
            header: "处理",
            cell: (row) =>
              row.status !== "pending" ? (
                <Text size="small">
                  {row.status_label}
                  {row.decision_reason ? `：${row.decision_reason}` : ""}
                </Text>
              ) : open?.id === row.id ? (
                <div className="flex flex-col gap-2 py-2">
                  <Textarea
                    placeholder={open.decision.kind === "reject" ? M.rejectReason : M.editedText}
                    value={open.decision.text}
                    onChange={(e) =>
                      setOpen({ id: row.id, decision: { ...open.decision, text: e.target.value } })
                    }
                  />
                  <div className="flex gap-2">
                    <Button
                      size="small"
                      variant={open.decision.kind === "reject" ? "danger" : "primary"}
                      isLoading={busy}
                      onClick={() =>
                        decide(
                          row,
                          open.decision.kind === "reject" ? "reject" : "approve",
                          open.decision.text
                        )
                      }
                    >
                      {open.decision.kind === "reject" ? M.reject : M.editApprove}
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => setOpen(null)}>
                      取消
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="flex gap-2">
                  <Button size="small" isLoading={busy} onClick={() => decide(row, "approve")}>
                    {M.approve}
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    onClick={() =>
                      setOpen({ id: row.id, decision: { kind: "edit", text: row.text } })
                    }
                  >
                    {M.editApprove}
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    onClick={() => setOpen({ id: row.id, decision: { kind: "reject", text: "" } })}
                  >
                    {M.reject}
                  </Button>
                </div>
              ),
          },
        ]}
      />
    </div>
  )
}
