import { randomBytes } from "node:crypto"
import http, { type IncomingMessage } from "node:http"

/**
 * Next gives route handlers, server actions and pages no socket address. Its server only
 * fills `X-Forwarded-For` from the socket when the request has none (`??=` in
 * base-server's handleRequest, Next 16.4), so a client that connects directly can put any
 * address there. The TCP peer is therefore stamped onto the request here, in the same
 * process, before Next sees it, with a per-process token so that a stamp a client sends
 * itself (or one on a request that arrived before this was installed) is never believed.
 */
export const SOCKET_PEER_HEADER = "x-web-socket-peer"

const STATE = Symbol.for("health.web.socket-peer")
type Stamping = { token: string }
type WithStamping = typeof globalThis & { [STATE]?: Stamping }

/** Stamps every request any Node HTTP server of this process emits (Next's included). */
export function installSocketPeerHeader(): void {
  const global = globalThis as WithStamping
  if (global[STATE]) return
  const token = randomBytes(24).toString("hex")
  const prototype = http.Server.prototype
  const emit = prototype.emit
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage
      // Replaces whatever the client sent under this name.
      request.headers[SOCKET_PEER_HEADER] = `${token} ${request.socket?.remoteAddress ?? ""}`
    }
    return Reflect.apply(emit, this, [event, ...args])
  } as typeof prototype.emit
  global[STATE] = { token }
}

/** The TCP peer of the request these headers came with, or null when it is not known. */
export function socketPeer(headers: { get(name: string): string | null }): string | null {
  const stamping = (globalThis as WithStamping)[STATE]
  const [token, address] = (headers.get(SOCKET_PEER_HEADER) ?? "").split(" ")
  if (!stamping || token !== stamping.token || !address) return null
  return address
}
