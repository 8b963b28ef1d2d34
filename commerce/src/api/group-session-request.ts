import type {
  AuthenticatedMedusaRequest,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { groupSessionChanges } from "../lib/group-session-live/group-session-change-channel"
import { streamTimeline } from "../lib/live/stream-timeline"
import { CONSULTATION_MODULE } from "../modules/consultation"
import type ConsultationModuleService from "../modules/consultation/service"
import { GROUP_SESSION_MODULE } from "../modules/group-session"
import type GroupSessionModuleService from "../modules/group-session/service"
import type { GroupSessionRow, GroupSessionView } from "../modules/group-session/types"

/** What every group-session route does alike: the module, the presenting, the stream. */

export type SessionExpert = {
  id: string
  name: string
  title: string | null
  hospital: string | null
  photo_url: string | null
}

export const groupSessionsOf = (req: MedusaRequest) =>
  req.scope.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)

/** The signed-in member, if any (the list and a session's page are public). */
export const customerIdOf = (req: MedusaRequest) =>
  (req as AuthenticatedMedusaRequest).auth_context?.actor_id || null

/** Sessions with their expert's public profile and, for a member, whether they joined. */
export async function presentGroupSessions(
  req: MedusaRequest,
  rows: GroupSessionRow[],
  customerId: string | null = null
): Promise<(GroupSessionView & { expert: SessionExpert | null; joined: boolean })[]> {
  const sessions = groupSessionsOf(req)
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const ids = rows.map((row) => row.id)
  const [counts, joined] = await Promise.all([
    sessions.joinedCounts(ids),
    customerId ? sessions.joinedSessionIds(customerId, ids) : Promise.resolve(new Set<string>()),
  ])
  const experts = new Map<string, SessionExpert | null>()
  for (const doctorId of new Set(rows.map((row) => row.doctor_id))) {
    const doctor = await consultations.doctorRow(doctorId).catch(() => null)
    experts.set(
      doctorId,
      doctor && {
        id: doctor.id,
        name: doctor.name,
        title: doctor.title,
        hospital: doctor.hospital,
        photo_url: doctor.photo_url,
      }
    )
  }
  const now = new Date()
  return rows.map((row) => ({
    ...sessions.presentSession(row, counts.get(row.id) ?? 0, now),
    expert: experts.get(row.doctor_id) ?? null,
    joined: joined.has(row.id),
  }))
}

/** A joined member's session; not joined is 403 (the room is for its members). */
export async function joinedSession(req: AuthenticatedMedusaRequest) {
  const sessions = groupSessionsOf(req)
  const session = await sessions.sessionRow(req.params.id)
  const participant = await sessions.participant(session.id, req.auth_context.actor_id)
  if (!participant) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "请先加入本场咨询")
  }
  return { sessions, session, participant }
}

/**
 * The room live, as Server-Sent Events (event `timeline`, resumable by Last-Event-ID): for
 * members the questions made public and the answers; for moderators every question too.
 */
export async function streamRoom(
  req: MedusaRequest,
  res: MedusaResponse,
  sessionId: string,
  audience: "members" | "moderators"
) {
  const sessions = groupSessionsOf(req)
  const header = req.headers["last-event-id"]
  const query = req.query.last_event_id
  await streamTimeline(res, {
    changes: groupSessionChanges(),
    bookingId: sessionId,
    lastEventId:
      (typeof header === "string" && header) || (typeof query === "string" && query) || null,
    readEvents: () => sessions.roomEvents(sessionId, audience),
    logger: req.scope.resolve(ContainerRegistrationKeys.LOGGER),
  })
}
