import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_CASE_MODULE } from "../../../modules/escort-case"
import type EscortCaseModuleService from "../../../modules/escort-case/service"
import { openEscortCaseWorkflow } from "../../../workflows/escort-case/open-escort-case"
import type { AdminEscortCasesQuery, OpenEscortCaseBody } from "../../escort-case-validators"
import { presentEscortCase } from "./present-escort-case"

/** GET /admin/escort-cases?status=&source=&owner_id=&booking_id=&limit=&offset=: newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as z.infer<typeof AdminEscortCasesQuery>
  const { cases, count } = await req.scope
    .resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    .listCasesFor(query)
  res.json({ cases: cases.map(presentEscortCase), count })
}

/**
 * POST /admin/escort-cases `{ from: "dispute"|"alert", source_id }`: opens the case of a
 * complaint or an alert (报备 included); again for the same source answers the same case (200).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof OpenEscortCaseBody>>,
  res: MedusaResponse
) {
  const { result } = await openEscortCaseWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  if (result.created) {
    res.locals.audit = {
      action: "escort_case.opened",
      details: { case_id: result.case.id, source: result.case.source },
    }
  }
  res.status(result.created ? 201 : 200).json({ case: presentEscortCase(result.case) })
}
