import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { GroupSession } from "./models/group-session"
import { GroupSessionParticipant } from "./models/group-session-participant"
import { GroupSessionQuestion } from "./models/group-session-question"
import { QUESTION_STATUS_LABELS, seatLabel, type QuestionStatus } from "./rules/question-status"
import {
  MAX_PENDING_PER_MEMBER,
  questionsClosedReason,
  scheduleProblem,
  sessionPhase,
  SESSION_PHASE_LABELS,
  type ScheduleInput,
} from "./rules/session-schedule"
import type {
  GroupSessionRow,
  GroupSessionView,
  ModeratedQuestionView,
  ParticipantRow,
  QuestionDecision,
  QuestionRow,
  QuestionView,
  RoomEvent,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

const SESSION_COLUMNS = `id, doctor_id, title, topic, starts_at, ends_at, capacity, created_at`
const PARTICIPANT_COLUMNS = `id, session_id, customer_id, seat, created_at`
const QUESTION_COLUMNS = `id, session_id, customer_id, seat, text, status, decided_by_type,
  decided_by, decided_at, reject_reason, answer, answered_at, created_at`

const SESSION_NOT_FOUND = "没有找到这场在线咨询"
const QUESTION_NOT_FOUND = "没有找到这个问题"

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/**
 * 在线咨询 (group sessions): an expert's scheduled sessions, the members who joined each,
 * and the questions of its room with their moderation and answers. Capacity, the room's
 * hours and the pending limit are checked under a lock on the session row, so parallel
 * joins or questions cannot pass them together.
 */
class GroupSessionModuleService extends MedusaService({
  GroupSession,
  GroupSessionParticipant,
  GroupSessionQuestion,
}) {
  // ---- sessions -------------------------------------------------------------------------

  @InjectTransactionManager()
  async scheduleSession(
    input: ScheduleInput & { doctor_id: string },
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<GroupSessionRow> {
    // Workflow inputs arrive serialised: the instants may be ISO strings here.
    input = { ...input, starts_at: new Date(input.starts_at), ends_at: new Date(input.ends_at) }
    const problem = scheduleProblem(input, now)
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    const [row] = await this.sql(context).execute<GroupSessionRow>(
      `insert into group_session (id, doctor_id, title, topic, starts_at, ends_at, capacity)
       values (?, ?, ?, ?, ?, ?, ?) returning ${SESSION_COLUMNS}`,
      [
        generateEntityId("", "gsess"),
        input.doctor_id,
        input.title.trim(),
        input.topic.trim(),
        input.starts_at,
        input.ends_at,
        input.capacity,
      ]
    )
    return row
  }

  /** Undoes a scheduling whose workflow failed after it (nobody could have joined yet). */
  @InjectTransactionManager()
  async removeSession(id: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update group_session set deleted_at = now() where id = ? and deleted_at is null`,
      [id]
    )
  }

  @InjectManager()
  async sessionRow(id: string, @MedusaContext() context: Context = {}): Promise<GroupSessionRow> {
    const [row] = await this.sql(context).execute<GroupSessionRow>(
      `select ${SESSION_COLUMNS} from group_session where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound(SESSION_NOT_FOUND)
    return row
  }

  /** The doctor's own session; another expert's is 404, as if it did not exist. */
  @InjectManager()
  async doctorSession(
    id: string,
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<GroupSessionRow> {
    const row = await this.sessionRow(id, context)
    if (row.doctor_id !== doctorId) throw notFound(SESSION_NOT_FOUND)
    return row
  }

  /** Sessions not over yet, soonest first: what members can still join. */
  @InjectManager()
  async upcomingSessions(
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<GroupSessionRow[]> {
    return this.sql(context).execute<GroupSessionRow>(
      `select ${SESSION_COLUMNS} from group_session where deleted_at is null and ends_at > ?
       order by starts_at, id limit 100`,
      [now]
    )
  }

  /** Every session of a doctor, latest first; `staff` (no doctor) lists everyone's. */
  @InjectManager()
  async recentSessions(
    doctorId: string | null,
    @MedusaContext() context: Context = {}
  ): Promise<GroupSessionRow[]> {
    return this.sql(context).execute<GroupSessionRow>(
      `select ${SESSION_COLUMNS} from group_session where deleted_at is null
       ${doctorId ? "and doctor_id = ?" : ""}
       order by starts_at desc, id limit 200`,
      doctorId ? [doctorId] : []
    )
  }

  @InjectManager()
  async joinedCounts(
    sessionIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, number>> {
    if (!sessionIds.length) return new Map()
    const rows = await this.sql(context).execute<{ session_id: string; count: string }>(
      `select session_id, count(*) as count from group_session_participant
       where deleted_at is null and session_id in (${sessionIds.map(() => "?").join(", ")})
       group by session_id`,
      sessionIds
    )
    return new Map(rows.map((r) => [r.session_id, Number(r.count)]))
  }

  presentSession(row: GroupSessionRow, joinedCount: number, now: Date): GroupSessionView {
    const phase = sessionPhase(row, now)
    return {
      id: row.id,
      doctor_id: row.doctor_id,
      title: row.title,
      topic: row.topic,
      starts_at: iso(row.starts_at)!,
      ends_at: iso(row.ends_at)!,
      capacity: row.capacity,
      joined_count: joinedCount,
      phase,
      phase_label: SESSION_PHASE_LABELS[phase],
      questions_open: questionsClosedReason(row, now) === null,
    }
  }

  // ---- members ----------------------------------------------------------------------------

  @InjectManager()
  async participant(
    sessionId: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ParticipantRow | null> {
    const [row] = await this.sql(context).execute<ParticipantRow>(
      `select ${PARTICIPANT_COLUMNS} from group_session_participant
       where session_id = ? and customer_id = ? and deleted_at is null`,
      [sessionId, customerId]
    )
    return row ?? null
  }

  /** Which of these sessions the member joined. */
  @InjectManager()
  async joinedSessionIds(
    customerId: string,
    sessionIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Set<string>> {
    if (!sessionIds.length) return new Set()
    const rows = await this.sql(context).execute<{ session_id: string }>(
      `select session_id from group_session_participant where deleted_at is null
       and customer_id = ? and session_id in (${sessionIds.map(() => "?").join(", ")})`,
      [customerId, ...sessionIds]
    )
    return new Set(rows.map((r) => r.session_id))
  }

  /**
   * Takes a seat until the session ends; joining again answers the seat already taken
   * (`created: false`). A full session is 409.
   */
  @InjectTransactionManager()
  async join(
    sessionId: string,
    customerId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ participant: ParticipantRow; created: boolean }> {
    const sql = this.sql(context)
    const session = await this.lockedSession(sql, sessionId)
    const existing = await this.participant(sessionId, customerId, context)
    if (existing) return { participant: existing, created: false }
    if (sessionPhase(session, now) === "ended") throw conflict("本场咨询已结束，不能再加入")
    const [{ taken, last }] = await sql.execute<{ taken: string; last: number | null }>(
      `select count(*) as taken, max(seat) as last from group_session_participant
       where session_id = ? and deleted_at is null`,
      [sessionId]
    )
    if (Number(taken) >= session.capacity) throw conflict("本场咨询名额已满")
    const [participant] = await sql.execute<ParticipantRow>(
      `insert into group_session_participant (id, session_id, customer_id, seat)
       values (?, ?, ?, ?) returning ${PARTICIPANT_COLUMNS}`,
      [generateEntityId("", "gspart"), sessionId, customerId, (last ?? 0) + 1]
    )
    return { participant, created: true }
  }

  /** Undoes a join whose workflow failed after it. */
  @InjectTransactionManager()
  async removeParticipant(id: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update group_session_participant set deleted_at = now() where id = ?`,
      [id]
    )
  }

  // ---- questions --------------------------------------------------------------------------

  /**
   * A joined member's question, waiting for a moderator. Only while the room is open, and
   * at most MAX_PENDING_PER_MEMBER waiting at once per member.
   */
  @InjectTransactionManager()
  async askQuestion(
    input: { session_id: string; customer_id: string; text: string },
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<QuestionRow> {
    const sql = this.sql(context)
    const session = await this.lockedSession(sql, input.session_id)
    const participant = await this.participant(session.id, input.customer_id, context)
    if (!participant) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "请先加入本场咨询，再提问")
    }
    const closed = questionsClosedReason(session, now)
    if (closed) throw conflict(closed)
    const [{ waiting }] = await sql.execute<{ waiting: string }>(
      `select count(*) as waiting from group_session_question
       where session_id = ? and customer_id = ? and status = 'pending' and deleted_at is null`,
      [session.id, input.customer_id]
    )
    if (Number(waiting) >= MAX_PENDING_PER_MEMBER) {
      throw conflict(`您已有 ${MAX_PENDING_PER_MEMBER} 个问题在等待审核，审核后再提新问题`)
    }
    const [row] = await sql.execute<QuestionRow>(
      `insert into group_session_question (id, session_id, customer_id, seat, text, status)
       values (?, ?, ?, ?, ?, 'pending') returning ${QUESTION_COLUMNS}`,
      [generateEntityId("", "gsq"), session.id, input.customer_id, participant.seat, input.text]
    )
    return row
  }

  /** Undoes a question whose workflow failed after it was written. */
  @InjectTransactionManager()
  async removeQuestion(id: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update group_session_question set deleted_at = now() where id = ? and status = 'pending'`,
      [id]
    )
  }

  /** Approves a waiting question for the room or rejects it, once: a second decision is 409. */
  @InjectTransactionManager()
  async decideQuestion(
    sessionId: string,
    questionId: string,
    decision: QuestionDecision,
    @MedusaContext() context: Context = {}
  ): Promise<QuestionRow> {
    const sql = this.sql(context)
    const approve = decision.action === "approve"
    const [row] = await sql.execute<QuestionRow>(
      `update group_session_question set status = ?, decided_by_type = ?, decided_by = ?,
         decided_at = now(), reject_reason = ?, updated_at = now()
       where id = ? and session_id = ? and status = 'pending' and deleted_at is null
       returning ${QUESTION_COLUMNS}`,
      [
        approve ? "approved" : "rejected",
        decision.by_type,
        decision.by_id,
        decision.action === "reject" ? decision.reason : null,
        questionId,
        sessionId,
      ]
    )
    if (row) return row
    const current = await this.question(sessionId, questionId, context)
    throw conflict(`这个问题已审核（${QUESTION_STATUS_LABELS[current.status]}）`)
  }

  /** Undoes a decision whose workflow failed after it: the question waits again. */
  @InjectTransactionManager()
  async undoDecision(questionId: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update group_session_question set status = 'pending', decided_by_type = null,
         decided_by = null, decided_at = null, reject_reason = null, updated_at = now()
       where id = ? and answer is null`,
      [questionId]
    )
  }

  /** Undoes an answer whose workflow failed after it. */
  @InjectTransactionManager()
  async undoAnswer(questionId: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update group_session_question set answer = null, answered_at = null, updated_at = now()
       where id = ?`,
      [questionId]
    )
  }

  /** The expert answers a public question, once. */
  @InjectTransactionManager()
  async answerQuestion(
    sessionId: string,
    questionId: string,
    answer: string,
    @MedusaContext() context: Context = {}
  ): Promise<QuestionRow> {
    const [row] = await this.sql(context).execute<QuestionRow>(
      `update group_session_question set answer = ?, answered_at = now(), updated_at = now()
       where id = ? and session_id = ? and status = 'approved' and answer is null
         and deleted_at is null
       returning ${QUESTION_COLUMNS}`,
      [answer, questionId, sessionId]
    )
    if (row) return row
    const current = await this.question(sessionId, questionId, context)
    throw conflict(current.status === "approved" ? "这个问题已经回答过了" : "只能回答已公开的问题")
  }

  @InjectManager()
  async question(
    sessionId: string,
    questionId: string,
    @MedusaContext() context: Context = {}
  ): Promise<QuestionRow> {
    const [row] = await this.sql(context).execute<QuestionRow>(
      `select ${QUESTION_COLUMNS} from group_session_question
       where id = ? and session_id = ? and deleted_at is null`,
      [questionId, sessionId]
    )
    if (!row) throw notFound(QUESTION_NOT_FOUND)
    return row
  }

  /** A session's questions in the order asked; narrowed to a status or one member's. */
  @InjectManager()
  async questions(
    sessionId: string,
    filter: { status?: QuestionStatus; customer_id?: string } = {},
    @MedusaContext() context: Context = {}
  ): Promise<QuestionRow[]> {
    const where = ["session_id = ?", "deleted_at is null"]
    const params: unknown[] = [sessionId]
    if (filter.status) {
      where.push("status = ?")
      params.push(filter.status)
    }
    if (filter.customer_id) {
      where.push("customer_id = ?")
      params.push(filter.customer_id)
    }
    return this.sql(context).execute<QuestionRow>(
      `select ${QUESTION_COLUMNS} from group_session_question where ${where.join(" and ")}
       order by created_at, id limit 2000`,
      params
    )
  }

  presentQuestion(row: QuestionRow): QuestionView {
    return {
      id: row.id,
      asker: seatLabel(row.seat),
      text: row.text,
      status: row.status,
      status_label: QUESTION_STATUS_LABELS[row.status],
      answer: row.answer,
      answered_at: iso(row.answered_at),
      approved_at: row.status === "approved" ? iso(row.decided_at) : null,
      created_at: iso(row.created_at)!,
    }
  }

  presentModeratedQuestion(row: QuestionRow): ModeratedQuestionView {
    return {
      ...this.presentQuestion(row),
      decided_by_type: row.decided_by_type,
      decided_at: iso(row.decided_at),
      reject_reason: row.reject_reason,
    }
  }

  /**
   * The room's history as events, in order: for members the questions made public and
   * their answers; for moderators also every question asked and rejected.
   */
  @InjectManager()
  async roomEvents(
    sessionId: string,
    audience: "members" | "moderators",
    @MedusaContext() context: Context = {}
  ): Promise<RoomEvent[]> {
    const moderators = audience === "moderators"
    const rows = await this.questions(sessionId, moderators ? {} : { status: "approved" }, context)
    const events: RoomEvent[] = []
    for (const row of rows) {
      const question = moderators ? this.presentModeratedQuestion(row) : this.presentQuestion(row)
      const at = (kind: RoomEvent["kind"], when: Date | null) =>
        events.push({ id: `${row.id}:${kind}`, kind, at: iso(when)!, question })
      if (moderators) at("asked", row.created_at)
      if (row.status === "approved") at("approved", row.decided_at)
      if (row.status === "rejected" && moderators) at("rejected", row.decided_at)
      if (row.answered_at) at("answered", row.answered_at)
    }
    // Same instant: asked before decided before answered, as they happened.
    const order: RoomEvent["kind"][] = ["asked", "approved", "rejected", "answered"]
    return events.sort(
      (a, b) =>
        a.at.localeCompare(b.at) ||
        order.indexOf(a.kind) - order.indexOf(b.kind) ||
        a.id.localeCompare(b.id)
    )
  }

  private async lockedSession(sql: Sql, id: string): Promise<GroupSessionRow> {
    const [row] = await sql.execute<GroupSessionRow>(
      `select ${SESSION_COLUMNS} from group_session where id = ? and deleted_at is null
       for update`,
      [id]
    )
    if (!row) throw notFound(SESSION_NOT_FOUND)
    return row
  }

  private sql(context: Context): Sql {
    return contextSql(context, "groupSession")
  }
}

export default GroupSessionModuleService
