"use client"

import {
  inboundBytes,
  mediaErrorMessage,
  startVideoCall,
  VIDEO_CALL_STATE_LABELS,
  type VideoCall,
  type VideoCallState,
  type VideoRoomTicket,
} from "@health/core"
import { useCallback, useEffect, useRef, useState } from "react"

type Props = {
  /** Asks commerce for a fresh room ticket (member: a server action; doctor: the relay). */
  fetchTicket: () => Promise<VideoRoomTicket | { error: string }>
  /** Who is on the other side, as the page calls them: 医生 or 会员. */
  peerLabel: string
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`

// Kept with the component (one feature, one file) rather than in the global stylesheet.
const STAGE = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))",
  gap: "12px",
} as const
const VIDEO = { width: "100%", aspectRatio: "4 / 3", background: "#111", borderRadius: 8 } as const

/**
 * The 视频问诊 room in the browser: asks for camera and microphone, joins the consultation's
 * room through our signalling service, shows both pictures, mute / camera / hang-up, the
 * connection state in Chinese, and how much sound and picture has arrived (from getStats).
 */
export function VideoCallRoom({ fetchTicket, peerLabel }: Props) {
  const localVideo = useRef<HTMLVideoElement>(null)
  const remoteVideo = useRef<HTMLVideoElement>(null)
  const localStream = useRef<MediaStream | null>(null)
  const call = useRef<VideoCall | null>(null)
  const [state, setState] = useState<VideoCallState | "idle" | "starting-media">("idle")
  const [error, setError] = useState<string | null>(null)
  const [muted, setMuted] = useState(false)
  const [cameraOff, setCameraOff] = useState(false)
  const [received, setReceived] = useState({ video: 0, audio: 0 })

  const stopMedia = () => {
    for (const track of localStream.current?.getTracks() ?? []) track.stop()
    localStream.current = null
  }

  const join = useCallback(async () => {
    setError(null)
    setReceived({ video: 0, audio: 0 })
    if (!navigator.mediaDevices?.getUserMedia) {
      setError("当前浏览器不支持视频通话，请使用最新版 Chrome、Edge 或 Safari（需 HTTPS 访问）")
      return
    }
    setState("starting-media")
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true })
    } catch (e) {
      setState("idle")
      setError(mediaErrorMessage(e))
      return
    }
    localStream.current = stream
    if (localVideo.current) localVideo.current.srcObject = stream
    setMuted(false)
    setCameraOff(false)

    let ticket: VideoRoomTicket | { error: string }
    try {
      ticket = await fetchTicket()
    } catch {
      ticket = { error: "无法进入诊室，请稍后重试" }
    }
    if ("error" in ticket) {
      stopMedia()
      setState("idle")
      setError(ticket.error)
      return
    }
    call.current = startVideoCall(
      ticket,
      stream,
      {
        openSocket: (url) => new WebSocket(url),
        createPeerConnection: (config) => new RTCPeerConnection(config),
      },
      {
        onState: (next, detail) => {
          setState(next)
          if (next === "failed") {
            setError(detail ?? VIDEO_CALL_STATE_LABELS.failed)
            stopMedia()
          }
        },
        onRemoteStream: (remote) => {
          if (remoteVideo.current) remoteVideo.current.srcObject = remote
        },
      }
    )
  }, [fetchTicket])

  const hangUp = () => {
    call.current?.hangUp()
    call.current = null
    stopMedia()
  }

  // Leaving the page hangs up and lets go of the camera.
  useEffect(() => {
    const current = call
    const media = localStream
    return () => {
      current.current?.hangUp()
      for (const track of media.current?.getTracks() ?? []) track.stop()
    }
  }, [])

  // The bytes received so far, each second: the page's proof that picture and sound arrive.
  useEffect(() => {
    if (state !== "connected") return
    const timer = setInterval(() => {
      void inboundBytes(call.current?.peer() ?? null).then(setReceived)
    }, 1000)
    return () => clearInterval(timer)
  }, [state])

  const toggle = (kind: "audio" | "video") => {
    const tracks =
      kind === "audio"
        ? localStream.current?.getAudioTracks()
        : localStream.current?.getVideoTracks()
    const enable = kind === "audio" ? muted : cameraOff
    for (const track of tracks ?? []) track.enabled = enable
    if (kind === "audio") setMuted(!enable)
    else setCameraOff(!enable)
  }

  const inCall =
    state !== "idle" && state !== "starting-media" && state !== "ended" && state !== "failed"
  const label =
    state === "idle"
      ? "尚未进入诊室"
      : state === "starting-media"
        ? "正在打开摄像头和麦克风…"
        : VIDEO_CALL_STATE_LABELS[state]

  return (
    <div className="video-call" data-testid="video-call">
      <p className="hint" role="status" data-testid="video-call-state" data-state={state}>
        {label}
      </p>
      {error && (
        <p className="error form-error" role="alert" data-testid="video-call-error">
          {error}
        </p>
      )}
      <div style={STAGE}>
        <figure style={{ margin: 0 }}>
          <video ref={remoteVideo} autoPlay playsInline style={VIDEO} data-testid="remote-video" />
          <figcaption>{peerLabel}</figcaption>
        </figure>
        <figure style={{ margin: 0 }}>
          <video
            ref={localVideo}
            autoPlay
            playsInline
            muted
            style={VIDEO}
            data-testid="local-video"
          />
          <figcaption>我{cameraOff ? "（摄像头已关闭）" : ""}</figcaption>
        </figure>
      </div>
      {state === "connected" && (
        <p
          className="hint"
          data-testid="video-call-received"
          data-video-bytes={received.video}
          data-audio-bytes={received.audio}
        >
          已收到画面 {kb(received.video)} · 声音 {kb(received.audio)}
        </p>
      )}
      <div className="actions">
        {inCall ? (
          <>
            <button type="button" className="button" onClick={() => toggle("audio")}>
              {muted ? "取消静音" : "静音"}
            </button>
            <button type="button" className="button" onClick={() => toggle("video")}>
              {cameraOff ? "打开摄像头" : "关闭摄像头"}
            </button>
            <button type="button" className="button danger" onClick={hangUp}>
              挂断
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={state === "starting-media"}
            onClick={() => void join()}
          >
            {state === "idle" ? "进入视频诊室" : "重新加入"}
          </button>
        )}
      </div>
      <p className="hint">
        视频仅在您与{peerLabel}
        之间直接传输，平台不录制画面和声音；平台记录通话开始、结束时间与时长。
      </p>
    </div>
  )
}
