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
import { EscortReview } from "./models/escort-review"
import { EscortReviewWindow } from "./models/escort-review-window"
import {
  REVIEW_WINDOW_HOURS,
  revealDue,
  type ReviewAuthor,
  type ReviewModeration,
} from "./rules/review-reveal"
import type { EscortReviewRow, EscortReviewWindowRow, NewEscortReview } from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

const REVIEW_COLUMNS = `id, booking_id, author, author_id, escort_id, rating, tags, text,
  photo_upload_ids, moderation, shown_text, rejected_reason, opened_at, created_at, updated_at`
const WINDOW_COLUMNS = `id, booking_id, escort_id, customer_id, started_at, opened_at`
/** Shown reviews: opened, and clear or approved by staff. */
const SHOWN = `opened_at is not null and moderation in ('clear', 'approved')`

/**
 * Two-way anonymous 陪诊 reviews. Every write and the opening take the booking's window
 * row `for update`, so a review saved while the window opens either lands before (and opens
 * with it) or is refused as opened; never half of each.
 */
class EscortReviewModuleService extends MedusaService({ EscortReview, EscortReviewWindow }) {
  /** The booking's window, created on first use with its start at 服务完成. */
  @InjectTransactionManager()
  async ensureWindow(
    input: { booking_id: string; escort_id: string; customer_id: string; started_at: Date },
    @MedusaContext() context: Context = {}
  ): Promise<EscortReviewWindowRow> {
    await this.sql(context).execute(
      `insert into escort_review_window (id, booking_id, escort_id, customer_id, started_at)
       values (?, ?, ?, ?, ?)
       on conflict (booking_id) where deleted_at is null do nothing`,
      [
        generateEntityId("", "escrw"),
        input.booking_id,
        input.escort_id,
        input.customer_id,
        input.started_at,
      ]
    )
    return (await this.windowOf(input.booking_id, context))!
  }

  @InjectManager()
  async windowOf(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortReviewWindowRow | null> {
    const [row] = await this.sql(context).execute<EscortReviewWindowRow>(
      `select ${WINDOW_COLUMNS} from escort_review_window
       where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return row ? this.windowDates(row) : null
  }

  @InjectManager()
  async reviewsOf(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortReviewRow[]> {
    const rows = await this.sql(context).execute<EscortReviewRow>(
      `select ${REVIEW_COLUMNS} from escort_review where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return rows.map((row) => this.reviewNumbers(row))
  }

  @InjectManager()
  async review(id: string, @MedusaContext() context: Context = {}): Promise<EscortReviewRow> {
    const [row] = await this.sql(context).execute<EscortReviewRow>(
      `select ${REVIEW_COLUMNS} from escort_review where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这条评价")
    return this.reviewNumbers(row)
  }

  /**
   * Writes or rewrites the author's review while the window is sealed; after it opened the
   * review is fixed (409). Answers the review and the one it replaced, if any.
   */
  @InjectTransactionManager()
  async saveReview(
    input: NewEscortReview,
    @MedusaContext() context: Context = {}
  ): Promise<{ review: EscortReviewRow; previous: EscortReviewRow | null }> {
    const sql = this.sql(context)
    const [window] = await sql.execute<{ opened_at: Date | null }>(
      `select opened_at from escort_review_window where booking_id = ? and deleted_at is null
       for update`,
      [input.booking_id]
    )
    if (!window) throw conflict("服务完成后才能评价")
    if (window.opened_at) throw conflict("评价已公开，不能再修改")
    const previous =
      (await this.reviewsOf(input.booking_id, context)).find((r) => r.author === input.author) ??
      null
    await sql.execute(
      `insert into escort_review (id, booking_id, author, author_id, escort_id, rating, tags,
         text, photo_upload_ids, moderation)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
       on conflict (booking_id, author) where deleted_at is null do update set
         rating = excluded.rating, tags = excluded.tags, text = excluded.text,
         photo_upload_ids = excluded.photo_upload_ids, moderation = excluded.moderation,
         shown_text = null, rejected_reason = null, updated_at = now()`,
      [
        generateEntityId("", "escrv"),
        input.booking_id,
        input.author,
        input.author_id,
        input.escort_id,
        input.rating,
        JSON.stringify(input.tags),
        input.text,
        JSON.stringify(input.photo_upload_ids),
        input.moderation,
      ]
    )
    const review = (await this.reviewsOf(input.booking_id, context)).find(
      (r) => r.author === input.author
    )!
    return { review, previous }
  }

  /** Puts a review back as it was (a workflow's compensation); a new one is removed. */
  @InjectTransactionManager()
  async restoreReview(
    bookingId: string,
    author: ReviewAuthor,
    previous: EscortReviewRow | null,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const sql = this.sql(context)
    if (!previous) {
      await sql.execute(
        `delete from escort_review where booking_id = ? and author = ? and opened_at is null`,
        [bookingId, author]
      )
      return
    }
    await sql.execute(
      `update escort_review set rating = ?, tags = ?::jsonb, text = ?, photo_upload_ids = ?::jsonb,
         moderation = ?, shown_text = ?, rejected_reason = ?, updated_at = now()
       where id = ? and opened_at is null`,
      [
        previous.rating,
        JSON.stringify(previous.tags),
        previous.text,
        JSON.stringify(previous.photo_upload_ids),
        previous.moderation,
        previous.shown_text,
        previous.rejected_reason,
        previous.id,
      ]
    )
  }

  /**
   * Opens the booking's window when it is due at `now` (both written, or 48 h passed): the
   * window and every review in it at the same moment. False when it was not due or already
   * open (a second sweep, or a read racing the sweep).
   */
  @InjectTransactionManager()
  async openIfDue(
    bookingId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ opened: boolean; reviews: EscortReviewRow[] }> {
    const sql = this.sql(context)
    const [row] = await sql.execute<EscortReviewWindowRow>(
      `select ${WINDOW_COLUMNS} from escort_review_window
       where booking_id = ? and deleted_at is null for update`,
      [bookingId]
    )
    if (!row) return { opened: false, reviews: [] }
    const window = this.windowDates(row)
    const reviews = await this.reviewsOf(bookingId, context)
    const written = new Set(reviews.map((review) => review.author))
    if (!revealDue(window, written, now)) return { opened: false, reviews }
    await sql.execute(
      `update escort_review_window set opened_at = ?, updated_at = now() where id = ?`,
      [now, window.id]
    )
    await sql.execute(
      `update escort_review set opened_at = ?, updated_at = now()
       where booking_id = ? and opened_at is null and deleted_at is null`,
      [now, bookingId]
    )
    return { opened: true, reviews: await this.reviewsOf(bookingId, context) }
  }

  /** Bookings whose sealed window is due at `now`: both written, or one past its 48 h. */
  @InjectManager()
  async dueBookingIds(now: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    const rows = await this.sql(context).execute<{ booking_id: string }>(
      `select w.booking_id from escort_review_window w
       join escort_review r on r.booking_id = w.booking_id and r.deleted_at is null
       where w.opened_at is null and w.deleted_at is null
       group by w.booking_id, w.started_at
       having count(distinct r.author) = 2
          or w.started_at <= ?::timestamptz - make_interval(hours => ?)
       order by w.started_at limit 500`,
      [now, REVIEW_WINDOW_HOURS]
    )
    return rows.map((row) => row.booking_id)
  }

  /** Staff decided a review's text: approved (as written or edited) or rejected with a reason. */
  @InjectTransactionManager()
  async applyModeration(
    reviewId: string,
    decision: {
      moderation: Extract<ReviewModeration, "pending" | "approved" | "rejected">
      shown_text?: string | null
      rejected_reason?: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<EscortReviewRow> {
    await this.sql(context).execute(
      `update escort_review set moderation = ?, shown_text = ?, rejected_reason = ?,
         updated_at = now()
       where id = ? and deleted_at is null`,
      [decision.moderation, decision.shown_text ?? null, decision.rejected_reason ?? null, reviewId]
    )
    return this.review(reviewId, context)
  }

  /** Shown member → escort ratings of these escorts, one per booking (ratings inputs). */
  @InjectManager()
  async shownMemberRatings(
    escortIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<{ escort_id: string; booking_id: string; rating: number }[]> {
    if (!escortIds.length) return []
    const rows = await this.sql(context).execute<{
      escort_id: string
      booking_id: string
      rating: number
    }>(
      `select escort_id, booking_id, rating from escort_review
       where author = 'member' and ${SHOWN} and deleted_at is null
         and escort_id in (${escortIds.map(() => "?").join(", ")})`,
      escortIds
    )
    return rows.map((row) => ({ ...row, rating: Number(row.rating) }))
  }

  /** An escort's shown reviews from members, newest first (the public list). */
  @InjectManager()
  async shownReviewsOfEscort(
    escortId: string,
    page: { limit: number; offset: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ reviews: EscortReviewRow[]; count: number }> {
    const sql = this.sql(context)
    const rows = await sql.execute<EscortReviewRow>(
      `select ${REVIEW_COLUMNS} from escort_review
       where escort_id = ? and author = 'member' and ${SHOWN} and deleted_at is null
       order by opened_at desc, id desc limit ? offset ?`,
      [escortId, page.limit, page.offset]
    )
    const [{ count }] = await sql.execute<{ count: string }>(
      `select count(*) as count from escort_review
       where escort_id = ? and author = 'member' and ${SHOWN} and deleted_at is null`,
      [escortId]
    )
    return { reviews: rows.map((row) => this.reviewNumbers(row)), count: Number(count) }
  }

  private windowDates(row: EscortReviewWindowRow): EscortReviewWindowRow {
    return {
      ...row,
      started_at: new Date(row.started_at),
      opened_at: row.opened_at ? new Date(row.opened_at) : null,
    }
  }

  private reviewNumbers(row: EscortReviewRow): EscortReviewRow {
    return {
      ...row,
      rating: Number(row.rating),
      opened_at: row.opened_at ? new Date(row.opened_at) : null,
    }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort-review")
  }
}

export default EscortReviewModuleService
