import { formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { groupSessions, optional } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const metadata: Metadata = { title: "专家在线咨询" }
export const dynamic = "force-dynamic"

/** 在线咨询: experts' sessions at set times, soonest first; anyone may look, members join. */
export default async function GroupSessionsPage() {
  const token = await readToken()
  const sessions = await optional(() => groupSessions.list(token), [])
  return (
    <section className="page" data-testid="group-sessions">
      <h1>专家在线咨询</h1>
      <p className="hint">
        专家定期集中答疑：加入后提问，经审核公开，专家在直播间统一解答。内容为健康咨询，不作诊断。
      </p>
      {sessions.length === 0 && <p className="hint">近期没有安排在线咨询，请稍后再来。</p>}
      <ul className="escort-task-list">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <strong>{s.title}</strong> · {s.phase_label}
            {s.joined && " · 已加入"}
            <p className="hint">
              {formatDateTime(s.starts_at)} 至 {formatDateTime(s.ends_at)}
              {s.expert && ` · ${s.expert.name} ${s.expert.title ?? ""}`}
            </p>
            {s.topic && <p>{s.topic}</p>}
            <p className="hint">
              已加入 {s.joined_count} / {s.capacity} 人
            </p>
            <Link
              href={`/consult/group-sessions/${encodeURIComponent(s.id)}`}
              className="button small"
            >
              {s.joined ? "进入直播间" : "查看详情"}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
