"use client"

import { createVideoCallClient, type VideoCallSummary, type VideoRoomTicket } from "@health/core"
import Link from "next/link"
import { useCallback, useEffect, useMemo, useState } from "react"
import { VideoCallHistory } from "@/components/video-call/video-call-history"
import { VideoCallRoom } from "@/components/video-call/video-call-room"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

/** The doctor's side of a 视频问诊: the room and the calls so far, through the desk's relay. */
export function DoctorVideoRoom({ id }: { id: string }) {
  const client = useMemo(
    () =>
      createVideoCallClient({
        baseUrl: DOCTOR_RELAY_BASE,
        publishableKey: "",
        fetch: (input, init = {}) => {
          const { cacheHint: _hint, ...rest } = init
          return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
        },
      }),
    []
  )
  const [calls, setCalls] = useState<VideoCallSummary | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.doctorCalls("", id).then(setCalls, (e) => setError(escortAppError(e)))
  }, [client, id])

  const fetchTicket = useCallback(
    (): Promise<VideoRoomTicket | { error: string }> =>
      client.doctorTicket("", id).catch((e) => ({ error: escortAppError(e) })),
    [client, id]
  )

  return (
    <section data-testid="doctor-video-page">
      <p>
        <Link href={`/doctor/consultations/${encodeURIComponent(id)}`}>← 返回问诊详情</Link>
      </p>
      <h1>视频问诊</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!calls && !error && <p className="hint">加载中…</p>}
      {calls && calls.mode !== "video" && <p className="hint">这次问诊不是视频问诊。</p>}
      {calls?.mode === "video" && (
        <>
          <VideoCallRoom fetchTicket={fetchTicket} peerLabel="会员" />
          <VideoCallHistory sessions={calls.sessions} totalSeconds={calls.total_seconds} />
        </>
      )}
    </section>
  )
}
