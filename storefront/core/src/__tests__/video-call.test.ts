import { createVideoCallClient } from "../consultation/video-call-client"
import {
  inboundBytes,
  mediaErrorMessage,
  startVideoCall,
  type VideoCallState,
} from "../consultation/video-call-peer"
import type { VideoRoomTicket } from "../consultation/video-call-types"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const ticket = (role: "member" | "doctor"): VideoRoomTicket => ({
  token: "tok.sig",
  expires_at: "2026-12-07T06:05:00.000Z",
  role,
  room: "cons_1",
  signalling_url: "ws://signal/ws/video",
  ice_servers: [{ urls: ["turn:turn:3478"], username: "1:member:cus_1", credential: "c" }],
  mini_program: null,
})

/** A WebSocket stand-in: records what the page sends; `receive` plays the server. */
class FakeSocket {
  readyState = 1
  sent: any[] = []
  url: string
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  constructor(url: string) {
    this.url = url
  }
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close(code = 1000) {
    this.readyState = 3
    this.onclose?.({ code })
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
}

/** An RTCPeerConnection stand-in with just what the call uses. */
class FakePeer {
  config: RTCConfiguration
  tracks: unknown[] = []
  remoteDescription: unknown = null
  candidates: unknown[] = []
  closed = false
  onicecandidate: ((event: { candidate: { toJSON(): unknown } | null }) => void) | null = null
  ontrack: unknown = null
  onconnectionstatechange: (() => void) | null = null
  connectionState = "new"
  constructor(config: RTCConfiguration) {
    this.config = config
  }
  addTrack(track: unknown) {
    this.tracks.push(track)
  }
  async createOffer() {
    return { type: "offer", sdp: "v=0 offer" }
  }
  async createAnswer() {
    return { type: "answer", sdp: "v=0 answer" }
  }
  async setLocalDescription() {}
  async setRemoteDescription(description: unknown) {
    this.remoteDescription = description
  }
  async addIceCandidate(candidate: unknown) {
    this.candidates.push(candidate)
  }
  close() {
    this.closed = true
  }
  async getStats() {
    return new Map([
      ["a", { type: "inbound-rtp", kind: "video", bytesReceived: 1200 }],
      ["b", { type: "inbound-rtp", kind: "audio", bytesReceived: 300 }],
      ["c", { type: "outbound-rtp", kind: "video", bytesSent: 999 }],
    ])
  }
}

function harness(role: "member" | "doctor") {
  const sockets: FakeSocket[] = []
  const peers: FakePeer[] = []
  const states: VideoCallState[] = []
  const details: (string | undefined)[] = []
  const stream = { getTracks: () => ["audio-track", "video-track"] } as unknown as MediaStream
  const call = startVideoCall(
    ticket(role),
    stream,
    {
      openSocket: (url) => {
        const socket = new FakeSocket(url)
        sockets.push(socket)
        return socket as unknown as WebSocket
      },
      createPeerConnection: (config) => {
        const peer = new FakePeer(config)
        peers.push(peer)
        return peer as unknown as RTCPeerConnection
      },
    },
    {
      onState: (state, detail) => {
        states.push(state)
        details.push(detail)
      },
      onRemoteStream: () => {},
    }
  )
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { call, sockets, peers, states, details, flush }
}

describe("video call client", () => {
  it("asks for the member's and the doctor's room tickets and reads the calls", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { video: ticket("member") } },
      { body: { video: ticket("doctor") } },
      { body: { video: { mode: "video", sessions: [], total_seconds: 0 } } },
      { status: 404, body: { message: "没有找到这次问诊" } }
    )
    const client = createVideoCallClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
    expect((await client.memberTicket("tok", "cons 1")).role).toBe("member")
    expect(calls[0].url).toBe("http://shop/store/consultations/cons%201/video/token")
    expect(calls[0].init?.method).toBe("POST")
    expect((await client.doctorTicket("", "cons_1")).role).toBe("doctor")
    expect(calls[1].url).toBe("http://shop/doctor/consultations/cons_1/video/token")
    expect(await client.memberCalls("tok", "cons_1")).toEqual({
      mode: "video",
      sessions: [],
      total_seconds: 0,
    })
    expect(calls[2].url).toBe("http://shop/store/consultations/cons_1/video")
    const refused = await client.doctorCalls("", "cons_x").catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("没有找到这次问诊")
  })
})

describe("startVideoCall", () => {
  it("the member offers when the doctor is there, with the ticket's ICE servers, and takes the answer", async () => {
    const { sockets, peers, states, flush } = harness("member")
    expect(sockets[0].url).toBe("ws://signal/ws/video?token=tok.sig")
    sockets[0].receive({ type: "joined", role: "member", peers: [] })
    expect(states.at(-1)).toBe("waiting-peer")
    expect(peers).toHaveLength(0)

    sockets[0].receive({ type: "peer-joined", role: "doctor" })
    await flush()
    expect(peers).toHaveLength(1)
    expect(peers[0].config.iceServers).toEqual(ticket("member").ice_servers)
    expect(peers[0].tracks).toEqual(["audio-track", "video-track"])
    expect(sockets[0].sent).toEqual([
      { type: "signal", data: { description: { type: "offer", sdp: "v=0 offer" } } },
    ])

    // A candidate before the answer waits; the answer lets it in.
    sockets[0].receive({ type: "signal", from: "doctor", data: { candidate: { candidate: "c1" } } })
    await flush()
    expect(peers[0].candidates).toEqual([])
    sockets[0].receive({
      type: "signal",
      from: "doctor",
      data: { description: { type: "answer", sdp: "v=0 answer" } },
    })
    await flush()
    expect(peers[0].remoteDescription).toEqual({ type: "answer", sdp: "v=0 answer" })
    expect(peers[0].candidates).toEqual([{ candidate: "c1" }])

    peers[0].connectionState = "connected"
    peers[0].onconnectionstatechange?.()
    expect(states.at(-1)).toBe("connected")
    expect(await inboundBytes(peers[0] as unknown as RTCPeerConnection)).toEqual({
      video: 1200,
      audio: 300,
    })

    sockets[0].receive({ type: "peer-left", role: "doctor" })
    expect(peers[0].closed).toBe(true)
    expect(states.at(-1)).toBe("peer-left")
  })

  it("the doctor answers each offer on a fresh connection and never offers", async () => {
    const { sockets, peers, flush } = harness("doctor")
    sockets[0].receive({ type: "joined", role: "doctor", peers: ["member"] })
    await flush()
    expect(peers).toHaveLength(0)
    const offer = {
      type: "signal",
      from: "member",
      data: { description: { type: "offer", sdp: "o" } },
    }
    sockets[0].receive(offer)
    await flush()
    expect(sockets[0].sent).toEqual([
      { type: "signal", data: { description: { type: "answer", sdp: "v=0 answer" } } },
    ])
    // The member reloaded and calls again: the old connection goes, a new one answers.
    sockets[0].receive(offer)
    await flush()
    expect(peers).toHaveLength(2)
    expect(peers[0].closed).toBe(true)
  })

  it("hanging up closes everything and says so; a socket closed by the server is a failure in Chinese", () => {
    const member = harness("member")
    member.call.hangUp()
    expect(member.sockets[0].readyState).toBe(3)
    expect(member.states.at(-1)).toBe("ended")

    const replaced = harness("doctor")
    replaced.sockets[0].onclose?.({ code: 4409 })
    expect(replaced.states.at(-1)).toBe("failed")
    expect(replaced.details.at(-1)).toBe("您已在其他页面进入诊室，本页已断开")
  })

  it("names a refused camera in Chinese", () => {
    expect(mediaErrorMessage({ name: "NotAllowedError" })).toContain("允许本网站使用摄像头和麦克风")
    expect(mediaErrorMessage({ name: "NotFoundError" })).toContain("没有找到可用的摄像头")
    expect(mediaErrorMessage(new Error("x"))).toBe("无法打开摄像头或麦克风，请检查设备后重新加入")
  })
})
