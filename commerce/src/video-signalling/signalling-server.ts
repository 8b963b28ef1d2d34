import { randomUUID } from "crypto"
import { createServer, type IncomingMessage, type Server } from "http"
import type { AddressInfo } from "net"
import type { Duplex } from "stream"
import Redis from "ioredis"
import { WebSocket, WebSocketServer } from "ws"
import {
  verifyRoomToken,
  type RoomClaims,
  type RoomRole,
} from "../modules/video-call/rules/room-token"
import { reportSession } from "./report-session"

export type SignallingOptions = {
  port: number
  host?: string
  redisUrl: string
  /** Keeps several stacks on one Redis apart (QUEUE_PREFIX). */
  prefix?: string
  secret: string
  /** Commerce's POST /hooks/video-call, where call start and end are recorded. */
  reportUrl: string
  log?: (line: string) => void
}

/** What travels between instances on a room's Redis channel. */
type RoomEnvelope =
  | { kind: "deliver"; from: string; to_role: RoomRole | "all"; message: unknown }
  | { kind: "evict"; connection: string }

type Peer = { id: string; socket: WebSocket; claims: RoomClaims }

const OTHER: Record<RoomRole, RoomRole> = { member: "doctor", doctor: "member" }
/** A room's presence outlives a crashed instance by at most this long. */
const PRESENCE_TTL_SECONDS = 12 * 60 * 60
/** The biggest message relayed: an SDP with many candidates fits easily. */
const MAX_MESSAGE_BYTES = 64 * 1024
/** At most this many messages per connection in any 10 s (renegotiation included). */
const MAX_MESSAGES_PER_WINDOW = 200
const MESSAGE_WINDOW_MS = 10_000

// Deletes the role's entry only if it is still this connection (a newer join replaced it):
// 0 not removed, 1 removed, 2 removed while the other party was still in (the call ends now;
// atomic, so of two leaving at once exactly one ends it).
const LEAVE_SCRIPT = `if redis.call('hget', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
  redis.call('hdel', KEYS[1], ARGV[1])
  if redis.call('hexists', KEYS[1], ARGV[3]) == 1 then return 2 end return 1`

/**
 * 视频问诊 signalling over WebSocket: `GET /ws/video?token=…` with a room token from commerce
 * admits the consultation's member and doctor only. It relays offer, answer and ICE candidates
 * between them and tells each when the other joins or leaves; media never passes through here.
 * Rooms live in Redis (presence hash + pub/sub channel), so the two parties may be served by
 * different instances. When both are in, the call has started; when either leaves, it ended.
 */
export async function startSignallingServer(options: SignallingOptions) {
  const prefix = options.prefix ? `${options.prefix}:` : ""
  const log = options.log ?? (() => {})
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 })
  const subscriber = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 })
  const channelPattern = `${prefix}video:room:*`
  const channelOf = (room: string) => `${prefix}video:room:${room}`
  const presenceOf = (room: string) => `${prefix}video:presence:${room}`
  const local = new Map<string, Set<Peer>>()

  const publish = (room: string, envelope: RoomEnvelope) =>
    redis.publish(channelOf(room), JSON.stringify(envelope))

  // Reports still on their way, so close() lets them land.
  const reporting = new Set<Promise<void>>()
  const report = (room: string, event: "started" | "ended") => {
    const sent = reportSession(options.reportUrl, options.secret, {
      consultation_id: room,
      event,
      at: new Date().toISOString(),
    })
      .catch((error) => log(`video report ${event} ${room} failed: ${error}`))
      .finally(() => reporting.delete(sent))
    reporting.add(sent)
    return sent
  }

  await subscriber.psubscribe(channelPattern)
  subscriber.on("pmessage", (_pattern, channel, raw) => {
    const room = channel.slice(channelOf("").length)
    const peers = local.get(room)
    if (!peers) return
    let envelope: RoomEnvelope
    try {
      envelope = JSON.parse(raw)
    } catch {
      return
    }
    for (const peer of peers) {
      if (envelope.kind === "evict") {
        if (peer.id === envelope.connection) peer.socket.close(4409, "已在其他页面加入通话")
        continue
      }
      if (peer.id === envelope.from) continue
      if (envelope.to_role !== "all" && envelope.to_role !== peer.claims.role) continue
      if (peer.socket.readyState === WebSocket.OPEN)
        peer.socket.send(JSON.stringify(envelope.message))
    }
  })

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const http: Server = createServer((req, res) => {
    const ok = req.url === "/health"
    res.writeHead(ok ? 200 : 404, { "content-type": "application/json; charset=utf-8" })
    res.end(JSON.stringify(ok ? { status: "ok" } : { message: "未找到" }))
  })

  const refuse = (socket: Duplex, status: number, message: string) => {
    const body = JSON.stringify({ message })
    socket.end(
      `HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : "Not Found"}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`
    )
  }

  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://signalling")
    // Served at /ws/video behind the proxy; the bare path too when reached directly.
    if (url.pathname !== "/ws/video" && url.pathname !== "/") {
      return refuse(socket, 404, "未找到")
    }
    const check = verifyRoomToken(options.secret, url.searchParams.get("token"))
    if (!check.ok) return refuse(socket, 401, check.reason)
    sockets.handleUpgrade(req, socket, head, (ws) =>
      join(ws, check.claims).catch((error) => {
        log(`video join failed: ${error}`)
        ws.close(1011, "诊室暂时不可用，请稍后重新加入")
      })
    )
  })

  async function join(socket: WebSocket, claims: RoomClaims) {
    const peer: Peer = { id: randomUUID(), socket, claims }
    const room = claims.room
    const presence = presenceOf(room)
    if (!local.has(room)) local.set(room, new Set())
    local.get(room)!.add(peer)

    // Offer, answer and candidates are a few dozen messages; a flood is not a call.
    let windowStart = Date.now()
    let inWindow = 0
    socket.on("message", (data, isBinary) => {
      if (Date.now() - windowStart > MESSAGE_WINDOW_MS) {
        windowStart = Date.now()
        inWindow = 0
      }
      if (++inWindow > MAX_MESSAGES_PER_WINDOW) return socket.close(1008, "消息过于频繁")
      if (isBinary) return
      let message: { type?: string; data?: unknown }
      try {
        message = JSON.parse(data.toString())
      } catch {
        return socket.send(JSON.stringify({ type: "error", message: "消息格式不正确" }))
      }
      if (message?.type !== "signal" || typeof message.data !== "object" || !message.data) {
        return socket.send(JSON.stringify({ type: "error", message: "不支持的消息类型" }))
      }
      // Offer, answer and candidates go to the other party only.
      void publish(room, {
        kind: "deliver",
        from: peer.id,
        to_role: OTHER[claims.role],
        message: { type: "signal", from: claims.role, data: message.data },
      }).catch((error) => log(`video relay failed: ${error}`))
    })

    let left = false
    const leave = async () => {
      if (left) return
      left = true
      local.get(room)?.delete(peer)
      if (!local.get(room)?.size) local.delete(room)
      const removed = await redis.eval(
        LEAVE_SCRIPT,
        1,
        presence,
        claims.role,
        peer.id,
        OTHER[claims.role]
      )
      if (removed === 0) return
      await publish(room, {
        kind: "deliver",
        from: peer.id,
        to_role: "all",
        message: { type: "peer-left", role: claims.role },
      })
      if (removed === 2) await report(room, "ended")
      log(`video ${room}: ${claims.role} left`)
    }
    socket.on("close", () => void leave().catch((e) => log(`video leave failed: ${e}`)))
    socket.on("error", () => socket.terminate())

    // Joining again (a reload, a second tab) replaces the earlier connection of that role.
    const earlier = await redis.hget(presence, claims.role)
    await redis
      .multi()
      .hset(presence, claims.role, peer.id)
      .expire(presence, PRESENCE_TTL_SECONDS)
      .exec()
    if (earlier && earlier !== peer.id) await publish(room, { kind: "evict", connection: earlier })
    const present = await redis.hgetall(presence)
    const roles = Object.keys(present) as RoomRole[]
    if (socket.readyState !== WebSocket.OPEN) return
    socket.send(
      JSON.stringify({
        type: "joined",
        role: claims.role,
        peers: roles.filter((r) => r !== claims.role),
      })
    )
    await publish(room, {
      kind: "deliver",
      from: peer.id,
      to_role: OTHER[claims.role],
      message: { type: "peer-joined", role: claims.role },
    })
    if (roles.includes(OTHER[claims.role])) await report(room, "started")
    log(`video ${room}: ${claims.role} joined`)
  }

  await new Promise<void>((resolve) =>
    http.listen(options.port, options.host ?? "0.0.0.0", resolve)
  )
  const port = (http.address() as AddressInfo).port

  return {
    port,
    async close() {
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
      await new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      })
      // Let the sockets' leave() and its report finish before the Redis connections go.
      await new Promise((resolve) => setTimeout(resolve, 50))
      await Promise.all([...reporting])
      subscriber.disconnect()
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
