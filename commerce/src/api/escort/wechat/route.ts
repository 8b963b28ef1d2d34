import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_INCOME_MODULE } from "../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../modules/escort-income/service"
import { escortRequest } from "../../escort-request"
import { presentEscortWechat } from "./present-escort-wechat"

/** GET /escort/wechat: `{ wechat: { bound, bound_at } }` for the signed-in escort. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const account = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .payoutAccount(escort.id)
  res.json({ wechat: presentEscortWechat(account) })
}
