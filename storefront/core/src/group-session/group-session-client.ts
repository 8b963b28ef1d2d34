import { personalRequesters, type CommerceClientOptions } from "../commerce/request"
import type {
  GroupSession,
  GroupSessionConsole,
  GroupSessionRoom,
  ModeratedGroupQuestion,
  ScheduleGroupSessionInput,
} from "./types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 在线咨询 for members: the sessions not over yet (public), joining one, asking in its room
 * (a moderator approves before the room sees it) and the room's live stream address.
 * Refusals carry commerce's Chinese message (ApiError).
 */
export function createGroupSessionClient(options: CommerceClientOptions) {
  const { open, get, post } = personalRequesters(options)

  return {
    async list(token?: string): Promise<GroupSession[]> {
      return (await get<{ group_sessions: GroupSession[] }>("/store/group-sessions", token))
        .group_sessions
    },

    /** The session; once joined, the room's history and the member's own questions too. */
    async room(sessionId: string, token?: string): Promise<GroupSessionRoom> {
      return get<GroupSessionRoom>(`/store/group-sessions/${id(sessionId)}`, token)
    },

    async join(token: string, sessionId: string): Promise<GroupSession> {
      return (
        await post<{ group_session: GroupSession }>(
          `/store/group-sessions/${id(sessionId)}/join`,
          token
        )
      ).group_session
    },

    async ask(token: string, sessionId: string, text: string): Promise<ModeratedGroupQuestion> {
      return (
        await post<{ question: ModeratedGroupQuestion }>(
          `/store/group-sessions/${id(sessionId)}/questions`,
          token,
          { text }
        )
      ).question
    },

    /** The room's SSE path (events `timeline`), for subscribeConsultation's `stream`. */
    streamPath(sessionId: string): string {
      return `/store/group-sessions/${id(sessionId)}/events/stream`
    },

    /** The room live (SSE), body unread, for a server to relay with the member's token. */
    stream(
      token: string,
      sessionId: string,
      { lastEventId, signal }: { lastEventId?: string | null; signal?: AbortSignal } = {}
    ): Promise<Response> {
      return open(`/store/group-sessions/${id(sessionId)}/events/stream`, {
        token,
        signal,
        headers: {
          accept: "text/event-stream",
          ...(lastEventId && { "last-event-id": lastEventId }),
        },
        ...noStore,
      })
    },
  }
}

/**
 * The expert's side, in the doctor workspace: scheduling, the console with every question,
 * approving, rejecting and answering. The web passes "" as the token (its relay adds it).
 */
export function createDoctorGroupSessionClient(options: CommerceClientOptions) {
  const { get, post } = personalRequesters(options)
  const question = (sessionId: string, questionId: string, action: string) =>
    `/doctor/group-sessions/${id(sessionId)}/questions/${id(questionId)}/${action}`

  return {
    async sessions(token: string): Promise<GroupSession[]> {
      return (await get<{ group_sessions: GroupSession[] }>("/doctor/group-sessions", token))
        .group_sessions
    },

    async schedule(token: string, input: ScheduleGroupSessionInput): Promise<GroupSession> {
      return (await post<{ group_session: GroupSession }>("/doctor/group-sessions", token, input))
        .group_session
    },

    async console(token: string, sessionId: string): Promise<GroupSessionConsole> {
      return get<GroupSessionConsole>(`/doctor/group-sessions/${id(sessionId)}`, token)
    },

    async approve(token: string, sessionId: string, questionId: string) {
      return (
        await post<{ question: ModeratedGroupQuestion }>(
          question(sessionId, questionId, "approve"),
          token
        )
      ).question
    },

    async reject(token: string, sessionId: string, questionId: string, reason?: string) {
      return (
        await post<{ question: ModeratedGroupQuestion }>(
          question(sessionId, questionId, "reject"),
          token,
          reason ? { reason } : {}
        )
      ).question
    },

    async answer(token: string, sessionId: string, questionId: string, answer: string) {
      return (
        await post<{ question: ModeratedGroupQuestion }>(
          question(sessionId, questionId, "answer"),
          token,
          { answer }
        )
      ).question
    },

    streamPath(sessionId: string): string {
      return `/doctor/group-sessions/${id(sessionId)}/events/stream`
    },
  }
}
