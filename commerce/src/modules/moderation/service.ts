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
import { ModerationItem } from "./models/moderation-item"
import { ModerationWord } from "./models/moderation-word"
import type { ModerationCategory, ModerationStatus } from "./rules/moderation-categories"
import { screenText, type ScreenMatch, type ScreenResult } from "./rules/screen-text"
import type {
  ModeratedContent,
  ModerationDecision,
  ModerationItemRow,
  ModerationReport,
  ModerationWordRow,
} from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const ITEM_COLUMNS = `id, source_type, source_id, author_type, author_id, text, status, matches,
  reports, final_text, decision_reason, decided_by, decided_at, created_at, updated_at`

/**
 * Moderation of what users write: the maintained word list, the filter that reads it, and
 * the queue of flagged or reported items staff decide. It knows content only by source
 * type and id; applying a decision to the content is the moderation workflows' part.
 */
class ModerationModuleService extends MedusaService({ ModerationWord, ModerationItem }) {
  // ---- the word list -----------------------------------------------------------------

  @InjectManager()
  async words(@MedusaContext() context: Context = {}): Promise<ModerationWordRow[]> {
    return this.sql(context).execute<ModerationWordRow>(
      `select id, word, category, active, created_at from moderation_word
       where deleted_at is null order by category, word`
    )
  }

  /** Adds a word; the same word twice is a 409 (it is already on the list). */
  @InjectTransactionManager()
  async addWord(
    input: { word: string; category: ModerationCategory },
    @MedusaContext() context: Context = {}
  ): Promise<ModerationWordRow> {
    const [row] = await this.sql(context).execute<ModerationWordRow>(
      `insert into moderation_word (id, word, category, active) values (?, ?, ?, true)
       on conflict (word) where deleted_at is null do nothing
       returning id, word, category, active, created_at`,
      [generateEntityId("", "modw"), input.word, input.category]
    )
    if (!row) throw conflict(`「${input.word}」已在敏感词表中`)
    return row
  }

  @InjectTransactionManager()
  async changeWord(
    id: string,
    input: { category?: ModerationCategory; active?: boolean },
    @MedusaContext() context: Context = {}
  ): Promise<ModerationWordRow> {
    const [row] = await this.sql(context).execute<ModerationWordRow>(
      `update moderation_word set category = coalesce(?, category),
         active = coalesce(?, active), updated_at = now()
       where id = ? and deleted_at is null
       returning id, word, category, active, created_at`,
      [input.category ?? null, input.active ?? null, id]
    )
    if (!row) throw notFound("没有找到这个敏感词")
    return row
  }

  @InjectTransactionManager()
  async removeWord(id: string, @MedusaContext() context: Context = {}): Promise<void> {
    const removed = await this.sql(context).execute(
      `update moderation_word set deleted_at = now() where id = ? and deleted_at is null
       returning id`,
      [id]
    )
    if (!removed.length) throw notFound("没有找到这个敏感词")
  }

  /** Screens a text against the active words (see rules/screen-text.ts). */
  @InjectManager()
  async screen(text: string, @MedusaContext() context: Context = {}): Promise<ScreenResult> {
    const words = await this.sql(context).execute<{ word: string; category: ModerationCategory }>(
      `select word, category from moderation_word where active and deleted_at is null`
    )
    return screenText(text, words)
  }

  // ---- the queue ---------------------------------------------------------------------

  /**
   * The filter flagged `content`: it waits for staff. Written again before a decision (an
   * edited review), the item keeps its place with the new text.
   */
  @InjectTransactionManager()
  async flag(
    content: ModeratedContent,
    matches: ScreenMatch[],
    @MedusaContext() context: Context = {}
  ): Promise<ModerationItemRow> {
    const [row] = await this.sql(context).execute<{ id: string }>(
      `insert into moderation_item (id, source_type, source_id, author_type, author_id, text,
         status, matches)
       values (?, ?, ?, ?, ?, ?, 'pending', ?::jsonb)
       on conflict (source_type, source_id) where deleted_at is null do update set
         text = excluded.text, matches = excluded.matches, status = 'pending',
         final_text = null, decision_reason = null, decided_by = null, decided_at = null,
         updated_at = now()
       returning id`,
      [
        generateEntityId("", "modi"),
        content.source_type,
        content.source_id,
        content.author_type,
        content.author_id,
        content.text,
        JSON.stringify(matches),
      ]
    )
    return this.item(row.id, context)
  }

  /**
   * The content was rewritten and passes the filter now: an undecided item about it leaves
   * the queue (nothing is left to decide). Decided items stay as the record.
   */
  @InjectTransactionManager()
  async withdrawPending(
    source: { source_type: ModeratedContent["source_type"]; source_id: string },
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.sql(context).execute(
      `update moderation_item set deleted_at = now()
       where source_type = ? and source_id = ? and status = 'pending' and deleted_at is null`,
      [source.source_type, source.source_id]
    )
  }

  /**
   * A user reported `content`: it joins the queue, or an item already there gains the
   * report. An approved item goes back to staff; a rejected one stays rejected (hidden).
   */
  @InjectTransactionManager()
  async report(
    content: ModeratedContent,
    report: Omit<ModerationReport, "at">,
    @MedusaContext() context: Context = {}
  ): Promise<ModerationItemRow> {
    const entry = JSON.stringify([{ ...report, at: new Date().toISOString() }])
    const [row] = await this.sql(context).execute<{ id: string }>(
      `insert into moderation_item (id, source_type, source_id, author_type, author_id, text,
         status, reports)
       values (?, ?, ?, ?, ?, ?, 'pending', ?::jsonb)
       on conflict (source_type, source_id) where deleted_at is null do update set
         reports = moderation_item.reports || excluded.reports,
         status = case when moderation_item.status = 'rejected' then 'rejected' else 'pending' end,
         updated_at = now()
       returning id`,
      [
        generateEntityId("", "modi"),
        content.source_type,
        content.source_id,
        content.author_type,
        content.author_id,
        content.text,
        entry,
      ]
    )
    return this.item(row.id, context)
  }

  /** Staff decide a pending item, once: a second decision (or one on a decided item) is 409. */
  @InjectTransactionManager()
  async decide(
    id: string,
    decision: ModerationDecision,
    @MedusaContext() context: Context = {}
  ): Promise<ModerationItemRow> {
    const current = await this.item(id, context)
    const approve = decision.action === "approve"
    const moved = await this.sql(context).execute(
      `update moderation_item set status = ?, final_text = ?, decision_reason = ?,
         decided_by = ?, decided_at = now(), updated_at = now()
       where id = ? and status = 'pending' and deleted_at is null returning id`,
      [
        approve ? "approved" : "rejected",
        approve ? (decision.text ?? current.text) : null,
        approve ? null : decision.reason,
        decision.staff_id,
        id,
      ]
    )
    if (!moved.length) throw conflict("该内容已审核，不能重复处理")
    return this.item(id, context)
  }

  /** Takes a decision back (a workflow's compensation): the item waits for staff again. */
  @InjectTransactionManager()
  async undoDecision(id: string, @MedusaContext() context: Context = {}): Promise<void> {
    await this.sql(context).execute(
      `update moderation_item set status = 'pending', final_text = null, decision_reason = null,
         decided_by = null, decided_at = null, updated_at = now()
       where id = ? and deleted_at is null`,
      [id]
    )
  }

  @InjectManager()
  async item(id: string, @MedusaContext() context: Context = {}): Promise<ModerationItemRow> {
    const [row] = await this.sql(context).execute<ModerationItemRow>(
      `select ${ITEM_COLUMNS} from moderation_item where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("没有找到这条待审核内容")
    return row
  }

  @InjectManager()
  async itemsOf(
    source: { source_type: ModeratedContent["source_type"]; source_ids: string[] },
    @MedusaContext() context: Context = {}
  ): Promise<ModerationItemRow[]> {
    if (!source.source_ids.length) return []
    return this.sql(context).execute<ModerationItemRow>(
      `select ${ITEM_COLUMNS} from moderation_item
       where source_type = ? and source_id in (${source.source_ids.map(() => "?").join(", ")})
         and deleted_at is null`,
      [source.source_type, ...source.source_ids]
    )
  }

  @InjectManager()
  async queue(
    filters: { status?: ModerationStatus },
    page: { limit: number; offset: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ items: ModerationItemRow[]; count: number }> {
    const where = ["deleted_at is null"]
    const params: unknown[] = []
    if (filters.status) {
      where.push("status = ?")
      params.push(filters.status)
    }
    const sql = this.sql(context)
    const items = await sql.execute<ModerationItemRow>(
      `select ${ITEM_COLUMNS} from moderation_item where ${where.join(" and ")}
       order by created_at asc, id asc limit ? offset ?`,
      [...params, page.limit, page.offset]
    )
    const [{ count }] = await sql.execute<{ count: string }>(
      `select count(*) as count from moderation_item where ${where.join(" and ")}`,
      params
    )
    return { items, count: Number(count) }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "moderation")
  }
}

export default ModerationModuleService
