import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { LedgerRow } from "../../../../modules/affiliate/service"
import type { LedgerQueryType } from "../../../validators"
import { entryView } from "../../../views"
import { ledgerFilters } from "./ledger-filters"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const query = req.validatedQuery as LedgerQueryType
  const [entries, count] = await service.listAndCountLedgerEntries(ledgerFilters(query), {
    take: query.limit,
    skip: query.offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({
    entries: entries.map((entry) => ({
      ...entryView(entry as unknown as LedgerRow),
      affiliate_id: entry.affiliate_id,
    })),
    count,
    limit: query.limit,
    offset: query.offset,
  })
}
