import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shanghaiToday } from "../../../modules/appointment/rules/appointment-calendar"
import { cmsReader } from "../../../lib/cms/cms-reader"
import { appointmentRequest } from "../../appointment-request"

/** How far back the roster lists past sessions (for sign-in sheets and follow-ups). */
const PAST_DAYS = 30

/**
 * GET /admin/clinic-sessions: the 线下义诊 sessions of the last 30 days and to come, each
 * with its capacity and how many signed up and wait. Sessions come from the CMS; ones
 * only the sign-ups know (CMS unreachable, or unpublished since) are listed as well.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments } = appointmentRequest(req)
  const from = new Date(`${shanghaiToday()}T00:00:00+08:00`)
  from.setUTCDate(from.getUTCDate() - PAST_DAYS)
  const [published, signedUp] = await Promise.all([
    cmsReader.clinicSessionsFrom(from.toISOString()).catch(() => null),
    appointments.signedUpSessions(from),
  ])
  const counts = new Map(signedUp.map((session) => [session.id, session]))
  const sessions = new Map<string, Record<string, unknown>>()
  for (const session of published ?? []) {
    const known = counts.get(session.documentId)
    sessions.set(session.documentId, {
      id: session.documentId,
      title: session.title,
      starts_at: session.starts_at,
      place: session.place ?? null,
      capacity: session.capacity ?? null,
      confirmed_count: known?.confirmed_count ?? 0,
      waitlist_count: known?.waitlist_count ?? 0,
    })
  }
  for (const session of signedUp) {
    if (!sessions.has(session.id)) sessions.set(session.id, { ...session, capacity: null })
  }
  res.json({
    cms_available: published !== null,
    sessions: [...sessions.values()].sort((a, b) =>
      String(a.starts_at).localeCompare(String(b.starts_at))
    ),
  })
}
