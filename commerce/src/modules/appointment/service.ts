import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { describeSlot, slotStart } from "./rules/appointment-calendar"
import {
  ACTIVE_APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_TRANSITIONS,
  appointmentTransitionRefusal,
  CLINIC_SIGNUP_STATUS_LABELS,
  type AppointmentAction,
  type AppointmentStatus,
  type ClinicSignupStatus,
} from "./rules/appointment-status"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { Appointment } from "./models/appointment"
import { AppointmentEvent } from "./models/appointment-event"
import { ClinicSignup } from "./models/clinic-signup"
import type {
  Actor,
  ActorType,
  AppointmentPerson,
  AppointmentRow,
  AppointmentView,
  ClinicSessionSnapshot,
  ClinicSessionSummary,
  ClinicSignupView,
  NewAppointment,
} from "./types"
import { contextSql, type Sql } from "../../lib/database/context-sql"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const ACTIVE_SQL = ACTIVE_APPOINTMENT_STATUSES.map((status) => `'${status}'`).join(", ")
const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null

type SignupRow = {
  id: string
  session_id: string
  customer_id: string
  session_title: string
  session_starts_at: Date | string
  session_place: string | null
  status: ClinicSignupStatus
  queued_at: Date | string
  promoted_at: Date | string | null
  cancelled_at: Date | string | null
}

/**
 * Collection-site appointments and clinic-session sign-ups. Places are counted under a
 * Postgres advisory lock per site slot (or per session), so two members taking the last
 * place at once cannot both get it, whichever server process they reach.
 */
class AppointmentModuleService extends MedusaService({
  Appointment,
  AppointmentEvent,
  ClinicSignup,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  // ---- collection-site appointments ----------------------------------------

  @InjectTransactionManager()
  async bookAppointment(
    input: NewAppointment,
    actor: Actor,
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentRow & { already_booked?: boolean }> {
    if (input.once_per_order && input.order_id) {
      // Taken before the slot's lock, as every once-per-order booking does: a replayed
      // order event waits here for the first one, then finds its appointment.
      await this.lock(`appointment-order:${input.order_id}`, context)
      const [existing] = await this.listAppointments(
        { order_id: input.order_id },
        { take: 1 },
        context
      )
      if (existing) return { ...(existing as unknown as AppointmentRow), already_booked: true }
    }
    await this.lockSlot(input.site.id, input.date, input.slot, context)
    await this.assertSlotOpen(input, null, context)
    const person = this.sealPerson(input.person)
    const created = (await this.createAppointments(
      {
        customer_id: input.customer_id,
        site_id: input.site.id,
        site_name: input.site.name,
        site_address: input.site.address,
        date: input.date,
        slot: input.slot,
        order_id: input.order_id ?? null,
        kit_id: input.kit_id ?? null,
        person_ciphertext: person?.ciphertext ?? null,
        person_key_id: person?.key_id ?? null,
        status: "pending",
      },
      context
    )) as unknown as AppointmentRow
    await this.appendEvent(created.id, "pending", input.date, input.slot, actor, null, context)
    return created
  }

  /**
   * Moves an active appointment to another day or slot of the same site. The new slot's
   * places are counted without this appointment; the old place frees up at commit.
   */
  @InjectTransactionManager()
  async rescheduleAppointment(
    id: string,
    input: { date: string; slot: string; capacity: number; owner_id?: string },
    actor: Actor,
    @MedusaContext() context: Context = {}
  ): Promise<{ appointment: AppointmentRow; event_id: string; previous: AppointmentRow }> {
    const current = await this.ownedAppointment(id, input.owner_id, context)
    const refusal = appointmentTransitionRefusal(current.status, "reschedule")
    if (refusal) throw invalid(refusal)
    if (current.date === input.date && current.slot === input.slot) {
      throw invalid("新时段与原预约相同，请选择另一个日期或时段")
    }
    await this.lockSlot(current.site_id, input.date, input.slot, context)
    await this.assertSlotOpen(
      {
        customer_id: current.customer_id,
        site: { id: current.site_id, name: current.site_name, address: current.site_address },
        capacity: input.capacity,
        date: input.date,
        slot: input.slot,
      },
      current.id,
      context
    )
    const { from, to } = APPOINTMENT_TRANSITIONS.reschedule
    const moved = await this.sql(context).execute<{ id: string }>(
      `update appointment set status = ?, date = ?, slot = ?, updated_at = now()
       where id = ? and status in (${from.map(() => "?").join(", ")}) and deleted_at is null
       returning id`,
      [to, input.date, input.slot, id, ...from]
    )
    if (!moved.length) throw conflict("预约状态刚刚已变化，请刷新后再试")
    const event_id = await this.appendEvent(
      id,
      to,
      input.date,
      input.slot,
      actor,
      `由 ${describeSlot(current.date, current.slot)} 改到 ${describeSlot(input.date, input.slot)}`,
      context
    )
    const appointment = await this.ownedAppointment(id, undefined, context)
    return { appointment, event_id, previous: current }
  }

  /**
   * Confirms, completes or cancels an appointment. The update is conditional on the
   * status the action starts from, so a double click or a race moves it only once.
   */
  @InjectTransactionManager()
  async transitionAppointment(
    id: string,
    action: Exclude<AppointmentAction, "reschedule">,
    input: Actor & { note?: string | null; owner_id?: string },
    @MedusaContext() context: Context = {}
  ): Promise<{ appointment: AppointmentRow; event_id: string }> {
    const current = await this.ownedAppointment(id, input.owner_id, context)
    const refusal = appointmentTransitionRefusal(current.status, action)
    if (refusal) throw invalid(refusal)
    const { from, to } = APPOINTMENT_TRANSITIONS[action]
    const cancelledBy =
      action === "cancel" ? (input.actor_type === "customer" ? "customer" : "staff") : null
    const moved = await this.sql(context).execute<{ id: string }>(
      `update appointment set status = ?, cancelled_by = coalesce(?, cancelled_by),
         cancel_reason = coalesce(?, cancel_reason), updated_at = now()
       where id = ? and status in (${from.map(() => "?").join(", ")}) and deleted_at is null
       returning id`,
      [to, cancelledBy, action === "cancel" ? (input.note ?? null) : null, id, ...from]
    )
    if (!moved.length) {
      const now = await this.ownedAppointment(id, undefined, context)
      throw conflict(
        appointmentTransitionRefusal(now.status, action) ?? "预约状态刚刚已变化，请刷新"
      )
    }
    const event_id = await this.appendEvent(
      id,
      to,
      current.date,
      current.slot,
      input,
      input.note ?? null,
      context
    )
    return { appointment: await this.ownedAppointment(id, undefined, context), event_id }
  }

  /**
   * Moves an active appointment to another site, day or slot (a member changing an order's
   * collection). One transaction: the new slot's places are counted under its lock without
   * this appointment, and the old place frees up at commit, so the last place goes once.
   */
  @InjectTransactionManager()
  async relocateAppointment(
    id: string,
    input: {
      site: NewAppointment["site"]
      date: string
      slot: string
      capacity: number
      owner_id?: string
    },
    actor: Actor,
    @MedusaContext() context: Context = {}
  ): Promise<{ appointment: AppointmentRow; event_id: string; previous: AppointmentRow }> {
    const current = await this.ownedAppointment(id, input.owner_id, context)
    const refusal = appointmentTransitionRefusal(current.status, "reschedule")
    if (refusal) throw invalid(refusal)
    if (
      current.site_id === input.site.id &&
      current.date === input.date &&
      current.slot === input.slot
    ) {
      throw invalid("新的采集点和时段与原预约相同，请选择其他采集点或时段")
    }
    await this.lockSlot(input.site.id, input.date, input.slot, context)
    await this.assertSlotOpen(
      {
        customer_id: current.customer_id,
        site: input.site,
        capacity: input.capacity,
        date: input.date,
        slot: input.slot,
      },
      current.id,
      context
    )
    const { from, to } = APPOINTMENT_TRANSITIONS.reschedule
    const moved = await this.sql(context).execute<{ id: string }>(
      `update appointment set status = ?, site_id = ?, site_name = ?, site_address = ?,
         date = ?, slot = ?, updated_at = now()
       where id = ? and status in (${from.map(() => "?").join(", ")}) and deleted_at is null
       returning id`,
      [to, input.site.id, input.site.name, input.site.address, input.date, input.slot, id, ...from]
    )
    if (!moved.length) throw conflict("预约状态刚刚已变化，请刷新后再试")
    const event_id = await this.appendEvent(
      id,
      to,
      input.date,
      input.slot,
      actor,
      `由${current.site_name} ${describeSlot(current.date, current.slot)} 改到${input.site.name} ${describeSlot(input.date, input.slot)}`,
      context
    )
    const appointment = await this.ownedAppointment(id, undefined, context)
    return { appointment, event_id, previous: current }
  }

  /** Puts an appointment back as it was (a workflow's compensation), its site too if given. */
  @InjectTransactionManager()
  async restoreAppointment(
    previous: Pick<AppointmentRow, "id" | "status" | "date" | "slot"> &
      Partial<Pick<AppointmentRow, "site_id" | "site_name" | "site_address">>,
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update appointment set status = ?, date = ?, slot = ?, site_id = coalesce(?, site_id),
         site_name = coalesce(?, site_name), site_address = coalesce(?, site_address),
         updated_at = now() where id = ?`,
      [
        previous.status,
        previous.date,
        previous.slot,
        previous.site_id ?? null,
        previous.site_name ?? null,
        previous.site_address ?? null,
        previous.id,
      ]
    )
  }

  /** The appointment, if it exists and (when `ownerId` is given) belongs to that member. */
  @InjectManager()
  async ownedAppointment(
    id: string,
    ownerId?: string,
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentRow> {
    const [row] = await this.listAppointments(
      ownerId ? { id, customer_id: ownerId } : { id },
      { take: 1 },
      context
    )
    if (!row) throw notFound("没有找到这条预约，请刷新「我的预约」后再试")
    return row as unknown as AppointmentRow
  }

  /** Active appointments per "date slot" of a site between two days (inclusive). */
  @InjectManager()
  async slotUsage(
    siteId: string,
    from: string,
    to: string,
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, number>> {
    const rows = await this.sql(context).execute<{ date: string; slot: string; taken: string }>(
      `select date, slot, count(*) as taken from appointment
       where site_id = ? and date >= ? and date <= ? and status in (${ACTIVE_SQL})
         and deleted_at is null
       group by date, slot`,
      [siteId, from, to]
    )
    return new Map(rows.map((row) => [`${row.date} ${row.slot}`, Number(row.taken)]))
  }

  @InjectManager()
  async appointmentViews(
    ids: string[],
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentView[]> {
    if (!ids.length) return []
    const rows = (await this.listAppointments(
      { id: ids },
      { relations: ["events"] },
      context
    )) as unknown as (AppointmentRow & { events: Record<string, unknown>[] })[]
    const byId = new Map(rows.map((row) => [row.id, row]))
    return ids
      .map((id) => byId.get(id))
      .filter((row): row is NonNullable<typeof row> => !!row)
      .map((row) => this.view(row))
  }

  /** A member's appointments, the coming ones first, then the past ones. */
  @InjectManager()
  async customerAppointments(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentView[]> {
    const rows = await this.listAppointments(
      { customer_id: customerId },
      { select: ["id"], order: { date: "DESC", slot: "DESC" }, take: 200 },
      context
    )
    return this.appointmentViews(
      rows.map((row) => row.id),
      context
    )
  }

  /** One day's appointments for staff, by site and slot. */
  @InjectManager()
  async dayAppointments(
    filters: { date: string; site_id?: string; status?: AppointmentStatus },
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentView[]> {
    const rows = await this.listAppointments(
      {
        date: filters.date,
        ...(filters.site_id ? { site_id: filters.site_id } : {}),
        ...(filters.status ? { status: filters.status } : {}),
      },
      { select: ["id"], order: { site_name: "ASC", slot: "ASC", created_at: "ASC" }, take: 1000 },
      context
    )
    return this.appointmentViews(
      rows.map((row) => row.id),
      context
    )
  }

  /** The appointments booked for one order, on any day, earliest first. */
  @InjectManager()
  async orderAppointments(
    orderId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AppointmentView[]> {
    const rows = await this.listAppointments(
      { order_id: orderId },
      { select: ["id"], order: { date: "ASC", slot: "ASC" }, take: 100 },
      context
    )
    return this.appointmentViews(
      rows.map((row) => row.id),
      context
    )
  }

  // ---- clinic sessions -----------------------------------------------------

  /**
   * Signs a member up: a place while the session has one, otherwise the waitlist.
   * Signing up again while signed up or waiting is refused.
   */
  @InjectTransactionManager()
  async signUpForSession(
    input: { customer_id: string; session: ClinicSessionSnapshot; capacity: number },
    @MedusaContext() context: Context = {}
  ): Promise<ClinicSignupView> {
    const sql = this.sql(context)
    await this.lock(`clinic:${input.session.id}`, context)
    const [mine] = await sql.execute<{ status: ClinicSignupStatus }>(
      `select status from clinic_signup where session_id = ? and customer_id = ?
         and status in ('confirmed', 'waitlisted') and deleted_at is null`,
      [input.session.id, input.customer_id]
    )
    if (mine) {
      throw conflict(
        mine.status === "confirmed"
          ? "您已报名这场义诊，无需重复报名"
          : "您已在这场义诊的候补名单中，有名额时会通知您"
      )
    }
    const { confirmed_count } = await this.sessionSummary(input.session.id, context)
    const id = generateEntityId(undefined, "csu")
    // Raw SQL, so the row is in the table (not only in the ORM's unit of work) when read back;
    // queued_at is the clock after the lock, so the waitlist keeps the order members came in.
    await sql.execute(
      `insert into clinic_signup (id, session_id, customer_id, session_title, session_starts_at,
         session_place, status, queued_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), now(), now())`,
      [
        id,
        input.session.id,
        input.customer_id,
        input.session.title,
        new Date(input.session.starts_at),
        input.session.place ?? null,
        confirmed_count < input.capacity ? "confirmed" : "waitlisted",
      ]
    )
    const [view] = await this.signupViews([id], context)
    return view
  }

  /**
   * Cancels the member's sign-up. A freed place goes to the members waiting longest,
   * as many as the session now has room for; they are returned so they can be told.
   */
  @InjectTransactionManager()
  async cancelSignup(
    input: { customer_id: string; session_id: string; capacity: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ cancelled: ClinicSignupView; promoted: ClinicSignupView[] }> {
    const sql = this.sql(context)
    await this.lock(`clinic:${input.session_id}`, context)
    const [mine] = await sql.execute<{ id: string }>(
      `update clinic_signup set status = 'cancelled', cancelled_at = now(), updated_at = now()
       where session_id = ? and customer_id = ? and status in ('confirmed', 'waitlisted')
         and deleted_at is null
       returning id`,
      [input.session_id, input.customer_id]
    )
    if (!mine) throw notFound("您没有报名这场义诊，或报名已取消")
    const { confirmed_count } = await this.sessionSummary(input.session_id, context)
    const room = Math.max(0, input.capacity - confirmed_count)
    const promoted = room
      ? await sql.execute<{ id: string }>(
          `update clinic_signup set status = 'confirmed', promoted_at = now(), updated_at = now()
           where id in (
             select id from clinic_signup
             where session_id = ? and status = 'waitlisted' and deleted_at is null
             order by queued_at asc, id asc limit ?)
           returning id`,
          [input.session_id, room]
        )
      : []
    const [cancelled] = await this.signupViews([mine.id], context)
    return {
      cancelled,
      promoted: await this.signupViews(
        promoted.map((row) => row.id),
        context
      ),
    }
  }

  /**
   * Every clinic session members signed up for since `from`, as the sign-ups recorded it,
   * with its counts: the roster still works while the CMS is unreachable.
   */
  @InjectManager()
  async signedUpSessions(
    from: Date,
    @MedusaContext() context: Context = {}
  ): Promise<(ClinicSignupView["session"] & ClinicSessionSummary)[]> {
    const rows = await this.sql(context).execute<{
      session_id: string
      title: string
      starts_at: Date | string
      place: string | null
      confirmed: string
      waitlisted: string
    }>(
      `select session_id, max(session_title) as title, max(session_starts_at) as starts_at,
              max(session_place) as place,
              count(*) filter (where status = 'confirmed') as confirmed,
              count(*) filter (where status = 'waitlisted') as waitlisted
       from clinic_signup where deleted_at is null and session_starts_at >= ?
       group by session_id order by max(session_starts_at) asc`,
      [from]
    )
    return rows.map((row) => ({
      id: row.session_id,
      title: row.title,
      starts_at: iso(row.starts_at)!,
      place: row.place,
      confirmed_count: Number(row.confirmed),
      waitlist_count: Number(row.waitlisted),
    }))
  }

  @InjectManager()
  async sessionSummary(
    sessionId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ClinicSessionSummary> {
    const [row] = await this.sql(context).execute<{ confirmed: string; waitlisted: string }>(
      `select count(*) filter (where status = 'confirmed') as confirmed,
              count(*) filter (where status = 'waitlisted') as waitlisted
       from clinic_signup where session_id = ? and deleted_at is null`,
      [sessionId]
    )
    return {
      confirmed_count: Number(row?.confirmed ?? 0),
      waitlist_count: Number(row?.waitlisted ?? 0),
    }
  }

  @InjectManager()
  async signupViews(
    ids: string[],
    @MedusaContext() context: Context = {}
  ): Promise<ClinicSignupView[]> {
    if (!ids.length) return []
    const rows = await this.sql(context).execute<SignupRow & { position: string | null }>(
      `select s.*, case when s.status = 'waitlisted' then (
           select count(*) from clinic_signup w
           where w.session_id = s.session_id and w.status = 'waitlisted' and w.deleted_at is null
             and (w.queued_at, w.id) <= (s.queued_at, s.id)) end as position
       from clinic_signup s where s.id in (${ids.map(() => "?").join(", ")}) and s.deleted_at is null`,
      ids
    )
    const byId = new Map(rows.map((row) => [row.id, row]))
    return ids
      .map((id) => byId.get(id))
      .filter((row): row is NonNullable<typeof row> => !!row)
      .map((row) => ({
        id: row.id,
        session: {
          id: row.session_id,
          title: row.session_title,
          starts_at: iso(row.session_starts_at)!,
          place: row.session_place,
        },
        customer_id: row.customer_id,
        status: row.status,
        status_label: CLINIC_SIGNUP_STATUS_LABELS[row.status],
        waitlist_position: row.position === null ? null : Number(row.position),
        queued_at: iso(row.queued_at)!,
        promoted_at: iso(row.promoted_at),
        cancelled_at: iso(row.cancelled_at),
      }))
  }

  /** Sign-ups of a member (all sessions) or of a session (all members), newest first. */
  @InjectManager()
  async listSignupViews(
    filters: { customer_id?: string; session_id?: string },
    @MedusaContext() context: Context = {}
  ): Promise<ClinicSignupView[]> {
    const rows = await this.listClinicSignups(
      filters,
      { select: ["id"], order: { queued_at: filters.session_id ? "ASC" : "DESC" }, take: 1000 },
      context
    )
    return this.signupViews(
      rows.map((row) => row.id),
      context
    )
  }

  // ---- internals -------------------------------------------------------------

  /** Refuses a slot that is full, or that the member already holds elsewhere. */
  protected async assertSlotOpen(
    input: NewAppointment,
    excludeId: string | null,
    context: Context
  ) {
    const sql = this.sql(context)
    const [held] = await sql.execute<{ site_name: string }>(
      `select site_name from appointment where customer_id = ? and date = ? and slot = ?
         and status in (${ACTIVE_SQL}) and deleted_at is null and id <> ? limit 1`,
      [input.customer_id, input.date, input.slot, excludeId ?? ""]
    )
    if (held) {
      throw conflict(
        `您已预约 ${describeSlot(input.date, input.slot)} 在${held.site_name}，同一时段只能预约一次`
      )
    }
    const [{ taken }] = await sql.execute<{ taken: string }>(
      `select count(*) as taken from appointment where site_id = ? and date = ? and slot = ?
         and status in (${ACTIVE_SQL}) and deleted_at is null and id <> ?`,
      [input.site.id, input.date, input.slot, excludeId ?? ""]
    )
    if (Number(taken) >= input.capacity) {
      throw conflict(`${describeSlot(input.date, input.slot)} 已约满，请选择其他时段或日期`)
    }
  }

  protected async lockSlot(siteId: string, date: string, slot: string, context: Context) {
    await this.lock(`appointment:${siteId}:${date}:${slot}`, context)
  }

  /** Held until the transaction ends, across every server and worker process. */
  protected async lock(key: string, context: Context) {
    await this.sql(context).execute("select pg_advisory_xact_lock(hashtext(?)) as locked", [key])
  }

  protected sealPerson(person: NewAppointment["person"]) {
    const name = person?.name?.trim() || null
    const phone = person?.phone?.trim() || null
    return name || phone ? this.cipher.sealJson({ name, phone }) : null
  }

  protected openPerson(row: AppointmentRow): AppointmentPerson | null {
    if (!row.person_ciphertext || !row.person_key_id) return null
    return this.cipher.openJson<AppointmentPerson>({
      key_id: row.person_key_id,
      ciphertext: row.person_ciphertext,
    })
  }

  protected view(row: AppointmentRow & { events: Record<string, unknown>[] }): AppointmentView {
    return {
      id: row.id,
      customer_id: row.customer_id,
      site: { id: row.site_id, name: row.site_name, address: row.site_address },
      date: row.date,
      slot: row.slot,
      starts_at: slotStart(row.date, row.slot).toISOString(),
      status: row.status,
      status_label: APPOINTMENT_STATUS_LABELS[row.status],
      order_id: row.order_id,
      kit_id: row.kit_id,
      person: this.openPerson(row),
      cancelled_by: row.cancelled_by,
      cancel_reason: row.cancel_reason,
      history: [...row.events]
        .sort((a, b) => +new Date(a.created_at as string) - +new Date(b.created_at as string))
        .map((event) => ({
          status: event.status as AppointmentStatus,
          label: APPOINTMENT_STATUS_LABELS[event.status as AppointmentStatus],
          date: event.date as string,
          slot: event.slot as string,
          note: (event.note as string | null) ?? null,
          actor_type: event.actor_type as ActorType,
          at: iso(event.created_at as string)!,
        })),
      created_at: iso(row.created_at)!,
    }
  }

  protected async appendEvent(
    appointmentId: string,
    status: AppointmentStatus,
    date: string,
    slot: string,
    actor: Actor,
    note: string | null,
    context: Context
  ): Promise<string> {
    const event = await this.createAppointmentEvents(
      {
        appointment_id: appointmentId,
        status,
        date,
        slot,
        note,
        actor_type: actor.actor_type,
        actor_id: actor.actor_id ?? null,
      },
      context
    )
    return (event as { id: string }).id
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "appointment")
  }
}

export default AppointmentModuleService
