/** Medusa's provider for offline (岳阳) payments, confirmed by finance's capture. */
export const OFFLINE_PROVIDER_ID = "pp_system_default"

export type OfflineReceiptProblem = "missing_reference" | "duplicate_reference"

/**
 * Confirmed offline payments with the bank reference finance gave (if any) and how many
 * payments share that reference. Amounts in fen, converted in SQL.
 */
export function offlineReceiptsSql(problem?: OfflineReceiptProblem) {
  const filter =
    problem === "missing_reference"
      ? "where x.bank_reference is null"
      : problem === "duplicate_reference"
        ? "where x.uses > 1"
        : ""
  return `
    with x as (
      select p.id as payment_id, round(p.amount * 100)::bigint as amount, p.captured_at,
             opc.order_id, o.display_id, r.bank_reference, r.recorded_by, r.created_at as recorded_at,
             case when r.bank_reference is null then 0 else count(*) over (partition by r.bank_reference) end as uses
        from payment p
        left join order_payment_collection opc
          on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
        left join "order" o on o.id = opc.order_id
        left join offline_receipt r on r.payment_id = p.id and r.deleted_at is null
       where p.provider_id = '${OFFLINE_PROVIDER_ID}' and p.deleted_at is null
         and p.captured_at is not null and p.amount > 0
    )
    select x.*, count(*) over () as total from x ${filter}
     order by x.captured_at desc, x.payment_id
     limit ? offset ?`
}
