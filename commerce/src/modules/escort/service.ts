import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { Escort } from "./models/escort"
import { EscortBooking } from "./models/escort-booking"
import { EscortBookingEvent } from "./models/escort-booking-event"
import { EscortHospital } from "./models/escort-hospital"
import { maskCnIdNumber, surnameOnly } from "./rules/cn-id-number"
import { sopStepNames } from "./rules/sop-steps"
import {
  ESCORT_BOOKING_STATUS_LABELS,
  ESCORT_BUSY_STATUSES,
  progressFrom,
  progressRefusal,
  type EscortBookingStatus,
  type EscortProgressStep,
} from "./rules/escort-booking-status"
import type {
  EscortActor,
  EscortBookingAudience,
  EscortBookingEventView,
  EscortBookingRow,
  EscortHospitalView,
  NewEscortBooking,
  SyncedEscortHospital,
} from "./types"
import { SOP_STEP_STATUS } from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

const BOOKING_COLUMNS = `id, customer_id, service_id, service_name, hospital_id, hospital_name,
  department_name, department_id, city, service_date, start_time, end_time, person_name, person_id_masked,
  meeting_point, needs, variant_id, extras, price_fen, status, escort_id, accepted_at, cart_id,
  order_id, paid_at, cancelled_at, refund_fen, cancel_fee_fen, created_at`

const iso = (value: Date | string) => new Date(value).toISOString()

const HOSPITAL_COLUMNS = `id, name, level, city, address, latitude, longitude, guide, departments`

/** Coordinates come back from Postgres as numbers; departments as parsed JSON. */
const hospitalView = (row: EscortHospitalView): EscortHospitalView => ({
  id: row.id,
  name: row.name,
  level: row.level,
  city: row.city,
  address: row.address,
  latitude: Number(row.latitude),
  longitude: Number(row.longitude),
  guide: row.guide,
  departments: row.departments ?? [],
})

/**
 * 陪诊: escorts, their bookings and each booking's timeline. State changes are conditional
 * UPDATEs on the status they start from, so a race or a double tap moves a booking once.
 */
class EscortModuleService extends MedusaService({
  Escort,
  EscortBooking,
  EscortBookingEvent,
  EscortHospital,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  @InjectTransactionManager()
  async createBooking(
    input: NewEscortBooking,
    actor: EscortActor,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const sealed = this.cipher.seal(input.person.id_number.toUpperCase())
    const id = generateEntityId("", "escbk")
    await this.sql(context).execute(
      `insert into escort_booking (id, customer_id, service_id, service_name, hospital_id,
         hospital_name, department_name, department_id, city, service_date, start_time,
         end_time, person_name, person_id_ciphertext, person_id_key_id, person_id_masked,
         meeting_point, needs, variant_id, extras, price_fen, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?,
         'pending_payment')`,
      [
        id,
        input.customer_id,
        input.service_id,
        input.service_name,
        input.hospital_id,
        input.hospital_name,
        input.department_name,
        input.department_id ?? null,
        input.city,
        input.service_date,
        input.start_time,
        input.end_time,
        input.person.name,
        sealed.ciphertext,
        sealed.key_id,
        maskCnIdNumber(input.person.id_number.toUpperCase()),
        input.meeting_point,
        JSON.stringify(input.needs),
        input.variant_id,
        JSON.stringify(input.extras),
        input.price_fen,
      ]
    )
    await this.appendEvent(id, "pending_payment", actor, {}, context)
    return this.bookingRow(id, context)
  }

  /** The booking, or 404 when it does not exist or (given `ownerId`) is another member's. */
  @InjectManager()
  async ownedBooking(
    id: string,
    ownerId?: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const row = await this.bookingRow(id, context)
    if (ownerId !== undefined && row.customer_id !== ownerId) throw notFound("未找到该陪诊订单")
    return row
  }

  @InjectManager()
  async memberBookings(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow[]> {
    return this.sql(context).execute<EscortBookingRow>(
      `select ${BOOKING_COLUMNS} from escort_booking
       where customer_id = ? and deleted_at is null order by created_at desc, id desc limit 100`,
      [customerId]
    )
  }

  /** Tasks for an escort: open ones in their city, their own in progress, or their done ones. */
  @InjectManager()
  async escortTasks(
    escort: { id: string; city: string },
    which: "open" | "mine" | "done",
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow[]> {
    const where =
      which === "open"
        ? `status = 'awaiting_escort' and escort_id is null and city = ?`
        : which === "mine"
          ? `escort_id = ? and status in (${ESCORT_BUSY_STATUSES.map(() => "?").join(", ")})`
          : `escort_id = ? and status in ('completed', 'confirmed', 'reviewed')`
    const params =
      which === "open"
        ? [escort.city]
        : which === "mine"
          ? [escort.id, ...ESCORT_BUSY_STATUSES]
          : [escort.id]
    return this.sql(context).execute<EscortBookingRow>(
      `select ${BOOKING_COLUMNS} from escort_booking where ${where} and deleted_at is null
       order by service_date, start_time, id limit 100`,
      params
    )
  }

  @InjectManager()
  async bookingEvents(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingEventView[]> {
    const rows = await this.sql(context).execute<{
      id: string
      status: string
      created_at: Date | string
      actor_type: string
      note: string | null
      location: unknown
      report_type: string | null
      flagged: boolean
      photo_upload_ids: string[] | null
      sop_step: string | null
    }>(
      `select id, status, created_at, actor_type, note, location, report_type, flagged,
         photo_upload_ids, sop_step
       from escort_booking_event where booking_id = ? and deleted_at is null
       order by created_at, id`,
      [id]
    )
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      status_label: ESCORT_BOOKING_STATUS_LABELS[row.status as EscortBookingStatus] ?? null,
      at: iso(row.created_at),
      actor_type: row.actor_type,
      note: row.note,
      location: row.location,
      report_type: row.report_type,
      flagged: row.flagged,
      photo_upload_ids: row.photo_upload_ids ?? [],
      sop_step: row.sop_step,
    }))
  }

  /** Operations record the payment: 待支付 → 待接单, once. */
  @InjectTransactionManager()
  async markPaid(
    id: string,
    actor: EscortActor,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    await this.bookingRow(id, context)
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'awaiting_escort', updated_at = now()
       where id = ? and status = 'pending_payment' and deleted_at is null returning id`,
      [id]
    )
    if (!moved.length) throw conflict("该订单不是待支付状态，不能再次登记收款")
    await this.appendEvent(id, "awaiting_escort", actor, { note: "运营已登记收款" }, context)
    return this.bookingRow(id, context)
  }

  /** The cart that pays for a booking: recorded once; a later cart replaces an abandoned one. */
  @InjectTransactionManager()
  async attachCart(id: string, cartId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update escort_booking set cart_id = ?, updated_at = now()
       where id = ? and status = 'pending_payment' and deleted_at is null`,
      [cartId, id]
    )
  }

  /**
   * The order paying for a booking was placed: 待支付 → 待接单, once, recording the order.
   * `moved` is false for a replay (same order) or when the booking is no longer waiting for
   * payment (expired or cancelled meanwhile: the caller refunds that order).
   */
  @InjectTransactionManager()
  async markPaidByOrder(
    id: string,
    orderId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ moved: boolean; booking: EscortBookingRow }> {
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'awaiting_escort', order_id = ?, paid_at = now(),
         updated_at = now()
       where id = ? and status = 'pending_payment' and deleted_at is null returning id`,
      [orderId, id]
    )
    if (moved.length) {
      await this.appendEvent(
        id,
        "awaiting_escort",
        { actor_type: "system", actor_id: null },
        { note: "支付成功，等待陪诊员接单" },
        context
      )
    }
    return { moved: moved.length > 0, booking: await this.bookingRow(id, context) }
  }

  /**
   * Cancels a booking from the status it was read in (a conditional UPDATE: of two cancels,
   * one moves it), releasing the escort, with what the cancellation rule decided.
   */
  @InjectTransactionManager()
  async cancelBooking(
    id: string,
    from: EscortBookingStatus,
    outcome: { refund_fen: number; fee_fen: number; note: string },
    actor: EscortActor,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'cancelled', escort_id = null, cancelled_at = now(),
         refund_fen = ?, cancel_fee_fen = ?, updated_at = now()
       where id = ? and status = ? and deleted_at is null returning id`,
      [outcome.refund_fen, outcome.fee_fen, id, from]
    )
    if (!moved.length) throw conflict("订单状态刚刚已变化，请刷新后再试")
    await this.appendEvent(id, "cancelled", actor, { note: outcome.note }, context)
    return this.bookingRow(id, context)
  }

  /** Compensation of cancelBooking: back to the status it had, its event gone. */
  @InjectTransactionManager()
  async undoCancel(
    id: string,
    to: EscortBookingStatus,
    escortId: string | null,
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    const moved = await sql.execute(
      `update escort_booking set status = ?, escort_id = ?, cancelled_at = null,
         refund_fen = null, cancel_fee_fen = null, updated_at = now()
       where id = ? and status = 'cancelled' returning id`,
      [to, escortId, id]
    )
    if (moved.length) {
      await sql.execute(
        `update escort_booking_event set deleted_at = now()
         where booking_id = ? and status = 'cancelled' and deleted_at is null`,
        [id]
      )
    }
  }

  /** The refund of a cancelled booking went to the provider (or the balance): 已退款, once. */
  @InjectTransactionManager()
  async recordRefund(
    id: string,
    refundFen: number,
    note: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'refunded', refund_fen = ?, updated_at = now()
       where id = ? and status = 'cancelled' returning id`,
      [refundFen, id]
    )
    if (moved.length) {
      await this.appendEvent(
        id,
        "refunded",
        { actor_type: "system", actor_id: null },
        { note },
        context
      )
    }
    return this.bookingRow(id, context)
  }

  /** Bookings still unpaid that were made before `before` become 已取消; answers their ids. */
  @InjectTransactionManager()
  async expireUnpaid(before: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    const expired = await this.sql(context).execute<{ id: string }>(
      `update escort_booking set status = 'cancelled', cancelled_at = now(), refund_fen = 0,
         cancel_fee_fen = 0, updated_at = now()
       where status = 'pending_payment' and created_at < ? and deleted_at is null
       returning id`,
      [before]
    )
    for (const { id } of expired) {
      await this.appendEvent(
        id,
        "cancelled",
        { actor_type: "system", actor_id: null },
        { note: "超时未支付，订单已自动取消" },
        context
      )
    }
    return expired.map((row) => row.id)
  }

  /**
   * Grab mode (抢单). The escort's own advisory lock serialises their accepts, so two
   * overlapping tasks cannot both become theirs; the booking's conditional UPDATE lets
   * exactly one of many escorts accepting at once take it.
   */
  @InjectTransactionManager()
  async acceptTask(
    id: string,
    escort: { id: string; city: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const task = await this.bookingRow(id, context)
    if (task.city !== escort.city) throw notFound("未找到该任务")
    const sql = this.sql(context)
    await this.assertEscortFree(escort.id, task, context)
    // Only active escorts take tasks: admission may have suspended them since sign-in.
    const [self] = await sql.execute<{ status: string }>(
      `select status from escort where id = ? and deleted_at is null`,
      [escort.id]
    )
    if (self?.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "该陪诊员账号已停用，请联系运营")
    }
    const taken = await sql.execute(
      `update escort_booking set status = 'accepted', escort_id = ?, accepted_at = now(),
         updated_at = now()
       where id = ? and status = 'awaiting_escort' and escort_id is null and deleted_at is null
       returning id`,
      [escort.id, id]
    )
    if (!taken.length) throw conflict("该订单已被其他陪诊员接单")
    await this.appendEvent(
      id,
      "accepted",
      { actor_type: "escort", actor_id: escort.id },
      {},
      context
    )
    return this.bookingRow(id, context)
  }

  /** The assigned escort moves the service one step on; skipped or backward steps are 409. */
  @InjectTransactionManager()
  async progressTask(
    id: string,
    escortId: string,
    step: EscortProgressStep,
    detail: { note?: string | null; location?: unknown; photo_upload_ids?: string[] },
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const task = await this.assignedTask(id, escortId, context)
    const refusal = progressRefusal(task.status, step)
    if (refusal) throw conflict(refusal)
    const moved = await this.sql(context).execute(
      `update escort_booking set status = ?, updated_at = now()
       where id = ? and escort_id = ? and status = ? returning id`,
      [step, id, escortId, progressFrom(step)]
    )
    if (!moved.length) throw conflict("订单状态刚刚已变化，请刷新后再试")
    await this.appendEvent(id, step, { actor_type: "escort", actor_id: escortId }, detail, context)
    return this.bookingRow(id, context)
  }

  /** Gives an accepted task back (a workflow's compensation): open again, its event gone. */
  @InjectTransactionManager()
  async releaseTask(id: string, escortId: string, @MedusaContext() context: Context = {}) {
    const sql = this.sql(context)
    const released = await sql.execute(
      `update escort_booking set status = 'awaiting_escort', escort_id = null,
         accepted_at = null, updated_at = now()
       where id = ? and escort_id = ? and status = 'accepted' returning id`,
      [id, escortId]
    )
    if (released.length) {
      await sql.execute(
        `update escort_booking_event set deleted_at = now()
         where booking_id = ? and status = 'accepted' and deleted_at is null`,
        [id]
      )
    }
  }

  /** Undoes one progress step (a workflow's compensation), only if nothing moved since. */
  @InjectTransactionManager()
  async stepBack(
    id: string,
    from: EscortBookingStatus,
    to: EscortBookingStatus,
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    const moved = await sql.execute(
      `update escort_booking set status = ?, updated_at = now()
       where id = ? and status = ? returning id`,
      [to, id, from]
    )
    if (moved.length) {
      await sql.execute(
        `update escort_booking_event set deleted_at = now()
         where id = (select id from escort_booking_event
                     where booking_id = ? and status = ? and deleted_at is null
                     order by created_at desc limit 1)`,
        [id, from]
      )
    }
  }

  /** 报备: recorded on the timeline, flagged so operations see it. */
  @InjectTransactionManager()
  async reportOnTask(
    id: string,
    escortId: string,
    report: { type: string; text: string; location?: unknown; photo_upload_ids?: string[] },
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingEventView> {
    const task = await this.assignedTask(id, escortId, context)
    const eventId = await this.appendEvent(
      id,
      task.status,
      { actor_type: "escort", actor_id: escortId },
      {
        note: report.text,
        location: report.location,
        report_type: report.type,
        flagged: true,
        photo_upload_ids: report.photo_upload_ids,
      },
      context
    )
    const events = await this.bookingEvents(id, context)
    return events.find((event) => event.id === eventId)!
  }

  /**
   * An SOP step (挂号, 候诊 …) done during 陪同就医, on the timeline once: the steps are the
   * department's SOP from the synced catalogue, or the default five. A unique index keeps a
   * double tap (or two at once) to one event.
   */
  @InjectTransactionManager()
  async recordSopStep(
    id: string,
    escortId: string,
    step: string,
    detail: { note?: string | null; location?: unknown; photo_upload_ids?: string[] },
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingEventView> {
    const task = await this.assignedTask(id, escortId, context)
    if (task.status !== "accompanying") {
      const label = ESCORT_BOOKING_STATUS_LABELS[task.status] ?? task.status
      throw conflict(`订单当前为「${label}」，只有在「陪同就医」中才能记录就医步骤`)
    }
    const steps = sopStepNames(await this.departmentSop(task, context))
    if (!steps.includes(step)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `就医步骤只能是 ${steps.join("、")}`)
    }
    const eventId = generateEntityId("", "escev")
    const inserted = await this.sql(context).execute(
      `insert into escort_booking_event (id, booking_id, status, actor_type, actor_id, note,
         location, photo_upload_ids, sop_step, created_at, updated_at)
       values (?, ?, '${SOP_STEP_STATUS}', 'escort', ?, ?, ?::jsonb, ?::jsonb, ?, clock_timestamp(),
         clock_timestamp())
       on conflict (booking_id, sop_step) where sop_step is not null and deleted_at is null
       do nothing returning id`,
      [
        eventId,
        id,
        escortId,
        detail.note ?? null,
        detail.location == null ? null : JSON.stringify(detail.location),
        detail.photo_upload_ids?.length ? JSON.stringify(detail.photo_upload_ids) : null,
        step,
      ]
    )
    if (!inserted.length) throw conflict(`「${step}」已记录过，不能重复记录`)
    const events = await this.bookingEvents(id, context)
    return events.find((event) => event.id === eventId)!
  }

  /** The member confirms a finished service: 服务完成 → 已确认, once. */
  @InjectTransactionManager()
  async confirmBooking(
    id: string,
    ownerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const booking = await this.ownedBooking(id, ownerId, context)
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'confirmed', updated_at = now()
       where id = ? and customer_id = ? and status = 'completed' returning id`,
      [id, ownerId]
    )
    if (!moved.length) {
      throw conflict(
        `订单当前为「${ESCORT_BOOKING_STATUS_LABELS[booking.status]}」，服务完成后才能确认`
      )
    }
    await this.appendEvent(
      id,
      "confirmed",
      { actor_type: "customer", actor_id: ownerId },
      {},
      context
    )
    return this.bookingRow(id, context)
  }

  /**
   * 已确认 → 已评价 once the member's review of it has opened (issue #21); a booking not
   * confirmed yet stays as it is (confirming it later moves it on). False when not moved.
   */
  @InjectTransactionManager()
  async markReviewed(id: string, @MedusaContext() context: Context = {}): Promise<boolean> {
    const moved = await this.sql(context).execute(
      `update escort_booking set status = 'reviewed', updated_at = now()
       where id = ? and status = 'confirmed' returning id`,
      [id]
    )
    if (!moved.length) return false
    await this.appendEvent(id, "reviewed", { actor_type: "system", actor_id: null }, {}, context)
    return true
  }

  /**
   * Staff move an accepted task from one escort to another in one transaction: the new
   * escort's lock and overlap check, then a conditional UPDATE on the escort it was read
   * with. A failure anywhere leaves the old assignment; of two reassignments at once, one
   * moves it and the other is 409.
   */
  @InjectTransactionManager()
  async reassignTask(
    id: string,
    from: string,
    to: { id: string; city: string },
    staff: { id: string; note: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortBookingRow> {
    const task = await this.bookingRow(id, context)
    if (task.city !== to.city) throw notFound("未找到该任务")
    const sql = this.sql(context)
    await this.assertEscortFree(to.id, task, context)
    const moved = await sql.execute(
      `update escort_booking set escort_id = ?, accepted_at = now(), updated_at = now()
       where id = ? and status = 'accepted' and escort_id = ? and deleted_at is null
       returning id`,
      [to.id, id, from]
    )
    if (!moved.length) throw conflict("订单刚刚已被改派或状态已变化，请刷新后再试")
    await this.appendEvent(
      id,
      "accepted",
      { actor_type: "staff", actor_id: staff.id },
      { note: staff.note },
      context
    )
    return this.bookingRow(id, context)
  }

  /**
   * Bookings for the staff's dispatch board: by status (default: every one still under
   * way) and city, soonest service first, each with when it entered its current status.
   */
  @InjectManager()
  async boardBookings(
    filter: { statuses: EscortBookingStatus[]; city?: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<(EscortBookingRow & { status_since: Date | string | null })[]> {
    const where = [`b.deleted_at is null`]
    const params: unknown[] = []
    if (filter.statuses.length) {
      where.push(`b.status in (${filter.statuses.map(() => "?").join(", ")})`)
      params.push(...filter.statuses)
    }
    if (filter.city) {
      where.push(`b.city = ?`)
      params.push(filter.city)
    }
    const columns = BOOKING_COLUMNS.split(",")
      .map((column) => `b.${column.trim()}`)
      .join(", ")
    return this.sql(context).execute(
      `select ${columns},
         (select max(e.created_at) from escort_booking_event e
          where e.booking_id = b.id and e.status = b.status and not e.flagged
            and e.deleted_at is null) as status_since
       from escort_booking b where ${where.join(" and ")}
       order by b.service_date, b.start_time, b.id limit 300`,
      params
    )
  }

  // ---- hospitals (the synced CMS catalogue) ------------------------------------------

  /**
   * Replaces the synced catalogue with what the CMS publishes now, in one transaction:
   * readers see the old copy or the new one, never half. Answers how many were kept and
   * removed.
   */
  @InjectTransactionManager()
  async replaceHospitals(
    hospitals: SyncedEscortHospital[],
    syncedAt: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ kept: number; removed: number }> {
    const sql = this.sql(context)
    // One sync at a time: two overlapping ones would each delete what the other kept.
    await sql.execute(`select pg_advisory_xact_lock(hashtext('escort-hospital-sync'))`)
    for (const hospital of hospitals) {
      await sql.execute(
        `insert into escort_hospital (id, name, level, city, address, latitude, longitude,
           guide, sort, departments, synced_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
         on conflict (id) do update set name = excluded.name, level = excluded.level,
           city = excluded.city, address = excluded.address, latitude = excluded.latitude,
           longitude = excluded.longitude, guide = excluded.guide, sort = excluded.sort,
           departments = excluded.departments, synced_at = excluded.synced_at,
           deleted_at = null, updated_at = now()`,
        [
          hospital.id,
          hospital.name,
          hospital.level,
          hospital.city,
          hospital.address,
          hospital.latitude,
          hospital.longitude,
          hospital.guide,
          hospital.sort,
          JSON.stringify(hospital.departments),
          syncedAt,
        ]
      )
    }
    const removed = await sql.execute(
      `update escort_hospital set deleted_at = now(), updated_at = now()
       where deleted_at is null and synced_at < ? returning id`,
      [syncedAt]
    )
    return { kept: hospitals.length, removed: removed.length }
  }

  /** The synced hospitals of a city (all cities without one), in the editors' order. */
  @InjectManager()
  async hospitalsIn(
    city: string | null,
    @MedusaContext() context: Context = {}
  ): Promise<EscortHospitalView[]> {
    const rows = await this.sql(context).execute<EscortHospitalView>(
      `select ${HOSPITAL_COLUMNS} from escort_hospital
       where deleted_at is null ${city ? "and city = ?" : ""}
       order by city, sort, name, id limit 500`,
      city ? [city] : []
    )
    return rows.map(hospitalView)
  }

  /** One synced hospital, or null when the catalogue does not (or no longer) hold it. */
  @InjectManager()
  async hospital(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortHospitalView | null> {
    const [row] = await this.sql(context).execute<EscortHospitalView>(
      `select ${HOSPITAL_COLUMNS} from escort_hospital where id = ? and deleted_at is null`,
      [id]
    )
    return row ? hospitalView(row) : null
  }

  /** When the catalogue was last synced (null: never), for the admin's 医院目录 panel. */
  @InjectManager()
  async hospitalsSyncedAt(@MedusaContext() context: Context = {}): Promise<string | null> {
    const [row] = await this.sql(context).execute<{ at: Date | string | null }>(
      `select max(synced_at) as at from escort_hospital`
    )
    return row?.at ? iso(row.at) : null
  }

  /** When each of the bookings reached 服务完成 (absent when it has not). */
  @InjectManager()
  async completedAtOf(
    ids: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, Date>> {
    if (!ids.length) return new Map()
    const rows = await this.sql(context).execute<{ booking_id: string; at: Date | string }>(
      `select booking_id, min(created_at) as at from escort_booking_event
       where status = 'completed' and deleted_at is null
         and booking_id in (${ids.map(() => "?").join(", ")})
       group by booking_id`,
      ids
    )
    return new Map(rows.map((row) => [row.booking_id, new Date(row.at)]))
  }

  /**
   * A booking as `audience` may read it: open tasks show the surname only and no ID number;
   * an escort's ended task (or one whose sharing consent was withdrawn) is the service record
   * alone, without the patient, the meeting point or the needs.
   */
  presentBooking(row: EscortBookingRow, audience: EscortBookingAudience) {
    const open = audience === "open_task"
    const ended = audience === "ended_task"
    return {
      id: row.id,
      status: row.status,
      status_label: ESCORT_BOOKING_STATUS_LABELS[row.status],
      service: { id: row.service_id, name: row.service_name },
      hospital: { id: row.hospital_id, name: row.hospital_name },
      department: row.department_name,
      department_id: row.department_id,
      city: row.city,
      date: row.service_date,
      time_window: { start: row.start_time, end: row.end_time },
      person: ended
        ? null
        : open
          ? { name: surnameOnly(row.person_name) }
          : { name: row.person_name, id_number: row.person_id_masked },
      meeting_point: ended ? null : row.meeting_point,
      needs: ended ? [] : row.needs,
      variant_id: row.variant_id,
      extras: row.extras ?? [],
      price_fen: Number(row.price_fen),
      ...(audience === "member" || audience === "staff"
        ? {
            cart_id: row.cart_id,
            order_id: row.order_id,
            refund_fen: row.refund_fen == null ? null : Number(row.refund_fen),
            cancel_fee_fen: row.cancel_fee_fen == null ? null : Number(row.cancel_fee_fen),
          }
        : {}),
      ...(audience === "member" || audience === "staff" ? { escort_id: row.escort_id } : {}),
      ...(audience === "staff" ? { customer_id: row.customer_id } : {}),
      created_at: iso(row.created_at),
    }
  }

  @InjectManager()
  async escortByPhone(phone: string, @MedusaContext() context: Context = {}) {
    const [escort] = await this.listEscorts({ phone }, { take: 1 }, context)
    return escort ?? null
  }

  /**
   * Under the escort's own advisory lock (held to the end of the transaction), so two
   * overlapping tasks cannot both become theirs: 409 when one of theirs overlaps this one.
   */
  private async assertEscortFree(escortId: string, task: EscortBookingRow, context: Context) {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`escort:${escortId}`])
    const overlapping = await sql.execute(
      `select id from escort_booking
       where escort_id = ? and id <> ? and service_date = ? and start_time < ? and end_time > ?
         and status in (${ESCORT_BUSY_STATUSES.map(() => "?").join(", ")}) and deleted_at is null
       limit 1`,
      [
        escortId,
        task.id,
        task.service_date,
        task.end_time,
        task.start_time,
        ...ESCORT_BUSY_STATUSES,
      ]
    )
    if (overlapping.length) throw conflict("您在该时段已有陪诊任务，不能重复接单")
  }

  private async assignedTask(id: string, escortId: string, context: Context) {
    const task = await this.bookingRow(id, context)
    if (task.escort_id !== escortId) throw notFound("未找到该任务")
    return task
  }

  /** The booking's department SOP from the synced catalogue; empty when it is not there. */
  private async departmentSop(task: EscortBookingRow, context: Context) {
    const hospital = task.hospital_id ? await this.hospital(task.hospital_id, context) : null
    const department =
      hospital?.departments.find((d) => d.id === task.department_id) ??
      hospital?.departments.find((d) => d.name === task.department_name)
    return department?.sop ?? []
  }

  private async bookingRow(id: string, context: Context): Promise<EscortBookingRow> {
    const [row] = await this.sql(context).execute<EscortBookingRow>(
      `select ${BOOKING_COLUMNS} from escort_booking where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("未找到该陪诊订单")
    return row
  }

  private async appendEvent(
    bookingId: string,
    status: string,
    actor: EscortActor,
    detail: {
      note?: string | null
      location?: unknown
      report_type?: string | null
      flagged?: boolean
      photo_upload_ids?: string[]
    },
    context: Context
  ): Promise<string> {
    const id = generateEntityId("", "escev")
    // clock_timestamp(): steps taken in one transaction still read in the order they happened.
    await this.sql(context).execute(
      `insert into escort_booking_event (id, booking_id, status, actor_type, actor_id, note,
         location, report_type, flagged, photo_upload_ids, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, clock_timestamp(), clock_timestamp())`,
      [
        id,
        bookingId,
        status,
        actor.actor_type,
        actor.actor_id,
        detail.note ?? null,
        detail.location == null ? null : JSON.stringify(detail.location),
        detail.report_type ?? null,
        detail.flagged ?? false,
        detail.photo_upload_ids?.length ? JSON.stringify(detail.photo_upload_ids) : null,
      ]
    )
    return id
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort")
  }
}

export default EscortModuleService
