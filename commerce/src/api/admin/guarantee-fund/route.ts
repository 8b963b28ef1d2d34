import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_CASE_MODULE } from "../../../modules/escort-case"
import type EscortCaseModuleService from "../../../modules/escort-case/service"
import type { AdminGuaranteeFundQuery } from "../../escort-case-validators"
import { presentFundEntry } from "../escort-cases/present-escort-case"

/**
 * GET /admin/guarantee-fund?kind=&case_id=&limit=&offset=: 平台保障金 — the balance (the sum
 * of the ledger, fen), its parts by kind and the entries, newest first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as z.infer<typeof AdminGuaranteeFundQuery>
  const cases = req.scope.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
  const [summary, { entries, count }] = await Promise.all([
    cases.fundSummary(),
    cases.fundEntries(query),
  ])
  res.json({ fund: summary, entries: entries.map(presentFundEntry), count })
}
