import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { DispatchAlert } from "./models/dispatch-alert"
import { DispatchOffer } from "./models/dispatch-offer"
import { DispatchSetting } from "./models/dispatch-setting"
import { EscortDutyShift } from "./models/escort-duty-shift"
import { EscortSchedule } from "./models/escort-schedule"
import type { ScheduleRule } from "./rules/schedule"
import type {
  CityDispatchSetting,
  DispatchAlertKind,
  DispatchAlertRow,
  DispatchMode,
  DutyShiftRow,
  DispatchOfferRow,
  EscortScheduleView,
} from "./types"

export * from "./types"

/** A city without settings: grab mode (抢单), 10 minutes to accept an offer. */
export const DEFAULT_ACCEPT_MINUTES = 10

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const OFFER_COLUMNS = `id, booking_id, escort_id, status, expires_at, round, created_at`
const ALERT_COLUMNS = `id, booking_id, kind, city, message, sms_sent_at, resolved_at, resolved_by,
  resolution_note, created_at`

/**
 * 陪诊 dispatch: per-city mode, escort schedules, auto-dispatch offers and anomaly alerts.
 * Escorts and bookings live in the escort module and are linked here by id; workflows
 * combine the two. Offers move by conditional UPDATEs so accept, decline and expiry racing
 * on one offer settle it once.
 */
class EscortDispatchModuleService extends MedusaService({
  DispatchSetting,
  EscortSchedule,
  DispatchOffer,
  DispatchAlert,
  EscortDutyShift,
}) {
  // ---- on-duty roster --------------------------------------------------------------

  @InjectManager()
  async dutyRoster(@MedusaContext() context: Context = {}): Promise<DutyShiftRow[]> {
    return this.sql(context).execute<DutyShiftRow>(
      `select id, phone, name, weekdays, start_time, end_time from escort_duty_shift
       where deleted_at is null order by start_time, phone, id`
    )
  }

  /**
   * Operations save the whole roster at once (the admin edits it as one table): the old
   * lines go and the new ones come in one transaction, so the alert sweep never reads half.
   */
  @InjectTransactionManager()
  async replaceDutyRoster(
    shifts: Omit<DutyShiftRow, "id">[],
    @MedusaContext() context: Context = {}
  ): Promise<DutyShiftRow[]> {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext('escort-duty-roster'))`)
    await sql.execute(
      `update escort_duty_shift set deleted_at = now(), updated_at = now()
       where deleted_at is null`
    )
    for (const shift of shifts) {
      await sql.execute(
        `insert into escort_duty_shift (id, phone, name, weekdays, start_time, end_time)
         values (?, ?, ?, ?::jsonb, ?, ?)`,
        [
          generateEntityId("", "escduty"),
          shift.phone,
          shift.name,
          JSON.stringify(shift.weekdays),
          shift.start_time,
          shift.end_time,
        ]
      )
    }
    return this.dutyRoster(context)
  }

  // ---- settings per city -----------------------------------------------------------

  @InjectManager()
  async settingFor(city: string, @MedusaContext() context: Context = {}) {
    const [row] = await this.sql(context).execute<CityDispatchSetting>(
      `select city, mode, accept_minutes from escort_dispatch_setting
       where city = ? and deleted_at is null`,
      [city]
    )
    return row ?? { city, mode: "grab" as DispatchMode, accept_minutes: DEFAULT_ACCEPT_MINUTES }
  }

  @InjectManager()
  async citySettings(@MedusaContext() context: Context = {}) {
    return this.sql(context).execute<CityDispatchSetting>(
      `select city, mode, accept_minutes from escort_dispatch_setting
       where deleted_at is null order by city`
    )
  }

  @InjectTransactionManager()
  async putSetting(input: CityDispatchSetting, @MedusaContext() context: Context = {}) {
    const [row] = await this.sql(context).execute<CityDispatchSetting>(
      `insert into escort_dispatch_setting (id, city, mode, accept_minutes)
       values (?, ?, ?, ?)
       on conflict (city) where deleted_at is null
       do update set mode = excluded.mode, accept_minutes = excluded.accept_minutes,
         updated_at = now()
       returning city, mode, accept_minutes`,
      [generateEntityId("", "escds"), input.city, input.mode, input.accept_minutes]
    )
    return row
  }

  // ---- schedules -------------------------------------------------------------------

  @InjectManager()
  async schedulesOf(escortIds: string[], @MedusaContext() context: Context = {}) {
    if (!escortIds.length) return new Map<string, EscortScheduleView>()
    const rows = await this.sql(context).execute<EscortScheduleView>(
      `select escort_id, weekdays, start_time, end_time, days_off from escort_schedule
       where escort_id in (${escortIds.map(() => "?").join(", ")}) and deleted_at is null`,
      escortIds
    )
    return new Map(rows.map((row) => [row.escort_id, row]))
  }

  @InjectManager()
  async scheduleOf(escortId: string, @MedusaContext() context: Context = {}) {
    return (await this.schedulesOf([escortId], context)).get(escortId) ?? null
  }

  @InjectTransactionManager()
  async putSchedule(
    escortId: string,
    rule: ScheduleRule,
    @MedusaContext() context: Context = {}
  ): Promise<EscortScheduleView> {
    const [row] = await this.sql(context).execute<EscortScheduleView>(
      `insert into escort_schedule (id, escort_id, weekdays, start_time, end_time, days_off)
       values (?, ?, ?::jsonb, ?, ?, ?::jsonb)
       on conflict (escort_id) where deleted_at is null
       do update set weekdays = excluded.weekdays, start_time = excluded.start_time,
         end_time = excluded.end_time, days_off = excluded.days_off, updated_at = now()
       returning escort_id, weekdays, start_time, end_time, days_off`,
      [
        generateEntityId("", "escsch"),
        escortId,
        JSON.stringify([...new Set(rule.weekdays)].sort()),
        rule.start_time,
        rule.end_time,
        JSON.stringify([...new Set(rule.days_off)].sort()),
      ]
    )
    return row
  }

  // ---- offers ----------------------------------------------------------------------

  /** The escorts a booking was ever offered to (each is offered once). */
  @InjectManager()
  async offeredEscortIds(bookingId: string, @MedusaContext() context: Context = {}) {
    const rows = await this.sql(context).execute<{ escort_id: string }>(
      `select escort_id from escort_dispatch_offer where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return rows.map((row) => row.escort_id)
  }

  @InjectManager()
  async liveOffer(bookingId: string, @MedusaContext() context: Context = {}) {
    const [row] = await this.sql(context).execute<DispatchOfferRow>(
      `select ${OFFER_COLUMNS} from escort_dispatch_offer
       where booking_id = ? and status = 'offered' and deleted_at is null`,
      [bookingId]
    )
    return row ?? null
  }

  /** Offers the booking to the escort; null when another offer of it is live already. */
  @InjectTransactionManager()
  async createOffer(
    bookingId: string,
    escortId: string,
    expiresAt: Date,
    @MedusaContext() context: Context = {}
  ): Promise<DispatchOfferRow | null> {
    const [row] = await this.sql(context).execute<DispatchOfferRow>(
      `insert into escort_dispatch_offer (id, booking_id, escort_id, status, expires_at, round)
       values (?, ?, ?, 'offered', ?,
         (select count(*) + 1 from escort_dispatch_offer where booking_id = ?))
       on conflict do nothing
       returning ${OFFER_COLUMNS}`,
      [generateEntityId("", "escof"), bookingId, escortId, expiresAt, bookingId]
    )
    return row ?? null
  }

  /** The escort's live offers, soonest deadline first. */
  @InjectManager()
  async offersTo(escortId: string, now: Date, @MedusaContext() context: Context = {}) {
    return this.sql(context).execute<DispatchOfferRow>(
      `select ${OFFER_COLUMNS} from escort_dispatch_offer
       where escort_id = ? and status = 'offered' and expires_at > ? and deleted_at is null
       order by expires_at, id limit 100`,
      [escortId, now]
    )
  }

  /**
   * The offered escort takes their offer (offered → accepted) before its deadline; 409 when
   * the task was not offered to them, or the offer ran out or was withdrawn.
   */
  @InjectTransactionManager()
  async claimOffer(
    bookingId: string,
    escortId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<DispatchOfferRow> {
    const [claimed] = await this.sql(context).execute<DispatchOfferRow>(
      `update escort_dispatch_offer set status = 'accepted', updated_at = now()
       where booking_id = ? and escort_id = ? and status = 'offered' and expires_at > ?
         and deleted_at is null
       returning ${OFFER_COLUMNS}`,
      [bookingId, escortId, now]
    )
    if (claimed) return claimed
    const [mine] = await this.sql(context).execute<DispatchOfferRow>(
      `select ${OFFER_COLUMNS} from escort_dispatch_offer
       where booking_id = ? and escort_id = ? and deleted_at is null`,
      [bookingId, escortId]
    )
    if (!mine) throw conflict("该任务由平台派单，未派给您，不能接单")
    if (mine.status === "declined") throw conflict("您已拒绝该派单，不能再接单")
    throw conflict("派单已超时或已改派，不能再接单")
  }

  /** Puts a claimed offer back (a workflow's compensation when the accept failed). */
  @InjectTransactionManager()
  async unclaimOffer(offerId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update escort_dispatch_offer set status = 'offered', updated_at = now()
       where id = ? and status = 'accepted'`,
      [offerId]
    )
  }

  /** The offered escort turns the task down; 404 when they hold no live offer of it. */
  @InjectTransactionManager()
  async declineOffer(
    bookingId: string,
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DispatchOfferRow> {
    const [declined] = await this.sql(context).execute<DispatchOfferRow>(
      `update escort_dispatch_offer set status = 'declined', updated_at = now()
       where booking_id = ? and escort_id = ? and status = 'offered' and deleted_at is null
       returning ${OFFER_COLUMNS}`,
      [bookingId, escortId]
    )
    if (!declined) throw notFound("没有待您确认的派单")
    return declined
  }

  /** Expires every offer past its deadline; returns the bookings that need the next escort. */
  @InjectTransactionManager()
  async expireOverdueOffers(now: Date, @MedusaContext() context: Context = {}) {
    const rows = await this.sql(context).execute<{ booking_id: string }>(
      `update escort_dispatch_offer set status = 'expired', updated_at = now()
       where status = 'offered' and expires_at <= ? and deleted_at is null
       returning booking_id`,
      [now]
    )
    return [...new Set(rows.map((row) => row.booking_id))]
  }

  /** Staff assigned the booking by hand: any live offer of it ends. */
  @InjectTransactionManager()
  async withdrawOffers(bookingId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update escort_dispatch_offer set status = 'withdrawn', updated_at = now()
       where booking_id = ? and status = 'offered'`,
      [bookingId]
    )
  }

  // ---- alerts ----------------------------------------------------------------------

  /** Raises the alert unless this booking already had one of this kind; null then. */
  @InjectTransactionManager()
  async raiseAlert(
    alert: { booking_id: string; kind: DispatchAlertKind; city: string; message: string },
    @MedusaContext() context: Context = {}
  ): Promise<DispatchAlertRow | null> {
    const [row] = await this.sql(context).execute<DispatchAlertRow>(
      `insert into escort_dispatch_alert (id, booking_id, kind, city, message)
       values (?, ?, ?, ?, ?)
       on conflict do nothing
       returning ${ALERT_COLUMNS}`,
      [generateEntityId("", "escal"), alert.booking_id, alert.kind, alert.city, alert.message]
    )
    return row ?? null
  }

  /** Marks the alert's SMS as sent; false when it had been sent already. */
  @InjectTransactionManager()
  async markAlertSms(id: string, @MedusaContext() context: Context = {}) {
    const rows = await this.sql(context).execute(
      `update escort_dispatch_alert set sms_sent_at = now(), updated_at = now()
       where id = ? and sms_sent_at is null returning id`,
      [id]
    )
    return rows.length > 0
  }

  @InjectManager()
  async alerts(
    filter: { open?: boolean; city?: string },
    @MedusaContext() context: Context = {}
  ): Promise<DispatchAlertRow[]> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    if (filter.open === true) where.push("resolved_at is null")
    if (filter.open === false) where.push("resolved_at is not null")
    if (filter.city) {
      where.push("city = ?")
      params.push(filter.city)
    }
    return this.sql(context).execute<DispatchAlertRow>(
      `select ${ALERT_COLUMNS} from escort_dispatch_alert where ${where.join(" and ")}
       order by created_at desc, id desc limit 200`,
      params
    )
  }

  /** Staff close an open alert with a note; 409 when it was resolved already. */
  @InjectTransactionManager()
  async resolveAlert(
    id: string,
    staffId: string,
    note: string,
    @MedusaContext() context: Context = {}
  ): Promise<DispatchAlertRow> {
    const [row] = await this.sql(context).execute<DispatchAlertRow>(
      `update escort_dispatch_alert set resolved_at = now(), resolved_by = ?,
         resolution_note = ?, updated_at = now()
       where id = ? and resolved_at is null and deleted_at is null
       returning ${ALERT_COLUMNS}`,
      [staffId, note, id]
    )
    if (row) return row
    const [exists] = await this.sql(context).execute(
      `select id from escort_dispatch_alert where id = ? and deleted_at is null`,
      [id]
    )
    if (!exists) throw notFound("未找到该告警")
    throw conflict("该告警已处理")
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort-dispatch")
  }
}

export default EscortDispatchModuleService
