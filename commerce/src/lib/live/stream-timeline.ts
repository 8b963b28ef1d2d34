import type { MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import type { BookingChangeChannel } from "../escort-live/booking-change-channel"

/** Proxies close idle connections (nginx: proxy_read_timeout 300s); a comment keeps it open. */
export const HEARTBEAT_MS = 15_000

type TimelineEvent = { id: string }

type Options = {
  changes: BookingChangeChannel
  bookingId: string
  lastEventId: string | null
  readEvents: () => Promise<TimelineEvent[]>
  /**
   * The booking's messages (escort-messaging). Those there when the stream opens are not
   * sent (the page reads them); each later one goes as event `message`, without an SSE id
   * so Last-Event-ID keeps resuming the timeline.
   */
  messages?: {
    latestId: () => Promise<string | null>
    after: (id: string | null) => Promise<TimelineEvent[]>
  }
  logger: Logger
}

/**
 * Writes the timeline as SSE. Every poke (and every heartbeat, in case a poke was lost)
 * re-reads the timeline and sends the events not sent yet, in the timeline's order; reads
 * run one at a time, so an event is never sent twice.
 */
export async function streamTimeline(res: MedusaResponse, options: Options) {
  const sent = new Set<string>()
  const initial = await options.readEvents()
  const resumeAt = options.lastEventId
    ? initial.findIndex((event) => event.id === options.lastEventId)
    : -1
  // An unknown Last-Event-ID (an event undone since) resends the whole timeline.
  for (const event of initial.slice(0, resumeAt + 1)) sent.add(event.id)
  let lastMessageId = (await options.messages?.latestId()) ?? null

  res.status(200)
  res.set({
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  })
  res.flushHeaders()
  res.write("retry: 3000\n\n")

  let closed = false
  const send = (events: TimelineEvent[]) => {
    if (closed) return
    for (const event of events) {
      if (sent.has(event.id)) continue
      sent.add(event.id)
      res.write(`id: ${event.id}\nevent: timeline\ndata: ${JSON.stringify(event)}\n\n`)
    }
  }
  const sendMessages = (messages: TimelineEvent[]) => {
    if (closed) return
    for (const message of messages) {
      lastMessageId = message.id
      res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`)
    }
  }
  let reading: Promise<void> = Promise.resolve()
  const refresh = () => {
    reading = reading
      .then(async () => {
        if (!closed) send(await options.readEvents())
        if (!closed && options.messages) sendMessages(await options.messages.after(lastMessageId))
      })
      .catch((e) => options.logger.warn(`live timeline read failed: ${(e as Error).message}`))
  }

  send(initial)
  const heartbeat = setInterval(() => {
    res.write(": heartbeat\n\n")
    refresh()
  }, HEARTBEAT_MS)
  let unsubscribe: (() => Promise<void>) | undefined
  res.on("close", () => {
    closed = true
    clearInterval(heartbeat)
    void unsubscribe?.()
  })
  try {
    unsubscribe = await options.changes.subscribe(options.bookingId, refresh)
  } catch (e) {
    // The stream still works, at heartbeat pace, until the client reconnects.
    options.logger.warn(`live timeline subscribe failed: ${(e as Error).message}`)
    return
  }
  if (closed) return void unsubscribe()
  // A change written between the first read and the subscription is caught here.
  refresh()
}
