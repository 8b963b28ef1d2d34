import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText, isForbidden } from "../../lib/admin-request"
import { RecordTable } from "../../components/shared/record-table"
import { GROUP_SESSION_MESSAGES as M } from "./group-session-messages"
import { orderSessions, sessionTimes } from "./group-session-rows"
import type { AdminGroupSession, AdminGroupSessionDetail } from "./group-session-types"
import { QuestionModeration } from "./question-moderation"

/** While a session is live its questions are read again this often (staff have no stream). */
const LIVE_REFRESH_MS = 10_000

const PHASE_COLORS = { live: "green", upcoming: "blue", ended: "grey" } as const

/** 在线咨询审核: every expert's sessions; opening one moderates its questions. */
const GroupSessionsPage = () => {
  const [sessions, setSessions] = useState<AdminGroupSession[]>()
  const [openId, setOpenId] = useState<string | null>(null)
  const [open, setOpen] = useState<AdminGroupSessionDetail | null>(null)
  const [error, setError] = useState<string>()

  const fail = (e: unknown) => setError(isForbidden(e) ? M.forbidden : errorText(e))

  const load = useCallback(() => {
    setError(undefined)
    adminRequest<{ group_sessions: AdminGroupSession[] }>("/admin/group-sessions")
      .then((answer) => setSessions(orderSessions(answer.group_sessions)))
      .catch(fail)
  }, [])
  useEffect(load, [load])

  const loadOpen = useCallback(() => {
    if (!openId) return setOpen(null)
    adminRequest<AdminGroupSessionDetail>(`/admin/group-sessions/${encodeURIComponent(openId)}`)
      .then(setOpen)
      .catch(fail)
  }, [openId])
  useEffect(loadOpen, [loadOpen])

  const live = open?.group_session.phase === "live"
  useEffect(() => {
    if (!live) return undefined
    const timer = setInterval(loadOpen, LIVE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [live, loadOpen])

  return (
    <Container className="flex flex-col gap-y-4 p-6" data-testid="group-sessions-page">
      <div>
        <Heading level="h1">{M.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {M.intro}
        </Text>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {openId ? (
        <div className="flex flex-col gap-3">
          <div className="flex items-center gap-2">
            <Button variant="secondary" size="small" onClick={() => setOpenId(null)}>
              {M.back}
            </Button>
            <Button variant="transparent" size="small" onClick={loadOpen}>
              {M.refresh}
            </Button>
            {live && (
              <Text size="small" className="text-ui-fg-subtle">
                {M.autoRefresh}
              </Text>
            )}
          </div>
          {open && (
            <QuestionModeration
              detail={open}
              onChanged={() => {
                loadOpen()
                load()
              }}
            />
          )}
        </div>
      ) : (
        <RecordTable
          rows={sessions ?? []}
          rowKey={(row) => row.id}
          empty={sessions ? M.noSessions : undefined}
          columns={[
            {
              header: "状态",
              cell: (row) => (
                <Badge size="2xsmall" color={PHASE_COLORS[row.phase]}>
                  {row.phase_label}
                </Badge>
              ),
            },
            { header: "主题", cell: (row) => row.title },
            {
              header: "主讲专家",
              cell: (row) =>
                row.expert
                  ? `${row.expert.name}${row.expert.title ? ` · ${row.expert.title}` : ""}`
                  : "—",
            },
            { header: "时间（北京时间）", cell: (row) => sessionTimes(row) },
            { header: "人数", cell: (row) => `${row.joined_count} / ${row.capacity}` },
            {
              header: "",
              cell: (row) => (
                <Button size="small" variant="secondary" onClick={() => setOpenId(row.id)}>
                  {M.open}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "在线咨询审核", icon: ChatBubbleLeftRight })

export default GroupSessionsPage
