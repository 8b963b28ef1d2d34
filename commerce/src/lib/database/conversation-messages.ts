import type { Sql } from "./context-sql"

/**
 * Where one kind of conversation keeps its messages: the table, the column naming the
 * conversation (a booking, a consultation) and the columns a read answers. Constants of the
 * module that owns the table, never input: they are written into the SQL.
 */
export type MessageTable = {
  table: string
  conversationColumn: string
  columns: string
  /** How many messages one read answers; `after` pages on. */
  pageSize: number
}

/**
 * A conversation's messages, oldest first; with `after` (a message id of this conversation)
 * only the ones written after it. An id the conversation does not have reads from the start.
 * (created_at, id) orders them, so messages written in the same instant still page in turn.
 */
export async function conversationMessages<Row>(
  sql: Sql,
  where: MessageTable,
  conversationId: string,
  after: string | null
): Promise<Row[]> {
  const { table, conversationColumn, columns, pageSize } = where
  const [from] = after
    ? await sql.execute<{ id: string }>(
        `select id from ${table} where id = ? and ${conversationColumn} = ?`,
        [after, conversationId]
      )
    : []
  return sql.execute<Row>(
    `select ${columns} from ${table}
     where ${conversationColumn} = ? and deleted_at is null ${
       from ? `and (created_at, id) > (select created_at, id from ${table} where id = ?)` : ""
     }
     order by created_at, id limit ${pageSize}`,
    from ? [conversationId, from.id] : [conversationId]
  )
}

/** The conversation's newest message id, where a live stream starts; null before the first. */
export async function latestConversationMessageId(
  sql: Sql,
  where: MessageTable,
  conversationId: string
): Promise<string | null> {
  const [row] = await sql.execute<{ id: string }>(
    `select id from ${where.table} where ${where.conversationColumn} = ? and deleted_at is null
     order by created_at desc, id desc limit 1`,
    [conversationId]
  )
  return row?.id ?? null
}
