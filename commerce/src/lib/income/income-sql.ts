import type { Sql } from "../database/context-sql"

/**
 * SQL the income modules share (escort income per booking, doctor income per consultation):
 * the same ledger shapes, earnings → withdrawals, over each module's own tables. Table and
 * column names come from the calling module's constants, never from a request.
 */

/** `deleted_at is null` and `column = ?` for each filter that is set (truthy), in order. */
export function liveWhere(filters: [column: string, value: unknown][]): {
  where: string
  params: unknown[]
} {
  const where = ["deleted_at is null"]
  const params: unknown[] = []
  for (const [column, value] of filters) {
    if (!value) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  return { where: where.join(" and "), params }
}

/** One page of a table's live rows, newest first, and how many match in all. */
export async function pageOfRows<T>(
  sql: Sql,
  query: {
    table: string
    columns: string
    filters: [column: string, value: unknown][]
    page: { limit: number; offset: number }
  }
): Promise<{ rows: T[]; count: number }> {
  const { where, params } = liveWhere(query.filters)
  const rows = await sql.execute<T>(
    `select ${query.columns} from ${query.table} where ${where}
     order by created_at desc, id desc limit ? offset ?`,
    [...params, query.page.limit, query.page.offset]
  )
  const [{ count }] = await sql.execute<{ count: string }>(
    `select count(*) as count from ${query.table} where ${where}`,
    params
  )
  return { rows, count: Number(count) }
}

/** Pending earnings whose hold has passed by `now` become available; their ids. */
export async function releaseDueEarnings(sql: Sql, table: string, now: Date): Promise<string[]> {
  const moved = await sql.execute<{ id: string }>(
    `update ${table} set status = 'available', available_at = release_at,
       updated_at = now()
     where status = 'pending' and release_at <= ? and deleted_at is null returning id`,
    [now]
  )
  return moved.map((row) => row.id)
}

/** The payee's advisory lock for the transaction: their withdrawals move one at a time. */
export async function lockPayee(sql: Sql, key: string): Promise<void> {
  await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [key])
}

const yuan = (fen: number) => (fen / 100).toFixed(2)

/** The refusal of a withdrawal above the available balance. */
export function insufficientBalanceMessage(availableFen: number, amountFen: number): string {
  return `可提现余额不足：当前可提现 ¥${yuan(availableFen)}，申请 ¥${yuan(amountFen)}`
}

/** The refusal of a move from a state it does not start from. */
export function wrongWithdrawalStateMessage(currentLabel: string, needs: string): string {
  return `该提现申请当前为「${currentLabel}」，只有${needs}的申请可以这样处理`
}

/** Postgres answers bigint columns as strings: the withdrawal's amount as a number. */
export function withdrawalNumbers<T extends { amount_fen: number }>(row: T): T {
  return { ...row, amount_fen: Number(row.amount_fen) }
}
