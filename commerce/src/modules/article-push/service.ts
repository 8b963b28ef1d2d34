import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { ArticlePush } from "./models/article-push"
import { ArticlePushDelivery } from "./models/article-push-delivery"
import { contextSql, type Sql } from "../../lib/database/context-sql"

export type ChannelState =
  | "pending"
  | "sent"
  | "opted_out"
  | "no_phone"
  | "no_openid"
  | "not_subscribed"
  | "failed"

export type DeliveryRow = {
  id: string
  document_id: string
  customer_id: string
  inbox: boolean
  sms: ChannelState
  wechat: ChannelState
}

export type PushCounts = {
  document_id: string
  title: string
  slug: string | null
  tags: string[]
  scanned: number
  targeted: number
  inbox: number
  sms: number
  wechat: number
  skipped_opt_out: { sms: number; wechat: number }
  created_at: Date
}

class ArticlePushModuleService extends MedusaService({ ArticlePush, ArticlePushDelivery }) {
  /** Records (or refreshes) the article a push is about, before its batches run. */
  @InjectManager()
  async startPush(
    input: { document_id: string; title: string; slug: string | null; tags: string[] },
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.sql(context).execute(
      `insert into article_push (id, document_id, title, slug, tags, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, now(), now())
       on conflict (document_id) where deleted_at is null
       do update set title = excluded.title, slug = excluded.slug, tags = excluded.tags,
         updated_at = now()`,
      [
        generateEntityId(undefined, "apush"),
        input.document_id,
        input.title,
        input.slug,
        JSON.stringify(input.tags),
      ]
    )
  }

  @InjectManager()
  async addScanned(
    documentId: string,
    count: number,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    await this.sql(context).execute(
      `update article_push set scanned = scanned + ?, updated_at = now()
       where document_id = ? and deleted_at is null`,
      [count, documentId]
    )
  }

  /** The member's delivery row for the article, created on first call (a claim). */
  @InjectManager()
  async claimDelivery(
    documentId: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DeliveryRow> {
    const sql = this.sql(context)
    await sql.execute(
      `insert into article_push_delivery (id, document_id, customer_id, created_at, updated_at)
       values (?, ?, ?, now(), now()) on conflict do nothing`,
      [generateEntityId(undefined, "apdel"), documentId, customerId]
    )
    const [row] = await sql.execute<DeliveryRow>(
      `select id, document_id, customer_id, inbox, sms, wechat from article_push_delivery
       where document_id = ? and customer_id = ? and deleted_at is null`,
      [documentId, customerId]
    )
    return row
  }

  @InjectManager()
  async markDelivery(
    id: string,
    change: Partial<Pick<DeliveryRow, "inbox" | "sms" | "wechat">>,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const keys = Object.keys(change) as (keyof typeof change)[]
    if (!keys.length) return
    await this.sql(context).execute(
      `update article_push_delivery set ${keys.map((key) => `"${key}" = ?`).join(", ")},
         updated_at = now() where id = ?`,
      [...keys.map((key) => change[key]), id]
    )
  }

  /** Per pushed article, newest first: who was targeted and what each channel did. */
  @InjectManager()
  async listPushCounts(
    { take = 50, skip = 0 } = {},
    @MedusaContext() context: Context = {}
  ): Promise<{ pushes: PushCounts[]; count: number }> {
    const sql = this.sql(context)
    const rows = await sql.execute<Record<string, unknown>>(
      `select p.document_id, p.title, p.slug, p.tags, p.scanned, p.created_at,
         count(d.id)::int as targeted,
         count(d.id) filter (where d.inbox)::int as inbox,
         count(d.id) filter (where d.sms = 'sent')::int as sms,
         count(d.id) filter (where d.wechat = 'sent')::int as wechat,
         count(d.id) filter (where d.sms = 'opted_out')::int as sms_opted_out,
         count(d.id) filter (where d.wechat = 'opted_out')::int as wechat_opted_out
       from article_push p
       left join article_push_delivery d
         on d.document_id = p.document_id and d.deleted_at is null
       where p.deleted_at is null
       group by p.id
       order by p.created_at desc
       limit ? offset ?`,
      [take, skip]
    )
    const [{ count }] = await sql.execute<{ count: number }>(
      `select count(*)::int as count from article_push where deleted_at is null`
    )
    return {
      count,
      pushes: rows.map((row) => ({
        document_id: row.document_id as string,
        title: row.title as string,
        slug: (row.slug as string) ?? null,
        tags: row.tags as string[],
        scanned: row.scanned as number,
        targeted: row.targeted as number,
        inbox: row.inbox as number,
        sms: row.sms as number,
        wechat: row.wechat as number,
        skipped_opt_out: {
          sms: row.sms_opted_out as number,
          wechat: row.wechat_opted_out as number,
        },
        created_at: new Date(row.created_at as string),
      })),
    }
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "article-push")
  }
}

export default ArticlePushModuleService
