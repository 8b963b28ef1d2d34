import { ApiError } from "../http"
import { applyEscortTimelineEvent, isEscortBookingFinal } from "./timeline"
import type { EscortBookingDetail, EscortTimelineEvent } from "./types"

/** The part of the browser's EventSource the subscription uses. */
export type EventSourceLike = {
  readonly readyState: number
  addEventListener(type: string, listener: (event: { data: string }) => void): void
  onerror: ((event: unknown) => void) | null
  close(): void
}

export type EscortSubscriptionOptions = {
  /** Reads the booking with its timeline (`GET /store/escort-bookings/:id`). */
  load: () => Promise<EscortBookingDetail>
  /** Called with the booking first, then on every change. */
  onChange: (booking: EscortBookingDetail) => void
  /** A read failed (the subscription keeps trying), in Chinese. */
  onError?: (message: string) => void
  /**
   * The stream's URL and how to open it, where the platform can (a browser's EventSource that
   * sends the member's cookie). Without them (a mini-program) it polls `load`.
   */
  stream?: { url: string; open: (url: string) => EventSourceLike }
  /** Polling interval, also after the stream gave up. */
  pollMs?: number
}

const CLOSED = 2
const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : "网络不稳定，正在重新获取服务进度…"
const sameTimeline = (a: EscortBookingDetail, b: EscortBookingDetail) =>
  a.status === b.status &&
  a.events.length === b.events.length &&
  a.events.every((event, i) => event.id === b.events[i].id)

/**
 * Follows a booking's timeline live: by Server-Sent Events where the platform has them
 * (EventSource reconnects by itself and resumes after the last event it saw), otherwise, or
 * once the stream is closed for good, by polling the booking every few seconds. Stops by
 * itself when the booking can no longer change. Returns the function that stops it.
 */
export function subscribeEscortBooking(options: EscortSubscriptionOptions): () => void {
  const pollMs = options.pollMs ?? 4000
  let current: EscortBookingDetail | null = null
  let stopped = false
  let source: EventSourceLike | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const show = (next: EscortBookingDetail) => {
    if (stopped || (current && sameTimeline(current, next))) return
    current = next
    options.onChange(next)
    if (isEscortBookingFinal(next.status)) stop()
  }

  const poll = () => {
    if (stopped) return
    timer = setTimeout(async () => {
      try {
        show(await options.load())
      } catch (error) {
        if (!stopped) options.onError?.(messageOf(error))
      }
      poll()
    }, pollMs)
  }

  const listen = (stream: NonNullable<EscortSubscriptionOptions["stream"]>) => {
    source = stream.open(stream.url)
    source.addEventListener("timeline", (message) => {
      if (!current) return
      try {
        show(applyEscortTimelineEvent(current, JSON.parse(message.data) as EscortTimelineEvent))
      } catch {
        // A malformed frame is skipped; the next read brings the whole timeline.
      }
    })
    source.onerror = () => {
      // CONNECTING: EventSource retries by itself. CLOSED (a 4xx, or no SSE): poll instead.
      if (source?.readyState === CLOSED && !stopped) {
        source.close()
        source = null
        poll()
      }
    }
  }

  const stop = () => {
    stopped = true
    source?.close()
    if (timer) clearTimeout(timer)
  }

  void (async () => {
    try {
      show(await options.load())
    } catch (error) {
      options.onError?.(messageOf(error))
    }
    if (stopped) return
    if (options.stream) listen(options.stream)
    else poll()
  })()

  return stop
}
