import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import { escortConversationPath, type EscortConversationParty } from "./escort-messages-client"

/** What the escort writes once a service is done (issue #20 item 4). */
export type EscortServiceReport = {
  id: string
  booking_id: string
  steps: { step: string; note: string }[]
  /** The doctor's advice as the escort was told it. */
  doctor_advice: string
  /** Photographed documents; `archived_upload_id` once saved into the member's health archive. */
  documents: { id: string; image_url: string; archived_upload_id: string | null }[]
  created_at: string
}

export type NewEscortServiceReport = {
  steps: { step: string; note: string }[]
  doctor_advice: string
  /** Pictures uploaded with `uploadEscortMessageImage` first. */
  document_upload_ids: string[]
}

const noStore = { cacheHint: "no-store" as const }

/** The report, or null while the escort has not written it yet. */
export async function getEscortServiceReport(
  client: CommerceClientOptions,
  token: string,
  party: EscortConversationParty,
  bookingId: string
): Promise<EscortServiceReport | null> {
  return (
    await commerceRequester(client)<{ report: EscortServiceReport | null }>(
      `${escortConversationPath(party, bookingId)}/service-report`,
      { token, ...noStore }
    )
  ).report
}

/** The escort writes the report, once, after 服务完成 (a second one is a 409 ApiError). */
export async function writeEscortServiceReport(
  client: CommerceClientOptions,
  token: string,
  bookingId: string,
  report: NewEscortServiceReport
): Promise<EscortServiceReport> {
  return (
    await commerceRequester(client)<{ report: EscortServiceReport }>(
      `${escortConversationPath("escort", bookingId)}/service-report`,
      { token, method: "POST", body: JSON.stringify(report), ...noStore }
    )
  ).report
}

/** Saves one report document into the member's health archive; saving again changes nothing. */
export async function archiveEscortReportDocument(
  client: CommerceClientOptions,
  token: string,
  bookingId: string,
  documentId: string
): Promise<{ document_id: string; upload_id: string }> {
  return (
    await commerceRequester(client)<{ archived: { document_id: string; upload_id: string } }>(
      `${escortConversationPath("member", bookingId)}/service-report/documents/${encodeURIComponent(documentId)}/archive`,
      { token, method: "POST", body: "{}", ...noStore }
    )
  ).archived
}
