import {
  commerceFileRequester,
  commerceRequester,
  type CommerceClientOptions,
} from "../commerce/request"

/** Who wrote a message of a 陪诊 conversation. */
export type EscortMessageSender = "member" | "escort" | "staff"

/** One message (phone numbers already masked by commerce); pictures load through `image_url`. */
export type EscortMessage = {
  id: string
  from: EscortMessageSender
  text: string | null
  /** Commerce's authorised path for the picture (never a public URL); null when there is none. */
  image_url: string | null
  created_at: string
}

/** Which side of the conversation calls: the member (store routes) or the escort (escort routes). */
export type EscortConversationParty = "member" | "escort"

export const MAX_ESCORT_MESSAGE_CHARS = 1000
export const MAX_ESCORT_IMAGE_BYTES = 5 * 1024 * 1024

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/** The conversation's routes for a party: `/store/escort-bookings/:id` or `/escort/tasks/:id`. */
export const escortConversationPath = (party: EscortConversationParty, bookingId: string) =>
  party === "member" ? `/store/escort-bookings/${id(bookingId)}` : `/escort/tasks/${id(bookingId)}`

/** The messages, oldest first; with `after` only those written after that message. */
export async function listEscortMessages(
  client: CommerceClientOptions,
  token: string,
  party: EscortConversationParty,
  bookingId: string,
  after?: string | null
): Promise<EscortMessage[]> {
  const query = after ? `?after=${id(after)}` : ""
  return (
    await commerceRequester(client)<{ messages: EscortMessage[] }>(
      `${escortConversationPath(party, bookingId)}/messages${query}`,
      { token, ...noStore }
    )
  ).messages
}

/** Sends text and/or a picture uploaded before (`uploadEscortMessageImage`). */
export async function sendEscortMessage(
  client: CommerceClientOptions,
  token: string,
  party: EscortConversationParty,
  bookingId: string,
  message: { text?: string; image_upload_id?: string }
): Promise<EscortMessage> {
  return (
    await commerceRequester(client)<{ message: EscortMessage }>(
      `${escortConversationPath(party, bookingId)}/messages`,
      { token, method: "POST", body: JSON.stringify(message), ...noStore }
    )
  ).message
}

/** Uploads one JPG/PNG/WebP picture (≤ 5 MB, multipart `file`) to send or put in a report. */
export async function uploadEscortMessageImage(
  client: CommerceClientOptions,
  token: string,
  party: EscortConversationParty,
  bookingId: string,
  image: Blob,
  filename = "image.jpg"
): Promise<{ id: string }> {
  const form = new FormData()
  form.append("file", image, filename)
  return (
    await commerceRequester(client)<{ upload: { id: string } }>(
      `${escortConversationPath(party, bookingId)}/messages/images`,
      { token, method: "POST", body: form, ...noStore }
    )
  ).upload
}

/** A picture's bytes, as the message's `image_url` names them (the caller streams them on). */
export function openEscortMessageImage(
  client: CommerceClientOptions,
  token: string,
  imageUrl: string
): Promise<Response> {
  if (
    !/^\/(store\/escort-bookings|escort\/tasks)\/[^/]+\/messages\/images\/[^/]+$/.test(imageUrl)
  ) {
    throw new Error("not a 陪诊 picture path")
  }
  return commerceFileRequester(client)(imageUrl, { token, ...noStore })
}

/** The upload id at the end of a picture's `image_url`. */
export const escortImageUploadId = (imageUrl: string) =>
  decodeURIComponent(imageUrl.slice(imageUrl.lastIndexOf("/") + 1))

/** Messages known so far joined with new ones: each once, oldest first. */
export function mergeEscortMessages(
  current: EscortMessage[],
  incoming: EscortMessage[]
): EscortMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]))
  for (const message of incoming) byId.set(message.id, message)
  return [...byId.values()].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)
  )
}

/** How a message's author reads to `viewer`: 我, 陪诊员, 家属 or 平台客服. */
export function escortMessageAuthor(
  message: Pick<EscortMessage, "from">,
  viewer: EscortConversationParty
): string {
  if (message.from === viewer) return "我"
  if (message.from === "staff") return "平台客服"
  return message.from === "escort" ? "陪诊员" : "家属"
}

/** The part of the browser's EventSource the message subscription uses. */
export type MessageEventSourceLike = {
  readonly readyState: number
  addEventListener(type: string, listener: (event: { data: string }) => void): void
  onopen: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  close(): void
}

export type EscortMessagesSubscription = {
  /** Reads the messages after `after` (all of them for null). */
  load: (after: string | null) => Promise<EscortMessage[]>
  /** Called with the whole conversation, first and on every change. */
  onChange: (messages: EscortMessage[]) => void
  onError?: (message: string) => void
  /** The booking's event stream (event `message`) where the platform has EventSource. */
  stream?: { url: string; open: (url: string) => MessageEventSourceLike }
  pollMs?: number
}

const CLOSED = 2

/**
 * Follows a conversation live: by the booking's Server-Sent Events where there are some
 * (re-reading what came after the last message on every (re)connect, so nothing written
 * while disconnected is missed), otherwise by polling `?after=` every few seconds.
 */
export function subscribeEscortMessages(options: EscortMessagesSubscription): () => void {
  const pollMs = options.pollMs ?? 4000
  let messages: EscortMessage[] = []
  let stopped = false
  let source: MessageEventSourceLike | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const add = (incoming: EscortMessage[], always = false) => {
    if (stopped) return
    const known = messages.length
    messages = mergeEscortMessages(messages, incoming)
    if (always || messages.length !== known) options.onChange(messages)
  }
  const catchUp = async (always = false) => {
    try {
      add(await options.load(messages[messages.length - 1]?.id ?? null), always)
    } catch (error) {
      if (!stopped) {
        options.onError?.(
          error instanceof Error && error.message ? error.message : "网络不稳定，正在重新获取消息…"
        )
      }
    }
  }
  const poll = () => {
    if (stopped) return
    timer = setTimeout(async () => {
      await catchUp()
      poll()
    }, pollMs)
  }

  void (async () => {
    await catchUp(true)
    if (stopped) return
    if (!options.stream) return poll()
    source = options.stream.open(options.stream.url)
    source.addEventListener("message", (event) => {
      try {
        add([JSON.parse(event.data) as EscortMessage])
      } catch {
        // A malformed frame is skipped; the next catch-up reads it.
      }
    })
    source.onopen = () => void catchUp()
    source.onerror = () => {
      if (source?.readyState === CLOSED && !stopped) {
        source.close()
        source = null
        poll()
      }
    }
  })()

  return () => {
    stopped = true
    source?.close()
    if (timer) clearTimeout(timer)
  }
}
