import { ApiError } from "@health/core"
import { NextResponse } from "next/server"
import { readToken } from "./session"

type OpenStream = (
  token: string,
  options: { lastEventId: string | null; signal: AbortSignal }
) => Promise<Response>

/**
 * Relays one of commerce's member event streams to the browser: EventSource cannot send the
 * member's token, which lives in an httpOnly cookie this server reads. The browser's
 * Last-Event-ID (sent when it reconnects) goes on, so a reconnect resumes where it stopped.
 */
export async function relayMemberEventStream(request: Request, open: OpenStream) {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  try {
    const upstream = await open(token, {
      lastEventId: request.headers.get("last-event-id"),
      signal: request.signal,
    })
    return new Response(upstream.body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    })
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return NextResponse.json({ message: error.message }, { status: error.status })
    }
    // 204 tells EventSource to stop; the page then polls instead.
    return new Response(null, { status: 204 })
  }
}
