import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_MODULE } from "../../../modules/escort"
import type EscortModuleService from "../../../modules/escort/service"
import type { CreateEscortBody } from "../../escort-validators"

type Body = z.infer<typeof CreateEscortBody>

/** POST /admin/escorts: operations add a 陪诊员, who then signs in with this phone number. */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  if (await escorts.escortByPhone(req.validatedBody.phone)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "该手机号已是陪诊员")
  }
  const escort = await escorts.createEscorts(req.validatedBody)
  res.status(201).json({ escort })
}

/** GET /admin/escorts: every escort, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const list = await escorts.listEscorts({}, { order: { created_at: "DESC" }, take: 200 })
  res.json({ escorts: list })
}
