import type { RoomRole } from "../rules/room-token"
import { genUserSig } from "./trtc-user-sig"

/**
 * What the mini-program needs to enter a consultation's room through a video-call provider
 * (WeChat mini-programs have no WebRTC: they use the provider's SDK, e.g. TRTC's
 * <live-pusher>/<live-player> components or its trtc-wx SDK).
 */
export type MiniProgramVideoRoom = {
  provider: "trtc"
  sdk_app_id: number
  /** The TRTC user: `m_` + customer id or `d_` + doctor id (≤ 32 characters). */
  user_id: string
  user_sig: string
  /** TRTC's string room id: the consultation id. */
  str_room_id: string
  expires_at: string
}

/** A video-call provider for the mini-program. */
export type MiniProgramVideoProvider = {
  id: string
  roomFor(input: { room: string; role: RoomRole; userId: string; now?: Date }): MiniProgramVideoRoom
}

/** UserSig lifetime: the length of a long consultation, not days. */
export const TRTC_USER_SIG_TTL_SECONDS = 2 * 60 * 60

/** Tencent TRTC with the app's SDKAppID and secret key (TRTC_SDK_APP_ID, TRTC_SECRET_KEY). */
export function trtcProvider(sdkAppId: number, secretKey: string): MiniProgramVideoProvider {
  return {
    id: "trtc",
    roomFor({ room, role, userId, now = new Date() }) {
      const user = `${role === "member" ? "m" : "d"}_${userId}`.slice(0, 32)
      return {
        provider: "trtc",
        sdk_app_id: sdkAppId,
        user_id: user,
        user_sig: genUserSig({
          sdkAppId,
          secretKey,
          userId: user,
          expireSeconds: TRTC_USER_SIG_TTL_SECONDS,
          now,
        }),
        str_room_id: room,
        expires_at: new Date(now.getTime() + TRTC_USER_SIG_TTL_SECONDS * 1000).toISOString(),
      }
    },
  }
}

/** The configured provider, or none (the mini-program then says video needs the web). */
export function miniProgramVideoProviderFromEnv(
  env: NodeJS.ProcessEnv = process.env
): MiniProgramVideoProvider | null {
  const appId = Number(env.TRTC_SDK_APP_ID)
  const key = env.TRTC_SECRET_KEY?.trim()
  return Number.isInteger(appId) && appId > 0 && key ? trtcProvider(appId, key) : null
}
