import { listEscortMessages, sendEscortMessage } from "@health/core"
import {
  escortCommerceOptions,
  noStoreJson,
  relayEscortConversation,
} from "@/lib/escort-conversation-relay"

export const dynamic = "force-dynamic"

type Params = { params: Promise<{ id: string }> }

/** The member's conversation with the escort (`?after=` for what is new). */
export async function GET(request: Request, { params }: Params) {
  const { id } = await params
  const after = new URL(request.url).searchParams.get("after")
  return relayEscortConversation("escort messages read", async (token) =>
    noStoreJson({
      messages: await listEscortMessages(escortCommerceOptions(), token, "member", id, after),
    })
  )
}

/** Sends `{ text?, image_upload_id? }` to the escort. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params
  const body = (await request.json().catch(() => ({}))) as {
    text?: unknown
    image_upload_id?: unknown
  }
  return relayEscortConversation("escort message send", async (token) =>
    noStoreJson(
      {
        message: await sendEscortMessage(escortCommerceOptions(), token, "member", id, {
          ...(typeof body.text === "string" ? { text: body.text } : {}),
          ...(typeof body.image_upload_id === "string"
            ? { image_upload_id: body.image_upload_id }
            : {}),
        }),
      },
      201
    )
  )
}
