/** 视频问诊 as commerce answers it (README: "视频问诊 (client contract)"). */

export type VideoRole = "member" | "doctor"

/** An RTCIceServer: STUN as configured, TURN with time-limited credentials (coturn REST). */
export type VideoIceServer = { urls: string[]; username?: string; credential?: string }

export type VideoRoomTicket = {
  /** Signed, valid for a few minutes: connect with it, ask for a new one to reconnect later. */
  token: string
  expires_at: string
  role: VideoRole
  /** The consultation id. */
  room: string
  /** `ws(s)://…/ws/video`; the token goes in the `token` query parameter. */
  signalling_url: string
  ice_servers: VideoIceServer[]
  /** For the mini-program (no WebRTC there): the TRTC room, when the operator configured TRTC. */
  mini_program: MiniProgramVideoRoom | null
}

export type MiniProgramVideoRoom = {
  provider: "trtc"
  sdk_app_id: number
  user_id: string
  user_sig: string
  str_room_id: string
  expires_at: string
}

export type VideoCallSession = {
  id: string
  started_at: string
  ended_at: string | null
  duration_seconds: number | null
}

export type VideoCallSummary = {
  mode: string
  sessions: VideoCallSession[]
  total_seconds: number
}

/** What the signalling service sends. */
export type SignallingMessage =
  | { type: "joined"; role: VideoRole; peers: VideoRole[] }
  | { type: "peer-joined"; role: VideoRole }
  | { type: "peer-left"; role: VideoRole }
  | { type: "signal"; from: VideoRole; data: SignalData }
  | { type: "error"; message: string }

export type SignalData = {
  description?: { type: "offer" | "answer"; sdp: string }
  candidate?: { candidate?: string; sdpMid?: string | null; sdpMLineIndex?: number | null }
}
