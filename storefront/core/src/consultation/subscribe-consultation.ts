import type { EventSourceLike } from "../escort/subscribe"

const CLOSED = 2

/**
 * Follows a consultation live: every `timeline` or `message` event of its stream (SSE, where
 * the platform has EventSource) asks the page to read it again; without a stream, or once it
 * closed for good (a 4xx), it reads every `pollMs`. Returns the function that stops it.
 */
export function subscribeConsultation(options: {
  reload: () => void
  stream?: { url: string; open: (url: string) => EventSourceLike }
  pollMs?: number
}): () => void {
  let stopped = false
  let timer: ReturnType<typeof setInterval> | undefined
  let source: EventSourceLike | null = null
  const poll = () => {
    if (!timer && !stopped) timer = setInterval(options.reload, options.pollMs ?? 5000)
  }
  if (options.stream) {
    source = options.stream.open(options.stream.url)
    source.addEventListener("timeline", () => options.reload())
    source.addEventListener("message", () => options.reload())
    source.onerror = () => {
      if (source?.readyState === CLOSED) poll()
    }
  } else {
    poll()
  }
  return () => {
    stopped = true
    source?.close()
    if (timer) clearInterval(timer)
  }
}
