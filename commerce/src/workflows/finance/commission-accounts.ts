import { maskedMemberLabel, maskPhone } from "@health/medusa-plugin-affiliate"
import {
  commissionAccountsQuery,
  commissionEntriesSql,
  type CommissionFigure,
} from "./commission-accounting-sql"
import type { Knex, RollupKnex } from "./finance-knex"
import { periodBounds } from "./finance-period"
import { ledgerSpanOf } from "./ledger-rollup"

/** The figures of one affiliate (or all) over a period, in fen. */
export type CommissionFigures = {
  accrued: number
  reversed: number
  matured: number
  withdrawn: number
  pending: number
  available: number
  /** pending + available at the end of the period: what is still owed. */
  outstanding: number
  /** pending + available at the start of the period. */
  opening_outstanding: number
}

export type CommissionAccount = CommissionFigures & {
  affiliate_id: string
  code: string
  status: string
  customer_id: string
  /** Masked: 138****5678, else a masked name. Payee bank details are never part of it. */
  member: string
}

export type CommissionAccountsPage = {
  accounts: CommissionAccount[]
  totals: CommissionFigures
  count: number
  offset: number
  limit: number
}

export type CommissionPeriod = { from: string; to: string }

const n = (value: unknown) => Number(value ?? 0)

function figuresOf(row: Record<string, unknown> | undefined, prefix = ""): CommissionFigures {
  const get = (key: string) => n(row?.[`${prefix}${key}`])
  return {
    accrued: get("accrued"),
    reversed: get("reversed"),
    matured: get("matured"),
    withdrawn: get("withdrawn"),
    pending: get("pending"),
    available: get("available"),
    outstanding: get("pending") + get("available"),
    opening_outstanding: get("opening_outstanding"),
  }
}

const text = (row: Record<string, unknown>, key: string) => (row[key] as string | null) ?? null

/** A masked member label from a row's `prefix`phone, name and e-mail columns. */
export const memberOf = (row: Record<string, unknown>, prefix: string) =>
  maskPhone(text(row, `${prefix}phone`)) ??
  maskedMemberLabel({
    first_name: text(row, `${prefix}first_name`),
    last_name: text(row, `${prefix}last_name`),
    email: text(row, `${prefix}email`),
  })

/** 分销核算: one page of affiliates with their figures, and the totals of all of them. */
export async function readCommissionAccounts(
  knex: RollupKnex,
  period: CommissionPeriod & { affiliate_id?: string; offset: number; limit: number }
): Promise<CommissionAccountsPage> {
  const { start, end } = periodBounds(period.from, period.to)
  const { rows, totalsRow } = await knex.transaction(async (trx) => {
    // One snapshot for which months are rolled up and the figures; no JIT: compiling the
    // query took longer than running it.
    await trx.raw("set transaction isolation level repeatable read, read only", [])
    await trx.raw("set local jit = off", [])
    const { atStart, atEnd } = await ledgerSpanOf(trx, period.from, period.to)
    const read = (limit: number, offset: number) => {
      const { sql, bindings } = commissionAccountsQuery({
        t0: start,
        t1: end,
        affiliate_id: period.affiliate_id ?? null,
        atStart,
        atEnd,
        limit,
        offset,
      })
      return trx.raw(sql, bindings)
    }
    const page = (await read(period.limit, period.offset)).rows
    // Past the last page there are no rows to carry the totals: read them from the first.
    return {
      rows: page,
      totalsRow: page[0] ?? (period.offset > 0 ? (await read(1, 0)).rows[0] : undefined),
    }
  })
  return {
    accounts: rows.map((row) => ({
      affiliate_id: String(row.affiliate_id),
      code: String(row.code),
      status: String(row.status),
      customer_id: String(row.customer_id),
      member: memberOf(row, ""),
      ...figuresOf(row),
    })),
    totals: figuresOf(totalsRow, "total_"),
    count: n(totalsRow?.total_count),
    offset: period.offset,
    limit: period.limit,
  }
}

/** One ledger line behind a commission figure. */
export type CommissionEntry = {
  id: string
  kind: string
  bucket: string
  amount: number
  created_at: string
  order_id: string | null
  order_display_id: number | null
  product_id: string | null
  product_title: string | null
  level: number | null
  rate_bp: number | null
  base_amount: number | null
  withdrawal_id: string | null
  note: string | null
  /** The buyer of the order, masked. */
  buyer: string | null
}

export type CommissionEntriesPage = {
  entries: CommissionEntry[]
  count: number
  /** The sum of every line behind the figure, in fen. */
  amount: number
  offset: number
  limit: number
}

/** The ledger lines behind one figure of one affiliate, oldest first, paged. */
export async function readCommissionEntries(
  knex: Knex,
  input: CommissionPeriod & {
    affiliate_id: string
    figure: CommissionFigure
    offset: number
    limit?: number
  }
): Promise<CommissionEntriesPage> {
  const { start, end } = periodBounds(input.from, input.to)
  const read = (limit: number | undefined, offset: number) =>
    knex.raw(
      `${commissionEntriesSql(input.figure)}${limit === undefined ? "" : " limit ? offset ?"}`,
      [input.affiliate_id, start, end, ...(limit === undefined ? [] : [limit, offset])]
    )
  const { rows } = await read(input.limit, input.offset)
  // Past the last page there are no rows to carry the count and sum: read them from the first.
  const totalsRow = rows[0] ?? (input.offset > 0 ? (await read(1, 0)).rows[0] : undefined)
  const numberOrNull = (value: unknown) => (value == null ? null : Number(value))
  return {
    entries: rows.map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      bucket: String(row.bucket),
      amount: n(row.amount),
      created_at: new Date(row.created_at as string).toISOString(),
      order_id: text(row, "order_id"),
      order_display_id: numberOrNull(row.order_display_id),
      product_id: text(row, "product_id"),
      product_title: text(row, "product_title"),
      level: numberOrNull(row.level),
      rate_bp: numberOrNull(row.rate_bp),
      base_amount: numberOrNull(row.base_amount),
      withdrawal_id: text(row, "withdrawal_id"),
      note: text(row, "note"),
      buyer: row.order_id ? memberOf(row, "buyer_") : null,
    })),
    count: n(totalsRow?.total_count),
    amount: n(totalsRow?.total_amount),
    offset: input.offset,
    limit: input.limit ?? rows.length,
  }
}
