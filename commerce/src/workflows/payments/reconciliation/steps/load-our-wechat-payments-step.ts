import { WECHATPAY_PROVIDER_ID, type WechatTradeBillLine } from "@health/medusa-plugin-wechatpay"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "../../../finance/finance-knex"
import { beijingDayBounds } from "../beijing-day"
import type { OurPayment, OurRefund } from "../match-wechat-bill"

type RefundEntry = { out_refund_no?: string; amount?: number; status?: string }
type UnplacedEntry = RefundEntry & { refunded_at?: string }

type PaymentRow = {
  id: string
  amount_fen: string | number
  captured_at: Date | string | null
  canceled_at: Date | string | null
  data: { out_trade_no?: string; refunds?: RefundEntry[]; unplaced_refund?: UnplacedEntry } | null
  order_id: string | null
  refunds_on_day: string | number
  captured_on_day: boolean
}

type SessionRow = {
  id: string
  data: { out_trade_no?: string; unplaced_refund?: UnplacedEntry } | null
}

/**
 * Our side of one day, in fen: every WeChat payment the bill names, captured that day, or
 * refunded that day (with its order), and the sessions we refunded because no order came of
 * them. Amounts are converted in SQL (numeric × 100), never through a float.
 */
const PAYMENTS_SQL = `
  select p.id, round(p.amount * 100)::bigint as amount_fen, p.captured_at, p.canceled_at, p.data,
         opc.order_id,
         (select count(*) from refund r
           where r.payment_id = p.id and r.deleted_at is null
             and r.created_at >= ? and r.created_at < ?) as refunds_on_day,
         (p.captured_at >= ? and p.captured_at < ?) as captured_on_day
    from payment p
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
   where p.provider_id = ? and p.deleted_at is null
     and (p.data->>'out_trade_no' in (select jsonb_array_elements_text(?::jsonb))
          or (p.captured_at >= ? and p.captured_at < ?)
          or exists (select 1 from refund r
                      where r.payment_id = p.id and r.deleted_at is null
                        and r.created_at >= ? and r.created_at < ?))`

const UNPLACED_SQL = `
  select ps.id, ps.data
    from payment_session ps
   where ps.provider_id = ? and ps.deleted_at is null and ps.data->'unplaced_refund' is not null
     and (ps.data->>'out_trade_no' in (select jsonb_array_elements_text(?::jsonb))
          or ((ps.data->'unplaced_refund'->>'refunded_at')::timestamptz >= ?
              and (ps.data->'unplaced_refund'->>'refunded_at')::timestamptz < ?))`

const within = (iso: string | undefined, start: string, end: string) =>
  !!iso && Date.parse(iso) >= Date.parse(start) && Date.parse(iso) < Date.parse(end)

export function ourPaymentsOf(
  payments: PaymentRow[],
  sessions: SessionRow[],
  bounds: { start: string; end: string }
): OurPayment[] {
  const byTradeNo = new Map<string, OurPayment>()
  for (const row of payments) {
    const tradeNo = row.data?.out_trade_no
    if (!tradeNo) continue
    const entries = row.data?.refunds ?? []
    // Medusa's refund rows and the provider's entries are appended in the same order: the
    // day's k refunds are the last k entries.
    const onDay = Number(row.refunds_on_day)
    const refunds: OurRefund[] = entries
      .filter((entry) => entry.out_refund_no)
      .map((entry, index, all) => ({
        out_refund_no: entry.out_refund_no!,
        amount: Number(entry.amount ?? 0),
        status: entry.status ?? "PROCESSING",
        on_bill_date: index >= all.length - onDay,
      }))
    byTradeNo.set(tradeNo, {
      out_trade_no: tradeNo,
      payment_id: row.id,
      order_id: row.order_id,
      amount: Number(row.amount_fen),
      status: row.captured_at ? "captured" : row.canceled_at ? "canceled" : "authorized",
      captured_on_bill_date: !!row.captured_on_day,
      refunds,
    })
  }
  for (const session of sessions) {
    const tradeNo = session.data?.out_trade_no
    const unplaced = session.data?.unplaced_refund
    if (!tradeNo || !unplaced?.out_refund_no) continue
    const refund: OurRefund = {
      out_refund_no: unplaced.out_refund_no,
      amount: Number(unplaced.amount ?? 0),
      status: unplaced.status === "NOT_ENOUGH" ? "SUCCESS" : (unplaced.status ?? "PROCESSING"),
      on_bill_date: within(unplaced.refunded_at, bounds.start, bounds.end),
    }
    const known = byTradeNo.get(tradeNo)
    if (known) {
      if (!known.refunds.some((r) => r.out_refund_no === refund.out_refund_no))
        known.refunds.push(refund)
      continue
    }
    byTradeNo.set(tradeNo, {
      out_trade_no: tradeNo,
      payment_id: null,
      order_id: null,
      amount: Number(unplaced.amount ?? 0),
      status: "refunded_unplaced",
      captured_on_bill_date: false,
      refunds: [refund],
    })
  }
  return [...byTradeNo.values()]
}

export const loadOurWechatPaymentsStep = createStep(
  "load-our-wechat-payments",
  async (
    input: { bill_date: string; lines: WechatTradeBillLine[] },
    { container }
  ): Promise<StepResponse<OurPayment[]>> => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const bounds = beijingDayBounds(input.bill_date)
    const { start, end } = bounds
    // As one JSON array: knex would spread a JS array into separate bindings.
    const named = JSON.stringify([...new Set(input.lines.map((line) => line.out_trade_no))])
    const { rows: payments } = await knex.raw(PAYMENTS_SQL, [
      start,
      end,
      start,
      end,
      WECHATPAY_PROVIDER_ID,
      named,
      start,
      end,
      start,
      end,
    ])
    const { rows: sessions } = await knex.raw(UNPLACED_SQL, [
      WECHATPAY_PROVIDER_ID,
      named,
      start,
      end,
    ])
    return new StepResponse(
      ourPaymentsOf(payments as PaymentRow[], sessions as SessionRow[], bounds)
    )
  }
)
