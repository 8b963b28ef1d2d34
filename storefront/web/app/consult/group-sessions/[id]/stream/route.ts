import { groupSessions } from "@/lib/backends"
import { relayMemberEventStream } from "@/lib/relay-member-event-stream"

export const dynamic = "force-dynamic"

/** The room's live events, relayed with the member's cookie token. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return relayMemberEventStream(request, (token, options) =>
    groupSessions.stream(token, id, options)
  )
}
