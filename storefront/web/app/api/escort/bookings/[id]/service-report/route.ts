import { getEscortServiceReport } from "@health/core"
import {
  escortCommerceOptions,
  noStoreJson,
  relayEscortConversation,
} from "@/lib/escort-conversation-relay"

export const dynamic = "force-dynamic"

/** The escort's service report of the member's booking (`null` until written). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return relayEscortConversation("escort service report read", async (token) =>
    noStoreJson({
      report: await getEscortServiceReport(escortCommerceOptions(), token, "member", id),
    })
  )
}
