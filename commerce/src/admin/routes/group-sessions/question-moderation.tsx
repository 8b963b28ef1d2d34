import { Badge, Button, Heading, Tabs, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { formatBeijingTime } from "../../components/finance/finance-format"
import { RecordTable } from "../../components/shared/record-table"
import { adminRequest, errorText } from "../../lib/admin-request"
import { GROUP_SESSION_MESSAGES as M } from "./group-session-messages"
import {
  decisionLine,
  decisionRequest,
  questionTabs,
  sessionTimes,
  type Decision,
  type QuestionTab,
} from "./group-session-rows"
import type { AdminGroupQuestion, AdminGroupSessionDetail } from "./group-session-types"

/**
 * One session's questions by state: each waiting one approved (it goes to the room live) or
 * rejected with an optional reason only the asker sees. Answers are the expert's, shown here.
 */
export function QuestionModeration({
  detail,
  onChanged,
}: {
  detail: AdminGroupSessionDetail
  onChanged: () => void
}) {
  const session = detail.group_session
  const tabs = questionTabs(detail.questions)
  const [tab, setTab] = useState<QuestionTab>("pending")
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()

  const decide = async (question: AdminGroupQuestion, decision: Decision) => {
    const request = decisionRequest(session.id, question.id, decision)
    if ("error" in request) return setError(request.error)
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest(request.path, { method: "POST", body: request.body })
      setRejecting(null)
      setNotice(decision.action === "approve" ? M.approved : M.rejected)
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const textCell = (q: AdminGroupQuestion) => (
    <div className="flex max-w-md flex-col gap-1 py-2">
      <Text size="small" className="whitespace-pre-wrap">
        {q.text}
      </Text>
      {q.status === "approved" && (
        <Text size="small" className="text-ui-fg-subtle whitespace-pre-wrap">
          {q.answer ? `专家解答：${q.answer}` : M.noAnswer}
        </Text>
      )}
      {q.status === "rejected" && q.reject_reason && (
        <Text size="small" className="text-ui-fg-subtle">
          驳回理由：{q.reject_reason}
        </Text>
      )}
    </div>
  )

  const actionCell = (q: AdminGroupQuestion) =>
    q.status !== "pending" ? (
      <Text size="small">{decisionLine(q)}</Text>
    ) : rejecting?.id === q.id ? (
      <div className="flex flex-col gap-2 py-2">
        <Textarea
          placeholder={M.rejectReason}
          value={rejecting.reason}
          onChange={(e) => setRejecting({ id: q.id, reason: e.target.value })}
        />
        <div className="flex gap-2">
          <Button
            size="small"
            variant="danger"
            isLoading={busy}
            onClick={() => decide(q, { action: "reject", reason: rejecting.reason })}
          >
            {M.confirmReject}
          </Button>
          <Button size="small" variant="transparent" onClick={() => setRejecting(null)}>
            {M.cancel}
          </Button>
        </div>
      </div>
    ) : (
      <div className="flex gap-2">
        <Button size="small" isLoading={busy} onClick={() => decide(q, { action: "approve" })}>
          {M.approve}
        </Button>
        <Button
          size="small"
          variant="danger"
          onClick={() => setRejecting({ id: q.id, reason: "" })}
        >
          {M.reject}
        </Button>
      </div>
    )

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Heading level="h2">
          {session.title} <Badge size="2xsmall">{session.phase_label}</Badge>
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {sessionTimes(session)}
          {session.expert ? ` · ${session.expert.name} ${session.expert.title ?? ""}` : ""} · 已加入{" "}
          {session.joined_count} / {session.capacity} 人
        </Text>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      <Tabs value={tab} onValueChange={(value) => setTab(value as QuestionTab)}>
        <Tabs.List>
          {(Object.keys(M.tabs) as QuestionTab[]).map((value) => (
            <Tabs.Trigger key={value} value={value}>
              {M.tabs[value]}（{tabs[value].length}）
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <div className="pt-4">
          <RecordTable
            rows={tabs[tab]}
            rowKey={(row) => row.id}
            empty={M.empty[tab]}
            columns={[
              { header: "提问时间", cell: (row) => formatBeijingTime(row.created_at) },
              { header: "提问者", cell: (row) => row.asker },
              { header: "内容", cell: textCell },
              { header: "处理", cell: actionCell },
            ]}
          />
        </div>
      </Tabs>
    </div>
  )
}
