import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Knex } from "../../../finance/finance-knex"
import { ONLINE_PAYMENT_PROVIDERS } from "../../online-payment-providers"
import type { UnplacedRefund } from "../../unplaced-refund"
import { billDayBounds } from "../clearing-day"
import type { OurPayment, OurRefund } from "../match-provider-bill"

type PaymentRow = {
  id: string
  amount_fen: string | number
  captured_at: Date | string | null
  canceled_at: Date | string | null
  data: Record<string, unknown> | null
  order_id: string | null
  refunds_on_day: string | number
  captured_on_day: boolean
  canceled_on_day: boolean
}

type SessionRow = { id: string; data: { unplaced_refund?: Partial<UnplacedRefund> } | null }

/** Where each provider keeps its trade number in the payment's data (for the SQL filter). */
const TRADE_KEY: Record<string, string> = {
  pp_alipay_alipay: "out_trade_no",
  pp_unionpay_unionpay: "order_id",
}

/**
 * Our side of one day for a provider, in fen: every payment the bill names, captured that
 * day, or refunded that day (with its order), and the sessions given back unplaced. Amounts
 * are converted in SQL (numeric × 100), never through a float.
 */
const paymentsSql = (tradeKey: string) => `
  select p.id, round(p.amount * 100)::bigint as amount_fen, p.captured_at, p.canceled_at, p.data,
         opc.order_id,
         (select count(*) from refund r
           where r.payment_id = p.id and r.deleted_at is null
             and r.created_at >= ? and r.created_at < ?) as refunds_on_day,
         coalesce(p.captured_at >= ? and p.captured_at < ?, false) as captured_on_day,
         coalesce(p.canceled_at >= ? and p.canceled_at < ?, false) as canceled_on_day
    from payment p
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
   where p.provider_id = ? and p.deleted_at is null
     and (p.data->>'${tradeKey}' in (select jsonb_array_elements_text(?::jsonb))
          or (p.captured_at >= ? and p.captured_at < ?)
          or exists (select 1 from refund r
                      where r.payment_id = p.id and r.deleted_at is null
                        and r.created_at >= ? and r.created_at < ?))`

const UNPLACED_SQL = `
  select ps.id, ps.data
    from payment_session ps
   where ps.provider_id = ? and ps.deleted_at is null and ps.data->'unplaced_refund' is not null
     and (ps.data->'unplaced_refund'->>'out_trade_no' in (select jsonb_array_elements_text(?::jsonb))
          or ((ps.data->'unplaced_refund'->>'refunded_at')::timestamptz >= ?
              and (ps.data->'unplaced_refund'->>'refunded_at')::timestamptz < ?))`

const within = (iso: string | undefined, start: string, end: string) =>
  !!iso && Date.parse(iso) >= Date.parse(start) && Date.parse(iso) < Date.parse(end)

export function ourProviderPaymentsOf(
  providerId: string,
  payments: PaymentRow[],
  sessions: SessionRow[],
  bounds: { start: string; end: string }
): OurPayment[] {
  const provider = ONLINE_PAYMENT_PROVIDERS[providerId]
  const byTradeNo = new Map<string, OurPayment>()
  for (const row of payments) {
    const { out_trade_no: tradeNo, refunds: entries } = provider.read(row.data ?? {})
    if (!tradeNo) continue
    // Medusa's refund rows and the provider's entries are appended in the same order: the
    // day's k refunds are the last k entries. A refund that failed moved no money.
    const onDay = Number(row.refunds_on_day)
    const refunds: OurRefund[] = entries.map((entry, index, all) => ({
      out_refund_no: entry.out_refund_no,
      amount: entry.amount,
      status: entry.status,
      on_bill_date: index >= all.length - onDay && entry.status !== "ABNORMAL",
    }))
    // UnionPay's same-day 消费撤销 gives the whole payment back under the void's own orderId.
    const voided = row.data?.voided as { order_id?: string } | undefined
    if (voided?.order_id)
      refunds.push({
        out_refund_no: voided.order_id,
        amount: Number(row.amount_fen),
        status: "SUCCESS",
        on_bill_date: !!row.canceled_on_day,
      })
    byTradeNo.set(tradeNo, {
      out_trade_no: tradeNo,
      payment_id: row.id,
      order_id: row.order_id,
      amount: Number(row.amount_fen),
      status: voided?.order_id
        ? "voided"
        : row.captured_at
          ? "captured"
          : row.canceled_at
            ? "canceled"
            : "authorized",
      captured_on_bill_date: !!row.captured_on_day,
      refunds,
    })
  }
  for (const session of sessions) {
    const unplaced = session.data?.unplaced_refund
    if (!unplaced?.out_trade_no || !unplaced.out_refund_no) continue
    const refund: OurRefund = {
      out_refund_no: unplaced.out_refund_no,
      amount: Number(unplaced.amount ?? 0),
      status: unplaced.status === "NOT_ENOUGH" ? "SUCCESS" : (unplaced.status ?? "PROCESSING"),
      on_bill_date: within(unplaced.refunded_at, bounds.start, bounds.end),
    }
    const known = byTradeNo.get(unplaced.out_trade_no)
    if (known) {
      if (!known.refunds.some((r) => r.out_refund_no === refund.out_refund_no))
        known.refunds.push(refund)
      continue
    }
    byTradeNo.set(unplaced.out_trade_no, {
      out_trade_no: unplaced.out_trade_no,
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

/** Our payments and refunds of one provider for a Beijing day, and those its bill names. */
export const loadOurProviderPaymentsStep = createStep(
  "load-our-provider-payments",
  async (
    input: { provider_id: string; bill_date: string; trade_nos: string[] },
    { container }
  ): Promise<StepResponse<OurPayment[]>> => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    // The provider's bill day: UnionPay's 清算日 starts at 23:00 the evening before.
    const bounds = billDayBounds(input.provider_id, input.bill_date)
    const { start, end } = bounds
    // As one JSON array: knex would spread a JS array into separate bindings.
    const named = JSON.stringify([...new Set(input.trade_nos)])
    const { rows: payments } = await knex.raw(paymentsSql(TRADE_KEY[input.provider_id]), [
      start,
      end,
      start,
      end,
      start,
      end,
      input.provider_id,
      named,
      start,
      end,
      start,
      end,
    ])
    const { rows: sessions } = await knex.raw(UNPLACED_SQL, [input.provider_id, named, start, end])
    return new StepResponse(
      ourProviderPaymentsOf(
        input.provider_id,
        payments as PaymentRow[],
        sessions as SessionRow[],
        bounds
      )
    )
  }
)
