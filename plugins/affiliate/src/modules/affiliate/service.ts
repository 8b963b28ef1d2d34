import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { planCommissions, reversedShare, type CommissionLine } from "../../lib/commission-plan"
import { MaturationQueue } from "../../lib/maturation-queue"
import { DEFAULT_RATES_BP, validateRates, InvalidRatesError } from "../../lib/rates"
import { newReferralCode, normalizeReferralCode } from "../../lib/referral-code"
import { Affiliate } from "./models/affiliate"
import { LedgerEntry } from "./models/ledger-entry"
import { PaidOrder } from "./models/paid-order"
import { AffiliateSettings } from "./models/settings"
import { Withdrawal } from "./models/withdrawal"

export type AffiliatePluginOptions = {
  /** Enables the BullMQ maturation jobs; without it only the periodic sweep matures. */
  redisUrl?: string
  workerMode?: "shared" | "worker" | "server"
  queuePrefix?: string
  /** Where share links point: `<storefrontUrl>/r/<code>`. */
  storefrontUrl?: string
}

export type AffiliateRow = {
  id: string
  customer_id: string
  code: string
  status: "member" | "distributor" | "disabled"
  referrer_id: string | null
  bound_at: Date | null
  upgraded_at: Date | null
  created_at: Date
}

export type Bucket = "pending" | "available" | "withdrawing" | "withdrawn" | "spent"
export type Balances = Record<Bucket, number>

export type SettingsView = { rates_bp: number[]; hold_days: number; min_withdrawal: number }

export type WithdrawalRow = {
  id: string
  affiliate_id: string
  amount: number
  method: "wechat" | "bank"
  status: "requested" | "approved" | "rejected" | "paying" | "paid" | "failed"
  payee: Record<string, unknown> | null
  request_key: string
  reviewed_by: string | null
  reviewed_at: Date | null
  rejection_reason: string | null
  paid_at: Date | null
  payout_reference: string | null
  transfer_state: string | null
  transfer_package: string | null
  created_at: Date
}

type NewEntry = {
  affiliate_id: string
  bucket: Bucket
  kind: string
  amount: number
  idempotency_key: string
  order_id?: string | null
  line_item_id?: string | null
  product_id?: string | null
  buyer_customer_id?: string | null
  level?: number | null
  rate_bp?: number | null
  base_amount?: number | null
  reverses_entry_id?: string | null
  withdrawal_id?: string | null
  cart_id?: string | null
  note?: string | null
}

export type LedgerRow = NewEntry & { id: string; created_at: Date }

export type PaidOrderRow = {
  id: string
  order_id: string
  buyer_customer_id: string | null
  paid_at: Date
}

type Sql = { execute<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> }

const DAY_MS = 24 * 60 * 60 * 1000
const ENTRY_COLUMNS = [
  "affiliate_id",
  "bucket",
  "kind",
  "amount",
  "idempotency_key",
  "order_id",
  "line_item_id",
  "product_id",
  "buyer_customer_id",
  "level",
  "rate_bp",
  "base_amount",
  "reverses_entry_id",
  "withdrawal_id",
  "cart_id",
  "note",
] as const

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

/**
 * The affiliate programme. Every change of money is an append-only ledger write
 * guarded by an idempotency key and a Postgres advisory lock (per order for
 * commissions, per affiliate for withdrawals), so replays and concurrent requests
 * can neither double-count nor overdraw.
 */
class AffiliateModuleService extends MedusaService({
  Affiliate,
  LedgerEntry,
  Withdrawal,
  AffiliateSettings,
  PaidOrder,
}) {
  protected readonly maturationQueue: MaturationQueue | null
  protected readonly storefrontUrl: string

  constructor(container: Record<string, unknown>, options: AffiliatePluginOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.storefrontUrl = (
      options.storefrontUrl ??
      process.env.STOREFRONT_PUBLIC_URL ??
      process.env.STOREFRONT_URL ??
      "http://localhost:8000"
    ).replace(/\/$/, "")
    this.maturationQueue = options.redisUrl
      ? new MaturationQueue({
          redisUrl: options.redisUrl,
          prefix: options.queuePrefix,
          runWorker: options.workerMode !== "server",
          mature: (orderId) => this.matureOrderCommissions(orderId),
        })
      : null
  }

  __hooks = {
    onApplicationStart: async () => this.maturationQueue?.startWorker(),
    onApplicationPrepareShutdown: async () => this.maturationQueue?.close(),
  }

  // Query names a module's methods after its models' table names (affiliate_ledger_entry →
  // listAffiliateLedgerEntries); MedusaService names them after the keys above. These let
  // Query, and so the order ↔ ledger entry links, read the ledger.
  listAffiliateLedgerEntries(...args: Parameters<AffiliateModuleService["listLedgerEntries"]>) {
    return this.listLedgerEntries(...args)
  }

  listAndCountAffiliateLedgerEntries(
    ...args: Parameters<AffiliateModuleService["listAndCountLedgerEntries"]>
  ) {
    return this.listAndCountLedgerEntries(...args)
  }

  // ---- settings -------------------------------------------------------------

  @InjectManager()
  async settings(@MedusaContext() context: Context = {}): Promise<SettingsView> {
    const [row] = await this.listAffiliateSettings({}, { take: 1 }, context)
    if (!row) return { rates_bp: DEFAULT_RATES_BP, hold_days: 15, min_withdrawal: 1000 }
    return {
      rates_bp: row.rates_bp as unknown as number[],
      hold_days: row.hold_days,
      min_withdrawal: row.min_withdrawal,
    }
  }

  @InjectTransactionManager()
  async updateSettings(
    input: Partial<SettingsView>,
    @MedusaContext() context: Context = {}
  ): Promise<SettingsView> {
    const current = await this.settings(context)
    const next = { ...current, ...input }
    try {
      next.rates_bp = validateRates(next.rates_bp)
    } catch (error) {
      if (error instanceof InvalidRatesError) throw invalid(error.message)
      throw error
    }
    if (!Number.isInteger(next.hold_days) || next.hold_days < 0 || next.hold_days > 365) {
      throw invalid("结算等待期须为 0 到 365 天")
    }
    if (!Number.isInteger(next.min_withdrawal) || next.min_withdrawal < 100) {
      throw invalid("最低提现金额不能低于 ¥1")
    }
    const [row] = await this.listAffiliateSettings({}, { take: 1 }, context)
    const data = { ...next, rates_bp: next.rates_bp as unknown as Record<string, unknown> }
    if (row) await this.updateAffiliateSettings({ id: row.id, ...data }, context)
    else await this.createAffiliateSettings(data, context)
    return next
  }

  // ---- members and referral --------------------------------------------------

  /** The member's affiliate record, created with a fresh share code on first use. */
  @InjectTransactionManager()
  async ensureAffiliate(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AffiliateRow> {
    const sql = this.sql(context)
    for (let attempt = 0; attempt < 5; attempt++) {
      const [existing] = await sql.execute<AffiliateRow>(
        "select * from affiliate where customer_id = ? and deleted_at is null",
        [customerId]
      )
      if (existing) return existing
      // A clash on the random code or a concurrent first visit both land here: try again.
      await sql.execute(
        `insert into affiliate (id, customer_id, code, status, created_at, updated_at)
         values (?, ?, ?, 'member', now(), now()) on conflict do nothing`,
        [generateEntityId(undefined, "aff"), customerId, newReferralCode()]
      )
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "无法生成推荐码，请重试")
  }

  referralLink(code: string) {
    return `${this.storefrontUrl}/r/${code}`
  }

  @InjectManager()
  async affiliateByCode(code: string, @MedusaContext() context: Context = {}) {
    const [row] = await this.sql(context).execute<AffiliateRow>(
      "select * from affiliate where code = ? and deleted_at is null",
      [normalizeReferralCode(code)]
    )
    return row ?? null
  }

  /**
   * Binds a member to the owner of `code`, once and for good. Binding is serialised
   * by one advisory lock: two members binding to each other at the same moment would
   * otherwise both pass the cycle check.
   */
  @InjectTransactionManager()
  async bindReferrer(
    input: { customer_id: string; code: string },
    @MedusaContext() context: Context = {}
  ): Promise<AffiliateRow> {
    const sql = this.sql(context)
    await sql.execute("select pg_advisory_xact_lock(hashtext('affiliate:bind'))")
    const me = await this.ensureAffiliate(input.customer_id, context)
    if (me.referrer_id) throw notAllowed("您已绑定推荐人，推荐关系绑定后不能更改")
    const referrer = await this.affiliateByCode(input.code, context)
    if (!referrer) throw notFound(`推荐码 ${normalizeReferralCode(input.code)} 不存在`)
    if (referrer.id === me.id) throw notAllowed("不能绑定自己的推荐码")
    if (referrer.status === "disabled") throw notAllowed("该推荐码已停用")
    const chain = await this.chainAbove(referrer.id, 1000, context)
    if (chain.some((member) => member.id === me.id)) {
      throw notAllowed("不能绑定由您邀请的会员为推荐人（会形成循环）")
    }
    const [bound] = await sql.execute<AffiliateRow>(
      `update affiliate set referrer_id = ?, bound_at = now(), updated_at = now()
       where id = ? and referrer_id is null returning *`,
      [referrer.id, me.id]
    )
    return bound
  }

  /** `start` and the members above it, nearest first, at most `depth` of them. */
  @InjectManager()
  async chainAbove(
    start: string,
    depth: number,
    @MedusaContext() context: Context = {}
  ): Promise<AffiliateRow[]> {
    if (depth <= 0) return []
    return this.sql(context).execute<AffiliateRow>(
      `with recursive up as (
         select a.*, 1 as depth from affiliate a where a.id = ? and a.deleted_at is null
         union all
         select a.*, up.depth + 1 from affiliate a join up on a.id = up.referrer_id
         where up.depth < ? and a.deleted_at is null
       ) select * from up order by depth`,
      [start, depth]
    )
  }

  /** Members below, by level (1 = invited directly), up to `levels` deep. */
  @InjectManager()
  async team(
    affiliateId: string,
    levels: number,
    @MedusaContext() context: Context = {}
  ): Promise<{ level: number; members: AffiliateRow[] }[]> {
    const rows = await this.sql(context).execute<AffiliateRow & { depth: number }>(
      `with recursive down as (
         select a.*, 1 as depth from affiliate a where a.referrer_id = ? and a.deleted_at is null
         union all
         select a.*, down.depth + 1 from affiliate a join down on a.referrer_id = down.id
         where down.depth < ? and a.deleted_at is null
       ) select * from down order by depth, bound_at desc`,
      [affiliateId, levels]
    )
    return Array.from({ length: levels }, (_, index) => ({
      level: index + 1,
      members: rows.filter((row) => Number(row.depth) === index + 1),
    }))
  }

  @InjectTransactionManager()
  async setAffiliateStatus(
    input: { affiliate_id: string; status: AffiliateRow["status"] },
    @MedusaContext() context: Context = {}
  ): Promise<AffiliateRow> {
    const [row] = await this.sql(context).execute<AffiliateRow>(
      `update affiliate set status = ?, updated_at = now(),
         upgraded_at = case when ? = 'distributor' then coalesce(upgraded_at, now()) else upgraded_at end
       where id = ? and deleted_at is null returning *`,
      [input.status, input.status, input.affiliate_id]
    )
    if (!row) throw notFound("分销会员不存在")
    return row
  }

  // ---- commissions -----------------------------------------------------------

  /**
   * Writes the pending commissions of a placed order for the buyer's upline. They stay
   * pending until the order is paid (`paid_at` when it already is, as WeChat Pay orders
   * are; otherwise `markOrderPaid` later). Safe to replay.
   */
  @InjectTransactionManager()
  async recordOrderCommissions(
    input: {
      order_id: string
      buyer_customer_id: string
      lines: CommissionLine[]
      paid_at?: Date | null
    },
    @MedusaContext() context: Context = {}
  ) {
    await this.lockOrder(input.order_id, context)
    if (input.paid_at) await this.insertPaidOrder(input, context)
    const buyer = await this.ensureAffiliate(input.buyer_customer_id, context)
    let entries: LedgerRow[] = []
    if (buyer.referrer_id) {
      const { rates_bp } = await this.settings(context)
      const upline = await this.chainAbove(buyer.referrer_id, rates_bp.length, context)
      const planned = planCommissions({
        upline: upline.map((member) => ({ affiliate_id: member.id, status: member.status })),
        rates_bp,
        lines: input.lines,
      })
      entries = await this.append(
        planned.map((commission) => ({
          ...commission,
          bucket: "pending",
          kind: "commission",
          order_id: input.order_id,
          buyer_customer_id: input.buyer_customer_id,
          idempotency_key: `commission:${input.order_id}:${commission.line_item_id}:${commission.level}`,
        })),
        context
      )
    }
    // The payment may have been captured before the commissions were written.
    await this.settlePaidOrder(input.order_id, context)
    return { entries }
  }

  /**
   * The order's payment was captured at `paid_at`: its commissions start their hold
   * (matured at once if the order is already `completed`), and the buyer's referrer
   * becomes a distributor if this is the buyer's first paid order. Safe to replay: the
   * first capture time recorded stays.
   */
  @InjectTransactionManager()
  async markOrderPaid(
    input: {
      order_id: string
      buyer_customer_id: string | null
      paid_at: Date
      completed?: boolean
    },
    @MedusaContext() context: Context = {}
  ) {
    await this.lockOrder(input.order_id, context)
    await this.insertPaidOrder(input, context)
    await this.settlePaidOrder(input.order_id, context)
    if (input.completed)
      return this.matureOrderCommissions(input.order_id, { force: true }, context)
    return { entries: [] as LedgerRow[] }
  }

  @InjectManager()
  async paidOrder(orderId: string, @MedusaContext() context: Context = {}) {
    const [row] = await this.sql(context).execute<PaidOrderRow>(
      "select * from affiliate_paid_order where order_id = ? and deleted_at is null",
      [orderId]
    )
    return row ?? null
  }

  /**
   * Brings the order's reversals up to `refunded` of `paid` (fen, running totals):
   * proportional for partial refunds, everything for a full refund or cancellation.
   * Matured commissions are taken back from the available balance, which may go
   * negative after a payout: history is never rewritten.
   */
  @InjectTransactionManager()
  async reverseOrderCommissions(
    input: { order_id: string; refunded: number; paid: number; reason: string },
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    await this.lockOrder(input.order_id, context)
    const commissions = await sql.execute<{ id: string; affiliate_id: string; amount: number }>(
      `select id, affiliate_id, amount from affiliate_ledger_entry
       where order_id = ? and kind = 'commission' and deleted_at is null`,
      [input.order_id]
    )
    const reversedSoFar = await this.sumBy(
      "reverses_entry_id",
      `order_id = ? and kind = 'reversal'`,
      [input.order_id],
      context
    )
    const matured = await this.maturedAffiliates(input.order_id, context)
    const reversals: NewEntry[] = []
    for (const commission of commissions) {
      const target = reversedShare(commission.amount, input.refunded, input.paid)
      const delta = target + (reversedSoFar.get(commission.id) ?? 0)
      if (delta <= 0) continue
      reversals.push({
        affiliate_id: commission.affiliate_id,
        bucket: matured.has(commission.affiliate_id) ? "available" : "pending",
        kind: "reversal",
        amount: -delta,
        order_id: input.order_id,
        reverses_entry_id: commission.id,
        note: input.reason,
        idempotency_key: `reversal:${commission.id}:${target}`,
      })
    }
    return { entries: await this.append(reversals, context) }
  }

  /**
   * Moves a paid order's pending commissions to available once the hold since payment
   * has passed, or at once when `force` (the order completed). An unpaid order's
   * commissions never mature, whatever happens to the order. Safe to replay.
   */
  @InjectTransactionManager()
  async matureOrderCommissions(
    orderId: string,
    options: { force?: boolean; now?: Date } = {},
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    await this.lockOrder(orderId, context)
    const paid = await this.paidOrder(orderId, context)
    if (!paid) return { entries: [] as LedgerRow[] }
    const now = options.now ?? new Date()
    const due = new Date(paid.paid_at).getTime() + (await this.holdMs(context))
    if (!options.force && due > now.getTime()) return { entries: [] as LedgerRow[] }
    const pending = await sql.execute<{ affiliate_id: string; amount: string }>(
      `select affiliate_id, sum(amount) as amount from affiliate_ledger_entry
       where order_id = ? and bucket = 'pending' and deleted_at is null
       group by affiliate_id`,
      [orderId]
    )
    const matured = await this.maturedAffiliates(orderId, context)
    const moves: NewEntry[] = []
    for (const row of pending) {
      const amount = Number(row.amount)
      if (amount <= 0 || matured.has(row.affiliate_id)) continue
      const key = `maturation:${orderId}:${row.affiliate_id}`
      const common = { affiliate_id: row.affiliate_id, kind: "maturation", order_id: orderId }
      moves.push(
        { ...common, bucket: "pending", amount: -amount, idempotency_key: `${key}:out` },
        { ...common, bucket: "available", amount, idempotency_key: `${key}:in` }
      )
    }
    return { entries: await this.append(moves, context) }
  }

  /** The periodic sweep: every paid order whose hold has passed (missed jobs included). */
  @InjectManager()
  async ordersDueForMaturation(
    now: Date = new Date(),
    @MedusaContext() context: Context = {}
  ): Promise<string[]> {
    const holdMs = await this.holdMs(context)
    const rows = await this.sql(context).execute<{ order_id: string }>(
      `select e.order_id from affiliate_ledger_entry e
       join affiliate_paid_order p on p.order_id = e.order_id and p.deleted_at is null
       where e.bucket = 'pending' and e.deleted_at is null and p.paid_at <= ?
       group by e.order_id having sum(e.amount) > 0`,
      [new Date(now.getTime() - holdMs)]
    )
    return rows.map((row) => row.order_id)
  }

  /**
   * Orders with pending commissions and no recorded payment, newest first: the sweep
   * asks Medusa whether they were paid in the meantime (a missed capture event).
   */
  @InjectManager()
  async ordersAwaitingPayment(
    limit = 200,
    @MedusaContext() context: Context = {}
  ): Promise<string[]> {
    const rows = await this.sql(context).execute<{ order_id: string }>(
      `select e.order_id from affiliate_ledger_entry e
       where e.bucket = 'pending' and e.order_id is not null and e.deleted_at is null
         and not exists (select 1 from affiliate_paid_order p where p.order_id = e.order_id)
       group by e.order_id having sum(e.amount) > 0
       order by min(e.created_at) desc limit ?`,
      [limit]
    )
    return rows.map((row) => row.order_id)
  }

  // ---- balances and withdrawals ------------------------------------------------

  @InjectManager()
  async balancesOf(affiliateId: string, @MedusaContext() context: Context = {}): Promise<Balances> {
    const rows = await this.sql(context).execute<{ bucket: Bucket; total: string }>(
      `select bucket, coalesce(sum(amount), 0) as total from affiliate_ledger_entry
       where affiliate_id = ? and deleted_at is null group by bucket`,
      [affiliateId]
    )
    const balances: Balances = { pending: 0, available: 0, withdrawing: 0, withdrawn: 0, spent: 0 }
    for (const row of rows) balances[row.bucket] = Number(row.total)
    return balances
  }

  /**
   * Holds `amount` of the available balance for a payout. The per-affiliate lock
   * makes concurrent requests queue, so together they can never exceed the balance.
   */
  @InjectTransactionManager()
  async requestWithdrawal(
    input: {
      customer_id: string
      amount: number
      method: "wechat" | "bank"
      payee?: Record<string, unknown> | null
      request_key: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<WithdrawalRow> {
    const sql = this.sql(context)
    const affiliate = await this.ensureAffiliate(input.customer_id, context)
    await this.lockAffiliate(affiliate.id, context)
    // Keys are the client's, so they are scoped to the member.
    const requestKey = `${affiliate.id}:${input.request_key}`
    const [again] = await sql.execute<WithdrawalRow>(
      "select * from affiliate_withdrawal where request_key = ?",
      [requestKey]
    )
    if (again) return again
    if (affiliate.status === "disabled") throw notAllowed("您的分销资格已停用，不能提现")
    const { min_withdrawal } = await this.settings(context)
    if (!Number.isInteger(input.amount) || input.amount <= 0) throw invalid("提现金额无效")
    if (input.amount < min_withdrawal) {
      throw invalid(`最低提现金额为 ¥${(min_withdrawal / 100).toFixed(2)}`)
    }
    const { available } = await this.balancesOf(affiliate.id, context)
    if (input.amount > available) {
      throw notAllowed(`可提现余额不足：当前可提现 ¥${(Math.max(available, 0) / 100).toFixed(2)}`)
    }
    const id = generateEntityId(undefined, "afwd")
    const [withdrawal] = await sql.execute<WithdrawalRow>(
      `insert into affiliate_withdrawal
         (id, affiliate_id, amount, method, status, payee, request_key, created_at, updated_at)
       values (?, ?, ?, ?, 'requested', ?, ?, now(), now()) returning *`,
      [
        id,
        affiliate.id,
        input.amount,
        input.method,
        JSON.stringify(input.payee ?? null),
        requestKey,
      ]
    )
    await this.moveWithdrawal(withdrawal, "withdrawal_request", "available", "withdrawing", context)
    return withdrawal
  }

  /** Staff review: approve, reject (money back to available) or mark paid. */
  @InjectTransactionManager()
  async reviewWithdrawal(
    input: {
      withdrawal_id: string
      action: "approve" | "reject" | "pay"
      staff_id: string
      reason?: string
      payout_reference?: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<WithdrawalRow> {
    const sql = this.sql(context)
    const [current] = await sql.execute<WithdrawalRow>(
      "select * from affiliate_withdrawal where id = ? and deleted_at is null for update",
      [input.withdrawal_id]
    )
    if (!current) throw notFound("提现申请不存在")
    const allowedFrom: Record<typeof input.action, WithdrawalRow["status"][]> = {
      approve: ["requested"],
      reject: ["requested", "approved"],
      pay: ["approved"],
    }
    if (!allowedFrom[input.action].includes(current.status)) {
      throw notAllowed(
        `提现申请当前状态为「${WITHDRAWAL_STATUS_ZH[current.status]}」，不能执行此操作`
      )
    }
    if (input.action === "reject" && !input.reason?.trim()) throw invalid("请填写驳回原因")
    const status = { approve: "approved", reject: "rejected", pay: "paid" }[input.action]
    const [updated] = await sql.execute<WithdrawalRow>(
      `update affiliate_withdrawal set status = ?, reviewed_by = coalesce(?, reviewed_by),
         reviewed_at = case when ? = 'pay' then reviewed_at else now() end,
         rejection_reason = ?, paid_at = case when ? = 'pay' then now() else paid_at end,
         payout_reference = coalesce(?, payout_reference), updated_at = now()
       where id = ? returning *`,
      [
        status,
        input.staff_id,
        input.action,
        input.action === "reject" ? input.reason!.trim() : current.rejection_reason,
        input.action,
        input.payout_reference ?? null,
        current.id,
      ]
    )
    if (input.action === "reject") {
      await this.moveWithdrawal(updated, "withdrawal_rejected", "withdrawing", "available", context)
    } else if (input.action === "pay") {
      await this.moveWithdrawal(updated, "withdrawal_paid", "withdrawing", "withdrawn", context)
    }
    return updated
  }

  /**
   * Finance pays an approved WeChat withdrawal by merchant transfer: it becomes paying,
   * with the transfer bill's number as its reference. Starting twice is refused.
   */
  @InjectTransactionManager()
  async startTransfer(
    input: { withdrawal_id: string; staff_id: string; out_bill_no: string },
    @MedusaContext() context: Context = {}
  ): Promise<WithdrawalRow> {
    const sql = this.sql(context)
    const [current] = await sql.execute<WithdrawalRow>(
      "select * from affiliate_withdrawal where id = ? and deleted_at is null for update",
      [input.withdrawal_id]
    )
    if (!current) throw notFound("提现申请不存在")
    if (current.method !== "wechat")
      throw notAllowed("该申请的收款方式是银行卡，请转账后标记已打款")
    if (current.status !== "approved") {
      throw notAllowed(
        `提现申请当前状态为「${WITHDRAWAL_STATUS_ZH[current.status]}」，不能发起微信转账`
      )
    }
    const [updated] = await sql.execute<WithdrawalRow>(
      `update affiliate_withdrawal set status = 'paying', payout_reference = ?,
         reviewed_by = ?, updated_at = now() where id = ? returning *`,
      [input.out_bill_no, input.staff_id, current.id]
    )
    return updated
  }

  /** Undoes startTransfer when WeChat refused to create the bill: back to approved. */
  @InjectTransactionManager()
  async abandonTransfer(withdrawalId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update affiliate_withdrawal set status = 'approved', transfer_state = null,
         transfer_package = null, updated_at = now() where id = ? and status = 'paying'`,
      [withdrawalId]
    )
  }

  /** Keeps the bill's state and the member's confirmation package while it is paying. */
  @InjectTransactionManager()
  async recordTransferState(
    input: { withdrawal_id: string; state: string; package_info?: string | null },
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update affiliate_withdrawal set transfer_state = ?,
         transfer_package = coalesce(?, transfer_package), updated_at = now()
       where id = ? and status = 'paying'`,
      [input.state, input.package_info ?? null, input.withdrawal_id]
    )
  }

  /**
   * A transfer's final outcome: paid (withdrawing → withdrawn) or failed (the money goes
   * back to available). Only a paying withdrawal changes, so WeChat's retried callbacks
   * and the periodic check settle it once.
   */
  @InjectTransactionManager()
  async settleTransfer(
    input: { withdrawal_id: string; succeeded: boolean; state: string; reason?: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<{ withdrawal: WithdrawalRow; changed: boolean }> {
    const sql = this.sql(context)
    const [current] = await sql.execute<WithdrawalRow>(
      "select * from affiliate_withdrawal where id = ? and deleted_at is null for update",
      [input.withdrawal_id]
    )
    if (!current) throw notFound("提现申请不存在")
    if (current.status !== "paying") return { withdrawal: current, changed: false }
    const [updated] = await sql.execute<WithdrawalRow>(
      `update affiliate_withdrawal set status = ?, transfer_state = ?, transfer_package = null,
         paid_at = case when ? then now() else paid_at end,
         rejection_reason = case when ? then rejection_reason else ? end, updated_at = now()
       where id = ? returning *`,
      [
        input.succeeded ? "paid" : "failed",
        input.state,
        input.succeeded,
        input.succeeded,
        `微信转账未完成（${input.reason ?? input.state}），金额已退回可提现余额`,
        current.id,
      ]
    )
    if (input.succeeded) {
      await this.moveWithdrawal(updated, "withdrawal_paid", "withdrawing", "withdrawn", context)
    } else {
      await this.moveWithdrawal(updated, "withdrawal_failed", "withdrawing", "available", context)
    }
    return { withdrawal: updated, changed: true }
  }

  // ---- store credit ------------------------------------------------------------

  /** What a cart currently holds of the member's balance: spends minus returns. */
  @InjectManager()
  async storeCreditHeldFor(cartId: string, @MedusaContext() context: Context = {}) {
    const held = await this.sumBy("cart_id", "cart_id = ? and bucket = 'spent'", [cartId], context)
    return held.get(cartId) ?? 0
  }

  /**
   * Spends `amount` fen of the available balance on a cart being completed. Runs under
   * the affiliate's lock, so two checkouts (or a checkout and a withdrawal) can never
   * spend the same money. Completing a cart again finds its spend and writes nothing:
   * `created` tells the caller whether this call is the one that spent.
   */
  @InjectTransactionManager()
  async spendStoreCredit(
    input: { customer_id: string; cart_id: string; amount: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ affiliate_id: string; amount: number; created: boolean; attempt: number }> {
    if (!Number.isInteger(input.amount) || input.amount <= 0) throw invalid("抵扣金额无效")
    const affiliate = await this.ensureAffiliate(input.customer_id, context)
    await this.lockAffiliate(affiliate.id, context)
    const held = await this.storeCreditHeldFor(input.cart_id, context)
    if (held === input.amount) {
      return { affiliate_id: affiliate.id, amount: held, created: false, attempt: -1 }
    }
    if (held > 0) throw notAllowed("订单已使用其他金额的余额抵扣，请刷新后重试")
    if (affiliate.status === "disabled") throw notAllowed("您的分销资格已停用，余额暂不能使用")
    const { available } = await this.balancesOf(affiliate.id, context)
    if (input.amount > available) {
      throw notAllowed(`可用余额不足：当前可用 ¥${(Math.max(available, 0) / 100).toFixed(2)}`)
    }
    // A failed completion returns its spend; counting earlier spends keeps each key new.
    const attempt = await this.countEntries(
      "cart_id = ? and kind = 'store_credit' and bucket = 'spent'",
      [input.cart_id],
      context
    )
    await this.moveStoreCredit(
      {
        affiliate_id: affiliate.id,
        cart_id: input.cart_id,
        amount: input.amount,
        kind: "store_credit",
        key: `store_credit:${input.cart_id}:${attempt}`,
      },
      context
    )
    return { affiliate_id: affiliate.id, amount: input.amount, created: true, attempt }
  }

  /**
   * Gives back what a cart holds: when its completion fails, or when its order is
   * cancelled. `reason_key` names the occasion, so each occasion returns at most once.
   * With `amount` (fen) only that part goes back (a partial refund, e.g. a 陪诊 dispute):
   * more than the cart still holds is refused, unless this occasion already returned.
   */
  @InjectTransactionManager()
  async returnStoreCredit(
    input: { cart_id: string; reason_key: string; note?: string; amount?: number },
    @MedusaContext() context: Context = {}
  ): Promise<number> {
    const [owner] = await this.sql(context).execute<{ affiliate_id: string }>(
      "select affiliate_id from affiliate_ledger_entry where cart_id = ? limit 1",
      [input.cart_id]
    )
    if (!owner) return 0
    await this.lockAffiliate(owner.affiliate_id, context)
    const key = `store_credit_return:${input.cart_id}:${input.reason_key}`
    const held = await this.storeCreditHeldFor(input.cart_id, context)
    let amount = held
    if (input.amount != null) {
      if (!Number.isInteger(input.amount) || input.amount <= 0) throw invalid("退回金额无效")
      // The occasion already returned (a retry): nothing more, whatever is held now.
      if (await this.countEntries("idempotency_key = ?", [`${key}:out`], context)) return 0
      if (input.amount > held) {
        throw notAllowed(
          `该订单余额抵扣还可退回 ¥${(Math.max(held, 0) / 100).toFixed(2)}，不足 ¥${(input.amount / 100).toFixed(2)}`
        )
      }
      amount = input.amount
    }
    if (amount <= 0) return 0
    const written = await this.moveStoreCredit(
      {
        affiliate_id: owner.affiliate_id,
        cart_id: input.cart_id,
        amount: -amount,
        kind: "store_credit_return",
        key,
        note: input.note,
      },
      context
    )
    return written.length ? amount : 0
  }

  // ---- internals ---------------------------------------------------------------

  protected sql(context: Context): Sql {
    const manager = (context.transactionManager ?? context.manager) as Sql | undefined
    if (!manager) throw new Error("affiliate: no database manager in context")
    return manager
  }

  protected async lockAffiliate(affiliateId: string, context: Context) {
    await this.sql(context).execute("select pg_advisory_xact_lock(hashtext(?))", [
      `affiliate:${affiliateId}`,
    ])
  }

  protected async countEntries(where: string, params: unknown[], context: Context) {
    const [row] = await this.sql(context).execute<{ count: string }>(
      `select count(*) as count from affiliate_ledger_entry where ${where} and deleted_at is null`,
      params
    )
    return Number(row.count)
  }

  /** Positive `amount` moves available → spent; negative moves it back. */
  protected async moveStoreCredit(
    move: {
      affiliate_id: string
      cart_id: string
      amount: number
      kind: "store_credit" | "store_credit_return"
      key: string
      note?: string
    },
    context: Context
  ) {
    const common = {
      affiliate_id: move.affiliate_id,
      cart_id: move.cart_id,
      kind: move.kind,
      note: move.note ?? null,
    }
    return this.append(
      [
        {
          ...common,
          bucket: "available",
          amount: -move.amount,
          idempotency_key: `${move.key}:out`,
        },
        { ...common, bucket: "spent", amount: move.amount, idempotency_key: `${move.key}:in` },
      ],
      context
    )
  }

  protected async lockOrder(orderId: string, context: Context) {
    await this.sql(context).execute("select pg_advisory_xact_lock(hashtext(?))", [
      `affiliate-order:${orderId}`,
    ])
  }

  protected async insertPaidOrder(
    input: { order_id: string; buyer_customer_id: string | null; paid_at?: Date | null },
    context: Context
  ) {
    await this.sql(context).execute(
      `insert into affiliate_paid_order (id, order_id, buyer_customer_id, paid_at, created_at, updated_at)
       values (?, ?, ?, ?, now(), now()) on conflict do nothing`,
      [
        generateEntityId(undefined, "afpo"),
        input.order_id,
        input.buyer_customer_id,
        new Date(input.paid_at ?? Date.now()),
      ]
    )
  }

  /**
   * What follows from a paid order, once its commissions and payment are both known
   * (in either order): 消费升级 of the buyer's referrer on the buyer's first paid order,
   * and the delayed job that matures the commissions when the hold since payment ends.
   */
  protected async settlePaidOrder(orderId: string, context: Context) {
    const sql = this.sql(context)
    const paid = await this.paidOrder(orderId, context)
    if (!paid) return
    if (paid.buyer_customer_id) {
      const [first] = await sql.execute<{ order_id: string }>(
        `select order_id from affiliate_paid_order where buyer_customer_id = ?
         and deleted_at is null order by paid_at, order_id limit 1`,
        [paid.buyer_customer_id]
      )
      if (first?.order_id === orderId) {
        await sql.execute(
          `update affiliate set status = 'distributor', upgraded_at = now(), updated_at = now()
           where status = 'member' and deleted_at is null and id = (
             select referrer_id from affiliate where customer_id = ? and deleted_at is null)`,
          [paid.buyer_customer_id]
        )
      }
    }
    const [pending] = await sql.execute<{ total: string | null }>(
      `select sum(amount) as total from affiliate_ledger_entry
       where order_id = ? and bucket = 'pending' and deleted_at is null`,
      [orderId]
    )
    if (Number(pending?.total ?? 0) <= 0 || !this.maturationQueue) return
    const delay = new Date(paid.paid_at).getTime() + (await this.holdMs(context)) - Date.now()
    await this.maturationQueue.schedule(orderId, Math.max(delay, 0))
  }

  protected async holdMs(context: Context) {
    return (await this.settings(context)).hold_days * DAY_MS
  }

  protected async maturedAffiliates(orderId: string, context: Context): Promise<Set<string>> {
    const rows = await this.sql(context).execute<{ affiliate_id: string }>(
      `select distinct affiliate_id from affiliate_ledger_entry
       where order_id = ? and kind = 'maturation' and deleted_at is null`,
      [orderId]
    )
    return new Set(rows.map((row) => row.affiliate_id))
  }

  protected async sumBy(column: string, where: string, params: unknown[], context: Context) {
    const rows = await this.sql(context).execute<{ key: string; total: string }>(
      `select ${column} as key, sum(amount) as total from affiliate_ledger_entry
       where ${where} and deleted_at is null group by ${column}`,
      params
    )
    return new Map(rows.map((row) => [row.key, Number(row.total)]))
  }

  protected async moveWithdrawal(
    withdrawal: WithdrawalRow,
    kind: string,
    from: Bucket,
    to: Bucket,
    context: Context
  ) {
    const key = `${kind}:${withdrawal.id}`
    const common = { affiliate_id: withdrawal.affiliate_id, kind, withdrawal_id: withdrawal.id }
    await this.append(
      [
        { ...common, bucket: from, amount: -withdrawal.amount, idempotency_key: `${key}:out` },
        { ...common, bucket: to, amount: withdrawal.amount, idempotency_key: `${key}:in` },
      ],
      context
    )
  }

  /** Inserts ledger entries, skipping any whose idempotency key exists; returns the new ones. */
  protected async append(entries: NewEntry[], context: Context): Promise<LedgerRow[]> {
    if (!entries.length) return []
    const placeholders = entries
      .map(() => `(?, ${ENTRY_COLUMNS.map(() => "?").join(", ")}, now(), now())`)
      .join(", ")
    const params = entries.flatMap((entry) => [
      generateEntityId(undefined, "afle"),
      ...ENTRY_COLUMNS.map((column) => entry[column] ?? null),
    ])
    return this.sql(context).execute<LedgerRow>(
      `insert into affiliate_ledger_entry (id, ${ENTRY_COLUMNS.join(", ")}, created_at, updated_at)
       values ${placeholders} on conflict do nothing returning *`,
      params
    )
  }
}

export const WITHDRAWAL_STATUS_ZH: Record<WithdrawalRow["status"], string> = {
  requested: "待审核",
  approved: "已批准，待打款",
  rejected: "已驳回",
  paying: "微信转账中，待确认收款",
  paid: "已打款",
  failed: "打款失败",
}

export default AffiliateModuleService
