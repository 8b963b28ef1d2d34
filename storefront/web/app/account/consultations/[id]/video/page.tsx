import { ApiError, type VideoCallSummary } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { VideoCallRoom } from "@/components/video-call/video-call-room"
import { VideoCallHistory } from "@/components/video-call/video-call-history"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"
import { memberVideoTicket } from "./actions"
import { videoCalls } from "./video-calls"

export const metadata: Metadata = { title: "视频问诊" }

/** The member's video room for one consultation, with the calls made so far. */
export default async function ConsultationVideoPage({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const back = `/account/consultations/${encodeURIComponent(id)}`
  const { token } = await requireMember(`${back}/video`)
  let calls: VideoCallSummary
  try {
    calls = await videoCalls.memberCalls(token, id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound()
    return (
      <section className="account-page">
        <AccountPageHead title="视频问诊" />
        <p className="form-error" role="alert">
          {memberActionError(error, "video calls").error}
        </p>
      </section>
    )
  }
  return (
    <section className="account-page" data-testid="consultation-video-page">
      <AccountPageHead title="视频问诊" />
      <p>
        <Link href={back}>← 返回问诊详情</Link>
      </p>
      {calls.mode === "video" ? (
        <VideoCallRoom fetchTicket={memberVideoTicket.bind(null, id)} peerLabel="医生" />
      ) : (
        <p className="hint">这次问诊不是视频问诊。</p>
      )}
      <VideoCallHistory sessions={calls.sessions} totalSeconds={calls.total_seconds} />
    </section>
  )
}
