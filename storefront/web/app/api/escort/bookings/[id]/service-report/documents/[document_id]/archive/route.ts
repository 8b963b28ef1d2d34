import { archiveEscortReportDocument } from "@health/core"
import {
  escortCommerceOptions,
  noStoreJson,
  relayEscortConversation,
} from "@/lib/escort-conversation-relay"

export const dynamic = "force-dynamic"

/** 保存到健康档案: one report document into the member's archive (again: the same item). */
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ id: string; document_id: string }> }
) {
  const { id, document_id } = await params
  return relayEscortConversation("escort report document archive", async (token) =>
    noStoreJson({
      archived: await archiveEscortReportDocument(escortCommerceOptions(), token, id, document_id),
    })
  )
}
