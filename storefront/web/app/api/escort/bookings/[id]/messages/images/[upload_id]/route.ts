import { openEscortMessageImage } from "@health/core"
import { escortCommerceOptions, relayEscortConversation } from "@/lib/escort-conversation-relay"

export const dynamic = "force-dynamic"

/** A picture of the member's booking, decrypted by commerce for its owner; never cached. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; upload_id: string }> }
) {
  const { id, upload_id } = await params
  const path = `/store/escort-bookings/${encodeURIComponent(id)}/messages/images/${encodeURIComponent(upload_id)}`
  return relayEscortConversation("escort message image read", async (token) => {
    const upstream = await openEscortMessageImage(escortCommerceOptions(), token, path)
    return new Response(upstream.body, {
      headers: {
        "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    })
  })
}
