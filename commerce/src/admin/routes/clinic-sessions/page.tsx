import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UserGroup } from "@medusajs/icons"
import type { ClinicSignupStatus } from "@health/contracts"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { RecordTable, type RecordColumn } from "../../components/shared/record-table"
import { adminRequest, errorText } from "../../lib/admin-request"

type Session = {
  id: string
  title: string
  starts_at: string
  place: string | null
  capacity: number | null
  confirmed_count: number
  waitlist_count: number
}

type Signup = {
  id: string
  status: ClinicSignupStatus
  status_label: string
  waitlist_position: number | null
  queued_at: string
  customer: { name: string | null; email: string | null; phone: string | null } | null
}

const shanghai = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
})

const STATUS_COLOR = { confirmed: "green", waitlisted: "orange", cancelled: "grey" } as const

const statusText = (signup: Signup) =>
  signup.status === "waitlisted" && signup.waitlist_position
    ? `候补第 ${signup.waitlist_position} 位`
    : signup.status_label

const SESSION_COLUMNS: RecordColumn<Session>[] = [
  { header: "时间", cell: (session) => shanghai.format(new Date(session.starts_at)) },
  { header: "义诊", cell: (session) => session.title },
  { header: "地点", cell: (session) => session.place ?? "—" },
  {
    header: "已报名 / 名额",
    cell: (session) => (
      <>
        {session.confirmed_count} / {session.capacity ?? "?"}
        {session.capacity !== null && session.confirmed_count >= session.capacity && (
          <Badge color="orange" size="2xsmall" className="ml-2">
            已满
          </Badge>
        )}
      </>
    ),
  },
  { header: "候补", cell: (session) => session.waitlist_count },
]

const ROSTER_COLUMNS: RecordColumn<Signup>[] = [
  { header: "序号", cell: (_signup, index) => index + 1 },
  { header: "姓名", cell: (signup) => signup.customer?.name ?? "（未填写）" },
  { header: "手机", cell: (signup) => signup.customer?.phone ?? "—" },
  { header: "邮箱", cell: (signup) => signup.customer?.email ?? "—" },
  {
    header: "状态",
    cell: (signup) => (
      <Badge color={STATUS_COLOR[signup.status]} size="2xsmall">
        {statusText(signup)}
      </Badge>
    ),
  },
  { header: "报名时间", cell: (signup) => shanghai.format(new Date(signup.queued_at)) },
]

/** A CSV Excel opens as UTF-8 (the BOM), quoted so names with commas stay whole. */
function downloadRoster(session: Session, signups: Signup[]) {
  const cell = (value: string | number | null | undefined) =>
    `"${String(value ?? "").replace(/"/g, '""')}"`
  const rows = [
    ["序号", "姓名", "手机", "邮箱", "状态", "报名时间"],
    ...signups.map((signup, index) => [
      index + 1,
      signup.customer?.name ?? "",
      signup.customer?.phone ?? "",
      signup.customer?.email ?? "",
      statusText(signup),
      shanghai.format(new Date(signup.queued_at)),
    ]),
  ]
  const csv = `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}`
  const link = document.createElement("a")
  link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }))
  link.download = `义诊名单-${session.title}-${session.starts_at.slice(0, 10)}.csv`
  link.click()
  URL.revokeObjectURL(link.href)
}

/** 义诊名单: each 线下义诊 session's sign-ups and waitlist, for the sign-in sheet on the day. */
const ClinicSessionsPage = () => {
  const [sessions, setSessions] = useState<Session[]>([])
  const [cmsAvailable, setCmsAvailable] = useState(true)
  const [chosen, setChosen] = useState<Session | null>(null)
  const [signups, setSignups] = useState<Signup[] | null>(null)
  const [problem, setProblem] = useState<string>()
  const [loading, setLoading] = useState(true)

  useEffect(() => {
    adminRequest<{ sessions: Session[]; cms_available: boolean }>("/admin/clinic-sessions")
      .then((answer) => {
        setSessions(answer.sessions)
        setCmsAvailable(answer.cms_available)
        // The next session to come is what staff usually prepare for.
        const upcoming = answer.sessions.find((s) => Date.parse(s.starts_at) >= Date.now())
        setChosen(upcoming ?? answer.sessions[answer.sessions.length - 1] ?? null)
      })
      .catch((error) => setProblem(errorText(error)))
      .finally(() => setLoading(false))
  }, [])

  const loadRoster = useCallback((session: Session) => {
    setSignups(null)
    adminRequest<{ signups: Signup[] }>(
      `/admin/clinic-sessions/${encodeURIComponent(session.id)}/signups`
    )
      .then((answer) => setSignups(answer.signups))
      .catch((error) => setProblem(errorText(error)))
  }, [])

  useEffect(() => {
    if (chosen) loadRoster(chosen)
  }, [chosen, loadRoster])

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">义诊名单</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            近 30 天及之后的线下义诊：报名、候补与名额；选中一场查看名单并导出签到表。
          </Text>
        </div>
        {!cmsAvailable && (
          <Text className="px-6 py-3 text-ui-fg-error" size="small">
            内容管理系统暂时无法访问：只列出已有报名的场次，名额未知。
          </Text>
        )}
        {problem && (
          <Text className="px-6 py-3 text-ui-fg-error" size="small">
            {problem}
          </Text>
        )}
        {loading ? (
          <Text className="px-6 py-4 text-ui-fg-subtle">正在加载…</Text>
        ) : sessions.length === 0 ? (
          <Text className="px-6 py-4 text-ui-fg-subtle" data-testid="clinic-sessions-empty">
            近期没有义诊场次。在内容管理系统中发布「义诊场次」后会显示在这里。
          </Text>
        ) : (
          <RecordTable
            rows={sessions}
            rowKey={(session) => session.id}
            columns={SESSION_COLUMNS}
            rowClassName={(session) =>
              chosen?.id === session.id ? "bg-ui-bg-highlight" : "cursor-pointer"
            }
            onRowClick={(session) => setChosen(session)}
          />
        )}
      </Container>

      {chosen && (
        <Container className="divide-y p-0" data-testid="clinic-roster">
          <div className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h2">{chosen.title}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {shanghai.format(new Date(chosen.starts_at))}
                {chosen.place ? ` · ${chosen.place}` : ""}
              </Text>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!signups?.length}
              onClick={() => signups && downloadRoster(chosen, signups)}
            >
              导出签到表
            </Button>
          </div>
          {signups === null ? (
            <Text className="px-6 py-4 text-ui-fg-subtle">正在加载名单…</Text>
          ) : (
            <RecordTable
              rows={signups}
              rowKey={(signup) => signup.id}
              empty="这场义诊还没有人报名。"
              columns={ROSTER_COLUMNS}
            />
          )}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "义诊名单", icon: UserGroup })

export default ClinicSessionsPage
