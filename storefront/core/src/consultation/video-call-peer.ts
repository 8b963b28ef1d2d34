import type { SignalData, SignallingMessage, VideoRoomTicket } from "./video-call-types"

/** Where a call stands, for the page to show (labels in VIDEO_CALL_STATE_LABELS). */
export type VideoCallState =
  | "connecting-signalling"
  | "waiting-peer"
  | "negotiating"
  | "connected"
  | "reconnecting"
  | "peer-left"
  | "failed"
  | "ended"

export const VIDEO_CALL_STATE_LABELS: Record<VideoCallState, string> = {
  "connecting-signalling": "正在进入诊室…",
  "waiting-peer": "等待对方进入诊室…",
  negotiating: "正在建立视频连接…",
  connected: "已接通",
  reconnecting: "网络不稳定，正在重新连接…",
  "peer-left": "对方已离开诊室",
  failed: "连接失败，请检查网络后重新加入",
  ended: "通话已结束",
}

/** The browser APIs a call needs, passed in so the logic runs the same in any client. */
export type VideoCallEnvironment = {
  openSocket: (url: string) => WebSocket
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection
}

export type VideoCallEvents = {
  onState: (state: VideoCallState, detail?: string) => void
  onRemoteStream: (stream: MediaStream | null) => void
}

/**
 * One side of a 视频问诊 between member and doctor. The member always makes the offer (when
 * it joins and finds the doctor, or when the doctor joins after it); the doctor answers each
 * offer with a fresh connection, so a member who reloads simply calls again. Candidates that
 * arrive before the remote description wait in a queue.
 */
export function startVideoCall(
  ticket: VideoRoomTicket,
  localStream: MediaStream,
  env: VideoCallEnvironment,
  events: VideoCallEvents
) {
  const url = `${ticket.signalling_url}${ticket.signalling_url.includes("?") ? "&" : "?"}token=${encodeURIComponent(ticket.token)}`
  const socket = env.openSocket(url)
  let pc: RTCPeerConnection | null = null
  let pending: RTCIceCandidateInit[] = []
  let ended = false

  const send = (data: SignalData) => {
    if (socket.readyState === 1) socket.send(JSON.stringify({ type: "signal", data }))
  }

  const closePeer = () => {
    pc?.close()
    pc = null
    pending = []
    events.onRemoteStream(null)
  }

  const newPeer = () => {
    closePeer()
    const peer = env.createPeerConnection({ iceServers: ticket.ice_servers })
    for (const track of localStream.getTracks()) peer.addTrack(track, localStream)
    peer.onicecandidate = (event) => {
      if (event.candidate) send({ candidate: event.candidate.toJSON() })
    }
    peer.ontrack = (event) => {
      events.onRemoteStream(event.streams[0] ?? new MediaStream([event.track]))
    }
    peer.onconnectionstatechange = () => {
      if (pc !== peer || ended) return
      const state = peer.connectionState
      if (state === "connected") events.onState("connected")
      else if (state === "disconnected") events.onState("reconnecting")
      else if (state === "failed") events.onState("failed")
    }
    pc = peer
    events.onState("negotiating")
    return peer
  }

  const call = async () => {
    const peer = newPeer()
    const offer = await peer.createOffer()
    await peer.setLocalDescription(offer)
    send({ description: { type: "offer", sdp: offer.sdp ?? "" } })
  }

  const flushCandidates = async (peer: RTCPeerConnection) => {
    for (const candidate of pending.splice(0)) await peer.addIceCandidate(candidate)
  }

  const onSignal = async (data: SignalData) => {
    if (data.description?.type === "offer" && ticket.role === "doctor") {
      const peer = newPeer()
      await peer.setRemoteDescription(data.description)
      const answer = await peer.createAnswer()
      await peer.setLocalDescription(answer)
      send({ description: { type: "answer", sdp: answer.sdp ?? "" } })
      await flushCandidates(peer)
    } else if (data.description?.type === "answer" && pc && ticket.role === "member") {
      await pc.setRemoteDescription(data.description)
      await flushCandidates(pc)
    } else if (data.candidate) {
      if (pc?.remoteDescription) await pc.addIceCandidate(data.candidate)
      else pending.push(data.candidate)
    }
  }

  socket.onmessage = (event) => {
    let message: SignallingMessage
    try {
      message = JSON.parse(String(event.data))
    } catch {
      return
    }
    const fail = (error: unknown) =>
      events.onState("failed", error instanceof Error ? error.message : String(error))
    if (message.type === "joined") {
      if (message.peers.length === 0) events.onState("waiting-peer")
      else if (ticket.role === "member") call().catch(fail)
      else events.onState("negotiating")
    } else if (message.type === "peer-joined") {
      if (ticket.role === "member") call().catch(fail)
      else events.onState("negotiating")
    } else if (message.type === "peer-left") {
      closePeer()
      events.onState("peer-left")
    } else if (message.type === "signal") {
      onSignal(message.data).catch(fail)
    } else if (message.type === "error") {
      events.onState("failed", message.message)
    }
  }
  socket.onclose = (event) => {
    if (ended) return
    ended = true
    closePeer()
    // 4409: the same person joined from another page; anything else before hanging up failed.
    events.onState(
      "failed",
      event.code === 4409
        ? "您已在其他页面进入诊室，本页已断开"
        : "无法连接诊室（凭证可能已过期），请重新加入"
    )
  }
  events.onState("connecting-signalling")

  return {
    /** The connection, for reading its statistics (getStats). */
    peer: () => pc,
    hangUp() {
      if (ended) return
      ended = true
      closePeer()
      socket.close(1000)
      events.onState("ended")
    },
  }
}

export type VideoCall = ReturnType<typeof startVideoCall>

/** Inbound media so far, from getStats(): shows the call really carries sound and picture. */
export async function inboundBytes(pc: RTCPeerConnection | null) {
  const totals = { video: 0, audio: 0 }
  if (!pc) return totals
  const stats = await pc.getStats()
  stats.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
    if (report.type !== "inbound-rtp") return
    if (report.kind === "video") totals.video += report.bytesReceived ?? 0
    if (report.kind === "audio") totals.audio += report.bytesReceived ?? 0
  })
  return totals
}

/** The Chinese sentence for a getUserMedia refusal. */
export function mediaErrorMessage(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "无法使用摄像头或麦克风：请在浏览器地址栏的权限设置中允许本网站使用摄像头和麦克风，然后重新加入"
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "没有找到可用的摄像头或麦克风，请连接设备后重新加入"
  }
  if (name === "NotReadableError") {
    return "摄像头或麦克风正被其他程序占用，请关闭其他程序后重新加入"
  }
  return "无法打开摄像头或麦克风，请检查设备后重新加入"
}
