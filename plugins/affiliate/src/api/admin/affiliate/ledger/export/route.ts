import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { LedgerRow } from "../../../../../modules/affiliate/service"
import type { LedgerQueryType } from "../../../../validators"
import { customersOf } from "../../customers-of"
import { ledgerFilters } from "../ledger-filters"
import { writeLedgerWorkbook, type LedgerLookups } from "./ledger-workbook"

/** Rows read per query; the workbook is streamed, so the page size only bounds memory. */
export const EXPORT_PAGE_SIZE = 2_000

async function lookupsFor(
  container: MedusaContainer,
  service: AffiliateModuleService,
  entries: LedgerRow[]
): Promise<LedgerLookups> {
  const ids = (pick: (entry: LedgerRow) => string | null | undefined) => [
    ...new Set(entries.map(pick).filter((id): id is string => Boolean(id))),
  ]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const affiliateIds = ids((entry) => entry.affiliate_id)
  const orderIds = ids((entry) => entry.order_id)
  const productIds = ids((entry) => entry.product_id)
  const [affiliates, orders, products] = await Promise.all([
    affiliateIds.length ? service.listAffiliates({ id: affiliateIds }) : [],
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : { data: [] },
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })
      : { data: [] },
  ])
  const customers = await customersOf(
    container,
    affiliates.map((affiliate) => affiliate.customer_id)
  )
  return {
    members: new Map(
      affiliates.map((affiliate) => {
        const customer = customers.get(affiliate.customer_id)
        const name = `${customer?.last_name ?? ""}${customer?.first_name ?? ""}`
        return [affiliate.id, { code: affiliate.code, name: name || customer?.email || "" }]
      })
    ),
    orders: new Map(
      (orders.data as { id: string; display_id: number }[]).map((o) => [o.id, o.display_id])
    ),
    products: new Map(
      (products.data as { id: string; title: string }[]).map((p) => [p.id, p.title])
    ),
  }
}

/**
 * The filtered ledger as an Excel workbook (佣金流水.xlsx), oldest first, streamed page by
 * page so every matching entry is in it however many there are.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const filters = ledgerFilters(req.validatedQuery as LedgerQueryType)

  async function* pages() {
    for (let skip = 0; ; skip += EXPORT_PAGE_SIZE) {
      const entries = (await service.listLedgerEntries(filters, {
        order: { created_at: "ASC", id: "ASC" },
        take: EXPORT_PAGE_SIZE,
        skip,
      })) as unknown as LedgerRow[]
      if (!entries.length) return
      yield { entries, lookups: await lookupsFor(req.scope, service, entries) }
      if (entries.length < EXPORT_PAGE_SIZE) return
    }
  }

  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="affiliate-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent("佣金流水.xlsx")}`
  )
  await writeLedgerWorkbook(res, pages())
  if (!res.writableEnded) res.end()
}
