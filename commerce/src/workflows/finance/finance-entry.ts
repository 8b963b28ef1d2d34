import { maskedMemberLabel, maskPhone } from "@health/medusa-plugin-affiliate"
import type { FinanceFigure } from "./finance-period"
import { providerLabel } from "./labels"

/** One row behind a figure, traceable to its source row and order; the member masked. */
export type FinanceEntry = {
  id: string
  figure: FinanceFigure
  /** Fen (1 for an order). */
  amount: number
  happened_at: string
  order_id: string | null
  order_display_id: number | null
  product_id: string | null
  provider_id: string | null
  provider_label: string | null
  channel: string | null
  member_id: string | null
  /** 138****5678, else a masked name or e-mail. */
  member: string | null
}

/** A row of `entriesSql` as the API shows it. */
export function financeEntryOf(row: Record<string, unknown>): FinanceEntry {
  const text = (key: string) => (row[key] as string | null | undefined) ?? null
  const memberId = text("member_id")
  return {
    id: String(row.id),
    figure: row.figure as FinanceFigure,
    amount: Number(row.amount),
    happened_at: new Date(row.happened_at as string | Date).toISOString(),
    order_id: text("order_id"),
    order_display_id: row.order_display_id == null ? null : Number(row.order_display_id),
    product_id: text("product_id"),
    provider_id: text("provider_id"),
    provider_label: text("provider_id") && providerLabel(text("provider_id")),
    channel: text("channel"),
    member_id: memberId,
    member: memberId
      ? (maskPhone(text("member_phone")) ??
        maskedMemberLabel({
          first_name: text("member_first_name"),
          last_name: text("member_last_name"),
          email: text("member_email"),
        }))
      : null,
  }
}
