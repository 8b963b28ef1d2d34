import { ApiError, formatDateTime, type GroupSessionRoom } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { askGroupSession, joinGroupSession } from "@/app/consult/_lib/group-session-actions"
import {
  AskGroupSessionForm,
  JoinGroupSessionForm,
} from "@/components/group-session/group-session-form"
import { GroupSessionLive } from "@/components/group-session/group-session-live"
import { groupSessions } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const metadata: Metadata = { title: "在线咨询直播间" }
export const dynamic = "force-dynamic"

/** One session: its details, joining, and for members the live Q&A room and their questions. */
export default async function GroupSessionRoomPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const token = await readToken()
  let room: GroupSessionRoom
  try {
    room = await groupSessions.room(id, token)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound()
    return (
      <section className="page">
        <h1>在线咨询</h1>
        <p className="form-error" role="alert">
          暂时无法打开这场咨询，请稍后再试。
        </p>
      </section>
    )
  }
  const s = room.group_session
  const path = `/consult/group-sessions/${encodeURIComponent(s.id)}`
  return (
    <section className="page" data-testid="group-session-room">
      <p>
        <Link href="/consult/group-sessions">← 全部在线咨询</Link>
      </p>
      <h1>{s.title}</h1>
      <p className="hint">
        {s.phase_label} · {formatDateTime(s.starts_at)} 至 {formatDateTime(s.ends_at)}
        {s.expert && ` · ${s.expert.name} ${s.expert.title ?? ""} ${s.expert.hospital ?? ""}`}
      </p>
      {s.topic && <p>{s.topic}</p>}
      <p className="hint">
        已加入 {s.joined_count} / {s.capacity} 人
      </p>

      {!token && (
        <p>
          <Link
            href={`/account/sign-in?next=${encodeURIComponent(path)}`}
            className="button primary"
          >
            登录后加入
          </Link>
        </p>
      )}
      {token && !s.joined && s.phase !== "ended" && (
        <JoinGroupSessionForm sessionId={s.id} join={joinGroupSession} />
      )}

      {s.joined && (
        <>
          <GroupSessionLive id={s.id} />
          <h2>直播间</h2>
          {room.questions.length === 0 && (
            <p className="hint">还没有公开的问题。专家审核后，问题和解答会实时出现在这里。</p>
          )}
          <ol className="escort-task-list" data-testid="group-session-questions">
            {room.questions.map((q) => (
              <li key={q.id} className="card">
                <p>
                  <strong>{q.asker}：</strong>
                  {q.text}
                </p>
                {q.answer ? (
                  <p>
                    <strong>专家解答：</strong>
                    {q.answer}
                  </p>
                ) : (
                  <p className="hint">等待专家解答</p>
                )}
              </li>
            ))}
          </ol>
          {s.questions_open ? (
            <AskGroupSessionForm sessionId={s.id} ask={askGroupSession} />
          ) : (
            <p className="hint">
              {s.phase === "ended" ? "本场咨询已结束。" : "开始前 30 分钟开放提问。"}
            </p>
          )}
          <h2>我的提问</h2>
          {room.my_questions.length === 0 && <p className="hint">您还没有提问。</p>}
          <ul className="escort-task-list">
            {room.my_questions.map((q) => (
              <li key={q.id} className="card">
                <p>{q.text}</p>
                <p className="hint">
                  {q.status_label}
                  {q.reject_reason && `：${q.reject_reason}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
