import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ConsultationParty } from "./consultation-request"
import { VIDEO_CALL_MODULE } from "../modules/video-call"
import { miniProgramVideoProviderFromEnv } from "../modules/video-call/providers/mini-program-video-provider"
import { iceServersFor } from "../modules/video-call/rules/ice-servers"
import { signRoomToken } from "../modules/video-call/rules/room-token"
import { videoCallSecret } from "../modules/video-call/rules/video-call-secret"
import type VideoCallModuleService from "../modules/video-call/service"

/** Where browsers reach the signalling service (VIDEO_SIGNALLING_URL; behind nginx: /ws/video). */
const signallingUrl = () => process.env.VIDEO_SIGNALLING_URL || "ws://localhost:9010/ws/video"

const sessionsOf = (req: AuthenticatedMedusaRequest) =>
  req.scope.resolve<VideoCallModuleService>(VIDEO_CALL_MODULE)

/** The consultation's calls so far, and their total length. */
export async function videoCallSummary(req: AuthenticatedMedusaRequest, consultationId: string) {
  const sessions = sessionsOf(req)
  const rows = await sessions.sessionsOf(consultationId)
  return {
    sessions: rows.map((row) => sessions.presentSession(row)),
    total_seconds: rows.reduce((sum, row) => sum + (row.duration_seconds ?? 0), 0),
  }
}

/**
 * A room token for this party of a paid, still open video consultation, with the ICE servers
 * (TURN credentials for this participant) and where to connect. The party was already
 * resolved by its own route, so another member's or doctor's consultation was a 404 there.
 */
export function issueRoomTicket(party: ConsultationParty) {
  const { consultation, reader } = party
  if (consultation.mode !== "video") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "这次问诊不是视频问诊")
  }
  if (consultation.status !== "awaiting_doctor" && consultation.status !== "in_progress") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      consultation.status === "pending_payment"
        ? "请先完成支付，再进入视频问诊"
        : "这次问诊已结束，不能再发起视频"
    )
  }
  const { token, claims } = signRoomToken(videoCallSecret(), {
    room: consultation.id,
    role: reader.type,
    sub: reader.id,
  })
  return {
    token,
    expires_at: new Date(claims.exp * 1000).toISOString(),
    role: claims.role,
    room: claims.room,
    signalling_url: signallingUrl(),
    ice_servers: iceServersFor(`${reader.type}:${reader.id}`),
    // The mini-program has no WebRTC: it enters through the provider (TRTC) when configured.
    mini_program:
      miniProgramVideoProviderFromEnv()?.roomFor({
        room: consultation.id,
        role: reader.type,
        userId: reader.id,
      }) ?? null,
  }
}
