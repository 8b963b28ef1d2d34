import { Client } from "pg"
import { adminToken, call, eventually, post } from "./commerce-api"
import { registerByApi } from "./members"
import { buyInMiniprogram } from "./miniprogram-checkout"
import { wechatpaySandboxUrl } from "./wechat-client"

/**
 * A month of money that already happened, for journeys that close last month: everything
 * goes through the real flows today (a referred member's mini-program order paid by WeChat
 * Pay, finance's partial refund, the order completed, the referrer's commission withdrawn
 * and paid), then this test-only step moves the rows to a day of last month, as if it had
 * all happened then: the order, its payment, capture and refund, the referrer's ledger lines
 * and withdrawal, and the WeChat Pay sandbox's record of the trade (its bills list it on
 * that day). The finance rollup's triggers mark the days dirty, so reports read them raw.
 */

const HOUR_MS = 3_600_000

/** The 15th of last month, 10:00 Beijing time: inside the month whatever today is. */
export function lastMonthMoment(now = new Date()): Date {
  const beijing = new Date(now.getTime() + 8 * HOUR_MS)
  const year = beijing.getUTCFullYear()
  const month = beijing.getUTCMonth() // 0-based: this month; last month is month - 1
  return new Date(Date.UTC(year, month - 1, 15, 2, 0, 0))
}

/** The Beijing date of an instant. */
export const beijingDate = (at: Date) =>
  new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10)

function commerceDatabaseUrl(): string {
  const url = process.env.E2E_COMMERCE_DATABASE_URL || process.env.DATABASE_URL
  if (!url) throw new Error("E2E_COMMERCE_DATABASE_URL is not set (global setup sets it)")
  return url
}

export type LastMonthMoney = {
  orderId: string
  /** Paid, refunded, the order's commissions net of reversals, and the payout, in fen. */
  paid: number
  refunded: number
  commissions: number
  payout: number
  /** The Beijing date it all happened on. */
  day: string
}

/**
 * Seeds one referred order with a partial refund, its commission and a paid withdrawal, and
 * moves them to `at` (default: the 15th of last month, 10:00 Beijing).
 */
export async function seedLastMonthMoney(
  run: string,
  handle: string,
  financeToken: string,
  at = lastMonthMoment()
): Promise<LastMonthMoney> {
  const admin = { token: await adminToken(), admin: true }
  const asFinance = { token: financeToken, admin: true }

  // The referrer, and the buyer bound to them before buying (the commission's condition).
  const referrer = await registerByApi(`fin-ref-${run}@example.com`, "林推荐")
  const { affiliate } = await call<{ affiliate: { code: string } }>("/store/affiliate/me", {
    token: referrer,
  })
  const buyerWho = `fin-lm-${run}`
  // The buyer's first wx.login (each code works once; buyInMiniprogram's is ".1").
  const { token: buyer } = await post<{ token: string }>("/auth/customer/wechat", {
    code: `wx-code-${buyerWho}.0`,
  })
  await post("/store/affiliate/bind", { code: affiliate.code }, { token: buyer })
  const bought = await buyInMiniprogram(buyerWho, handle)

  // Finance refunds ¥10 of it; staff complete the order, so the rest of the commission matures.
  const refunded = 1_000
  const { order } = await call<{
    order: { payment_collections: { payments: { id: string; data: Record<string, unknown> }[] }[] }
  }>(`/admin/orders/${bought.orderId}?fields=id,*payment_collections.payments`, asFinance)
  const [payment] = order.payment_collections.flatMap((c) => c.payments)
  await post(`/admin/payments/${payment.id}/refund`, { amount: refunded / 100 }, asFinance)
  await post(`/admin/orders/${bought.orderId}/complete`, {}, admin)

  // The referrer withdraws what matured to a bank account; finance approves and pays it.
  const available = await eventually(
    async () =>
      (
        await call<{ affiliate: { balances: { available: number } } }>("/store/affiliate/me", {
          token: referrer,
        })
      ).affiliate.balances.available,
    (yuan) => yuan > 0
  )
  const { withdrawal } = await post<{ withdrawal: { id: string; amount: number } }>(
    "/store/affiliate/withdrawals",
    {
      amount: available,
      method: "bank",
      payee: { holder: "林推荐", bank: "中国银行岳阳分行", account_no: "6217000010001234567" },
      request_key: `fin-lm-${run}-withdrawal`,
    },
    { token: referrer }
  )
  await post(`/admin/affiliate/withdrawals/${withdrawal.id}/approve`, {}, admin)
  await post(
    `/admin/affiliate/withdrawals/${withdrawal.id}/pay`,
    { payout_reference: `BANK-${run}` },
    admin
  )

  const db = new Client({ connectionString: commerceDatabaseUrl() })
  await db.connect()
  try {
    await db.query("begin")
    const { rows } = await db.query<{ shift: string; affiliate_id: string }>(
      `select extract(epoch from ($2::timestamptz - o.created_at)) * 1000 as shift,
              (select w.affiliate_id from affiliate_withdrawal w where w.id = $3) as affiliate_id
         from "order" o where o.id = $1`,
      [bought.orderId, at.toISOString(), withdrawal.id]
    )
    const shift = `${Math.round(Number(rows[0].shift))} milliseconds`
    const affiliateId = rows[0].affiliate_id
    const moves: [string, unknown[]][] = [
      [`update "order" set created_at = created_at + $2::interval where id = $1`, [bought.orderId]],
      [
        `update payment set created_at = created_at + $2::interval,
                captured_at = captured_at + $2::interval
          where payment_collection_id in (
            select payment_collection_id from order_payment_collection where order_id = $1)`,
        [bought.orderId],
      ],
      ...(["capture", "refund"] as const).map((table): [string, unknown[]] => [
        `update ${table} set created_at = created_at + $2::interval
            where payment_id in (
              select p.id from payment p join order_payment_collection opc
                on opc.payment_collection_id = p.payment_collection_id where opc.order_id = $1)`,
        [bought.orderId],
      ]),
      // The ledger refuses edits (append-only); this move lifts the guard for its own
      // statement only, inside the transaction, whose lock keeps every other writer out.
      [`alter table affiliate_ledger_entry disable trigger affiliate_ledger_append_only`, []],
      // The referrer is this journey's own: every line of their ledger is this order's
      // commission, its reversal and maturation, and the withdrawal.
      [
        `update affiliate_ledger_entry set created_at = created_at + $2::interval
          where affiliate_id = $1 or order_id = $3`,
        [affiliateId, bought.orderId],
      ],
      [`alter table affiliate_ledger_entry enable trigger affiliate_ledger_append_only`, []],
      [
        `update affiliate_withdrawal set created_at = created_at + $2::interval,
                paid_at = paid_at + $2::interval
          where affiliate_id = $1`,
        [affiliateId],
      ],
    ]
    for (const [sql, [first, ...rest]] of moves) {
      await db.query(sql, first === undefined ? [] : [first, shift, ...rest])
    }
    const ledger = await db.query<{ commissions: string }>(
      `select coalesce(sum(amount), 0) as commissions from affiliate_ledger_entry
        where order_id = $1 and kind in ('commission', 'reversal') and deleted_at is null`,
      [bought.orderId]
    )
    await db.query("commit")

    // WeChat's side: the sandbox's trade and refund move to the same moments.
    const tradeNo = String(payment.data.out_trade_no ?? "")
    const moved = await fetch(`${wechatpaySandboxUrl()}/sandbox/trades/${tradeNo}/backdate`, {
      method: "POST",
      body: JSON.stringify({ paid_at: at.toISOString(), refunded_at: at.toISOString() }),
    })
    if (!moved.ok) throw new Error(`sandbox backdate ${tradeNo}: ${await moved.text()}`)

    return {
      orderId: bought.orderId,
      paid: bought.fen,
      refunded,
      commissions: Number(ledger.rows[0].commissions),
      payout: Math.round(withdrawal.amount * 100),
      day: beijingDate(at),
    }
  } catch (error) {
    await db.query("rollback").catch(() => undefined)
    throw error
  } finally {
    await db.end()
  }
}

/**
 * The ledger's commissions net of reversals and the withdrawals paid over Beijing dates
 * `from`..`to`, in fen, read from the tables themselves.
 */
export async function ledgerOfPeriod(
  from: string,
  to: string
): Promise<{ commissions: number; payouts: number }> {
  const db = new Client({ connectionString: commerceDatabaseUrl() })
  await db.connect()
  try {
    const start = `${from}T00:00:00+08:00`
    const end = `${to}T00:00:00+08:00`
    const { rows } = await db.query<{ commissions: string; payouts: string }>(
      `select
         (select coalesce(sum(amount), 0) from affiliate_ledger_entry
           where deleted_at is null and kind in ('commission', 'reversal')
             and created_at >= $1::timestamptz and created_at < $2::timestamptz + interval '1 day')
           as commissions,
         (select coalesce(sum(amount), 0) from affiliate_withdrawal
           where deleted_at is null and status = 'paid'
             and paid_at >= $1::timestamptz and paid_at < $2::timestamptz + interval '1 day')
           as payouts`,
      [start, end]
    )
    return { commissions: Number(rows[0].commissions), payouts: Number(rows[0].payouts) }
  } finally {
    await db.end()
  }
}
