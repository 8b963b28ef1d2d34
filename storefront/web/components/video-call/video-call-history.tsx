import { formatDateTime, type VideoCallSession } from "@health/core"

const minutes = (seconds: number) =>
  seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`

/** The calls of a video consultation: when each started and ended, and how long it lasted. */
export function VideoCallHistory({
  sessions,
  totalSeconds,
}: {
  sessions: VideoCallSession[]
  totalSeconds: number
}) {
  return (
    <div className="card" data-testid="video-call-history">
      <strong>通话记录</strong>
      {sessions.length === 0 ? (
        <p className="hint">还没有通话。双方都进入诊室后开始计时。</p>
      ) : (
        <>
          <ul>
            {sessions.map((s) => (
              <li key={s.id}>
                {formatDateTime(s.started_at)} 开始 ·{" "}
                {s.ended_at
                  ? `${formatDateTime(s.ended_at)} 结束 · ${minutes(s.duration_seconds ?? 0)}`
                  : "通话中"}
              </li>
            ))}
          </ul>
          <p className="hint">累计通话 {minutes(totalSeconds)}</p>
        </>
      )}
    </div>
  )
}
