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

const STAMPING = Symbol.for("health.web.socket-peer")
/** Kept on the server prototype it patches: one token per process, however many bundles. */
type Patched = typeof http.Server.prototype & { [STAMPING]?: { token: string } }

/** Stamps every request any Node HTTP server of this process emits (Next's included). */
export function installSocketPeerHeader(): void {
  const prototype = http.Server.prototype as Patched
  if (prototype[STAMPING]) return
  const token = randomBytes(24).toString("hex")
  const emit = prototype.emit
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage
      // Replaces whatever the client sent under this name.
      request.headers[SOCKET_PEER_HEADER] = `${token} ${request.socket?.remoteAddress ?? ""}`
    }
    return Reflect.apply(emit, this, [event, ...args])
  } as typeof prototype.emit
  Object.defineProperty(prototype, STAMPING, { value: { token } })
}

/** The TCP peer of the request these headers came with, or null when it is not known. */
export function socketPeer(headers: { get(name: string): string | null }): string | null {
  const stamping = (http.Server.prototype as Patched)[STAMPING]
  const [token, address] = (headers.get(SOCKET_PEER_HEADER) ?? "").split(" ")
  if (!stamping || token !== stamping.token || !address) return null
  return address
}
