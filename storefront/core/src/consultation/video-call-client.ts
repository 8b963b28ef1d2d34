import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type { VideoCallSummary, VideoRoomTicket } from "./video-call-types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 视频问诊: a short-lived room ticket (token, signalling address, ICE servers with TURN
 * credentials) for the member or the assigned doctor, and the calls recorded so far.
 * Another member's or doctor's consultation answers 404 (ApiError). On the web the doctor's
 * calls go through the relay with token "" (its cookie carries the doctor's token).
 */
export function createVideoCallClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const ticket = async (path: string, token: string) =>
    (
      await request<{ video: VideoRoomTicket }>(path, {
        method: "POST",
        body: "{}",
        token,
        ...noStore,
      })
    ).video
  const calls = async (path: string, token: string) =>
    (await request<{ video: VideoCallSummary }>(path, { token, ...noStore })).video

  return {
    memberTicket: (token: string, consultationId: string) =>
      ticket(`/store/consultations/${id(consultationId)}/video/token`, token),
    memberCalls: (token: string, consultationId: string) =>
      calls(`/store/consultations/${id(consultationId)}/video`, token),
    doctorTicket: (token: string, consultationId: string) =>
      ticket(`/doctor/consultations/${id(consultationId)}/video/token`, token),
    doctorCalls: (token: string, consultationId: string) =>
      calls(`/doctor/consultations/${id(consultationId)}/video`, token),
  }
}

export type VideoCallClient = ReturnType<typeof createVideoCallClient>
